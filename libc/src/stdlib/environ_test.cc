// The environment against glibc: the same random sequences of setenv,
// unsetenv, putenv, getenv and clearenv on two copies of one start-up
// environment leave the same entries in the same order, with the same results
// and errno; and the start-up array itself is never written.
#include <errno.h>
#include <gtest/gtest.h>
#include <stdlib.h>
#include <string.h>

#include <deque>
#include <random>
#include <string>
#include <vector>

#include "libc/src/common/errno.h"
#include "libc/src/stdlib/stdlib_api.h"

extern char** environ;  // glibc's

namespace {

namespace q = qrv::libc;

std::vector<std::string> entries(char** v) {
  std::vector<std::string> out;
  for (; v != nullptr && *v != nullptr; ++v) out.emplace_back(*v);
  return out;
}

const char* const kNames[] = {"A", "B", "AB", "LONGERNAME", "X", "", "A=B"};
const char* const kValues[] = {"", "1", "two", "=eq", "A=B"};

template <size_t N>
const char* pick(std::mt19937& rng, const char* const (&pool)[N]) {
  return pool[rng() % N];
}

// Runs the differential test with glibc's environ swapped out, then restores it.
class EnvironTest : public ::testing::Test {
 protected:
  void SetUp() override { saved_ = ::environ; }
  void TearDown() override {
    ::clearenv();
    ::environ = saved_;
    q::clearenv();
  }
  char** saved_ = nullptr;
};

TEST_F(EnvironTest, RandomSequencesMatchGlibc) {
  std::mt19937 rng(21);
  for (int trial = 0; trial < 2000; ++trial) {
    // The start-up environment, with a repeated name and an entry without '='.
    std::deque<std::string> strings;  // keeps putenv's strings alive
    std::vector<char*> loader_q, loader_g;
    const int n = static_cast<int>(rng() % 6);
    for (int i = 0; i < n; ++i) {
      strings.push_back(rng() % 7 == 0 ? std::string("NOEQ")
                                       : std::string(pick(rng, kNames)) + "=" + pick(rng, kValues));
      loader_q.push_back(strings.back().data());
    }
    loader_q.push_back(nullptr);
    loader_g = loader_q;  // glibc's unsetenv writes its array in place
    const std::vector<char*> pristine = loader_q;
    q::environ = loader_q.data();
    ::environ = loader_g.data();
    for (int op = 0; op < 30; ++op) {
      const char* name = pick(rng, kNames);
      const char* value = pick(rng, kValues);
      int rq = 0, rg = 0;
      q::set_errno(0);
      errno = 0;
      switch (rng() % 6) {
        case 0:
        case 1: {
          const int overwrite = static_cast<int>(rng() % 2);
          rq = q::setenv(name, value, overwrite);
          rg = ::setenv(name, value, overwrite);
          break;
        }
        case 2:
          rq = q::unsetenv(name);
          rg = ::unsetenv(name);
          break;
        case 3: {
          strings.push_back(rng() % 4 == 0 ? std::string(name) : std::string(name) + "=" + value);
          rq = q::putenv(strings.back().data());
          rg = ::putenv(strings.back().data());
          break;
        }
        case 4: {
          const char* gq = q::getenv(name);
          const char* gg = ::getenv(name);
          ASSERT_EQ(gq == nullptr, gg == nullptr) << "getenv " << name;
          if (gq != nullptr) {
            ASSERT_STREQ(gq, gg);
          }
          break;
        }
        default:
          if (rng() % 4 == 0) {
            rq = q::clearenv();
            rg = ::clearenv();
          }
      }
      ASSERT_EQ(rq, rg) << "trial " << trial << " op " << op << " name '" << name << "'";
      if (rq != 0) {
        ASSERT_EQ(q::get_errno(), errno);
      }
      ASSERT_EQ(entries(q::environ), entries(::environ)) << "trial " << trial << " op " << op;
    }
    ASSERT_EQ(loader_q, pristine) << "the start-up array was written";
    ::clearenv();
    q::clearenv();
  }
}

TEST_F(EnvironTest, TheStartupArrayStaysUntouchedAndPutenvKeepsTheString) {
  char a[] = "A=1", b[] = "B=2";
  char* loader[] = {a, b, nullptr};
  q::environ = loader;
  EXPECT_EQ(q::getenv("A"), a + 2);  // a pointer into the entry itself
  EXPECT_EQ(q::setenv("A", "9", 1), 0);
  EXPECT_EQ(q::unsetenv("B"), 0);
  EXPECT_EQ(loader[0], a);
  EXPECT_EQ(loader[1], b);
  EXPECT_EQ(loader[2], nullptr);
  EXPECT_STREQ(a, "A=1");
  EXPECT_NE(q::environ, loader);
  EXPECT_STREQ(q::getenv("A"), "9");
  EXPECT_EQ(q::getenv("B"), nullptr);
  char c[] = "C=3";
  EXPECT_EQ(q::putenv(c), 0);
  EXPECT_EQ(q::getenv("C"), c + 2);
  c[2] = '4';  // the caller's string is the entry
  EXPECT_STREQ(q::getenv("C"), "4");
  // Enough entries to grow the array several times.
  for (int i = 0; i < 200; ++i) {
    const std::string name = "V" + std::to_string(i);
    ASSERT_EQ(q::setenv(name.c_str(), std::to_string(i * i).c_str(), 0), 0);
  }
  EXPECT_STREQ(q::getenv("V150"), "22500");
  EXPECT_EQ(entries(q::environ).size(), 202u);  // A, C and V0..V199
}

TEST_F(EnvironTest, BadArgumentsAreEinval) {
  q::environ = nullptr;
  EXPECT_EQ(q::getenv("A"), nullptr);  // no environment at all
  EXPECT_EQ(q::unsetenv("A"), 0);
  for (const char* bad : {"", "A=B"}) {
    q::set_errno(0);
    EXPECT_EQ(q::setenv(bad, "x", 1), -1);
    EXPECT_EQ(q::get_errno(), QRV_EINVAL);
    q::set_errno(0);
    EXPECT_EQ(q::unsetenv(bad), -1);
    EXPECT_EQ(q::get_errno(), QRV_EINVAL);
  }
  q::set_errno(0);
  EXPECT_EQ(q::setenv(nullptr, "x", 1), -1);
  EXPECT_EQ(q::get_errno(), QRV_EINVAL);
  EXPECT_EQ(q::setenv("A", nullptr, 1), -1);  // glibc crashes here
  EXPECT_EQ(q::get_errno(), QRV_EINVAL);
  EXPECT_EQ(q::environ, nullptr);
  EXPECT_EQ(q::setenv("A", "1", 0), 0);
  EXPECT_EQ(entries(q::environ), std::vector<std::string>{"A=1"});
  EXPECT_EQ(q::clearenv(), 0);
  EXPECT_EQ(q::environ, nullptr);
}

}  // namespace
