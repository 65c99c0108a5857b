// fenv.h on the host, where QRV's environment is SSE's MXCSR: what QRV sets,
// glibc's fenv reads, and what SSE arithmetic raises, QRV's reads; the rounding mode steers QRV's rint;
// environments save, restore, hold and merge. (On the board, libc_smoke
// checks the same on the fcsr.)
#include <fenv.h>
#include <math.h>

#include <gtest/gtest.h>

#include "libc/src/math/fenv_api.h"
#include "libc/src/math/math_api.h"

namespace {

namespace q = qrv::libc;

constexpr int kGlibcAll = FE_INVALID | FE_DIVBYZERO | FE_OVERFLOW | FE_UNDERFLOW | FE_INEXACT;

struct Pair {
  int ours;
  int glibc;
};
constexpr Pair kExcepts[] = {{q::kFeInexact, FE_INEXACT},
                             {q::kFeUnderflow, FE_UNDERFLOW},
                             {q::kFeOverflow, FE_OVERFLOW},
                             {q::kFeDivByZero, FE_DIVBYZERO},
                             {q::kFeInvalid, FE_INVALID}};
constexpr Pair kModes[] = {{q::kFeToNearest, FE_TONEAREST},
                           {q::kFeTowardZero, FE_TOWARDZERO},
                           {q::kFeDownward, FE_DOWNWARD},
                           {q::kFeUpward, FE_UPWARD}};

class FenvTest : public ::testing::Test {
 protected:
  void SetUp() override {
    feclearexcept(kGlibcAll);
    fesetround(FE_TONEAREST);
  }
  void TearDown() override { SetUp(); }
};

TEST_F(FenvTest, RaiseAndTestEachWay) {
  for (const Pair& e : kExcepts) {
    ASSERT_EQ(q::feraiseexcept(e.ours), 0);
    EXPECT_EQ(fetestexcept(kGlibcAll), e.glibc);
    EXPECT_EQ(q::fetestexcept(q::kFeAllExcept), e.ours);
    ASSERT_EQ(q::feclearexcept(e.ours), 0);
    EXPECT_EQ(fetestexcept(kGlibcAll), 0);
  }
  // (glibc's feraiseexcept raises some through the x87, which QRV's view
  // does not read; SSE arithmetic it sees.)
  volatile double big = 1e308, zero = 0;
  big = big * 10;
  EXPECT_EQ(q::fetestexcept(q::kFeAllExcept), q::kFeOverflow | q::kFeInexact);
  q::feclearexcept(q::kFeAllExcept);
  big = 1 / zero;
  EXPECT_EQ(q::fetestexcept(q::kFeAllExcept), q::kFeDivByZero);
  EXPECT_EQ(q::fetestexcept(q::kFeInvalid), 0);
}

TEST_F(FenvTest, RoundingModes) {
  for (const Pair& m : kModes) {
    // glibc's fegetround reads the x87 control word; its rint rounds by MXCSR.
    ASSERT_EQ(q::fesetround(m.ours), 0);
    EXPECT_EQ(q::fegetround(), m.ours);
    EXPECT_EQ(::rint(2.5), q::rint(2.5));
    EXPECT_EQ(::rint(-1.5), q::rint(-1.5));
    fesetround(m.glibc);
    EXPECT_EQ(q::fegetround(), m.ours);
  }
  EXPECT_NE(q::fesetround(4), 0);
  EXPECT_NE(q::fesetround(-1), 0);
  const double expect[4] = {2, 2, 2, 3};  // 2.5 to nearest, toward zero, down, up
  for (const Pair& m : kModes) {
    q::fesetround(m.ours);
    EXPECT_EQ(q::rint(2.5), expect[m.ours]);
    EXPECT_EQ(q::rint(-2.5), -expect[m.ours == q::kFeDownward ? q::kFeUpward : m.ours == q::kFeUpward ? q::kFeDownward : m.ours]);
    q::feclearexcept(q::kFeAllExcept);
    EXPECT_EQ(q::nearbyint(0.5), m.ours == q::kFeUpward ? 1.0 : 0.0);
    EXPECT_EQ(q::fetestexcept(q::kFeInexact), 0);
    EXPECT_EQ(q::lrint(-0.5), m.ours == q::kFeDownward ? -1 : 0);
    EXPECT_EQ(q::fetestexcept(q::kFeInexact), q::kFeInexact);
  }
}

TEST_F(FenvTest, ExceptFlags) {
  q::feraiseexcept(q::kFeOverflow | q::kFeInexact);
  q::fexcept_t saved = 0;
  ASSERT_EQ(q::fegetexceptflag(&saved, q::kFeOverflow | q::kFeInvalid), 0);
  EXPECT_EQ(saved, static_cast<q::fexcept_t>(q::kFeOverflow));
  q::feclearexcept(q::kFeAllExcept);
  q::feraiseexcept(q::kFeInvalid);
  // Only the named flags change: overflow comes back, invalid goes, inexact stays clear.
  ASSERT_EQ(q::fesetexceptflag(&saved, q::kFeOverflow | q::kFeInvalid), 0);
  EXPECT_EQ(q::fetestexcept(q::kFeAllExcept), q::kFeOverflow);
}

TEST_F(FenvTest, Environments) {
  q::fesetround(q::kFeUpward);
  q::feraiseexcept(q::kFeUnderflow);
  q::fenv_t env = 0;
  ASSERT_EQ(q::fegetenv(&env), 0);
  ASSERT_EQ(q::fesetenv(q::fe_dfl_env()), 0);
  EXPECT_EQ(q::fegetround(), q::kFeToNearest);
  EXPECT_EQ(q::fetestexcept(q::kFeAllExcept), 0);
  ASSERT_EQ(q::fesetenv(&env), 0);
  EXPECT_EQ(q::fegetround(), q::kFeUpward);
  EXPECT_EQ(q::fetestexcept(q::kFeAllExcept), q::kFeUnderflow);

  // Hold: flags cleared, mode kept; update: the held flags merged back.
  q::fenv_t held = 0;
  ASSERT_EQ(q::feholdexcept(&held), 0);
  EXPECT_EQ(q::fetestexcept(q::kFeAllExcept), 0);
  EXPECT_EQ(q::fegetround(), q::kFeUpward);
  q::fesetround(q::kFeDownward);
  q::feraiseexcept(q::kFeDivByZero);
  ASSERT_EQ(q::feupdateenv(&held), 0);
  EXPECT_EQ(q::fegetround(), q::kFeUpward);
  EXPECT_EQ(q::fetestexcept(q::kFeAllExcept), q::kFeUnderflow | q::kFeDivByZero);
}

}  // namespace
