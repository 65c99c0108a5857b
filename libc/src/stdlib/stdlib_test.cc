// stdlib.h against glibc: strtol family on generated edge strings, qsort on
// random arrays, bsearch, abs/div at the extremes, rand sequences.
#include "libc/src/stdlib/stdlib_api.h"

#include <errno.h>
#include <gtest/gtest.h>
#include <inttypes.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <random>
#include <string>
#include <vector>

#include "kernel/abi/abi.h"
#include "libc/src/common/errno.h"
#include "libc/src/neutrino/kernel_call.h"

namespace {

namespace q = qrv::libc;

std::string random_number_text(std::mt19937& rng) {
  static const char* const kPieces[] = {
      " ", "\t", "\n", "+", "-", "0", "0x", "0X", "1", "7", "9", "a", "f", "F", "z", "Z", "g",
      "x", "18446744073709551615", "18446744073709551616", "9223372036854775807",
      "9223372036854775808", "99999999999999999999999", "777777777777777777777777", "ffffffffffffffff",
      "1ffffffffffffffff", ".", "e", "--", "+-", "000000000000000000000001"};
  std::string s;
  const int parts = static_cast<int>(rng() % 5);
  for (int i = 0; i < parts; ++i) s += kPieces[rng() % (sizeof(kPieces) / sizeof(kPieces[0]))];
  return s;
}

TEST(StrtolTest, MatchesGlibcOnGeneratedEdgeStrings) {
  std::mt19937 rng(1);
  const int kBases[] = {0, 2, 8, 10, 16, 36, 1, -1, 37, 0, 10, 16};
  for (int iter = 0; iter < 200000; ++iter) {
    const std::string s = random_number_text(rng);
    const int base = kBases[rng() % (sizeof(kBases) / sizeof(kBases[0]))];
    SCOPED_TRACE("\"" + s + "\" base " + std::to_string(base));
    const char* p = s.c_str();
    char* qe = nullptr;
    char* ge = nullptr;

    q::set_errno(0);
    errno = 0;
    const long ql = q::strtol(p, &qe, base);
    const long gl = ::strtol(p, &ge, base);
    ASSERT_EQ(ql, gl);
    ASSERT_EQ(q::get_errno(), errno);
    if (base != 1 && base >= 0 && base <= 36) {
      ASSERT_EQ(qe - p, ge - p);
    }

    q::set_errno(0);
    errno = 0;
    const unsigned long qu = q::strtoul(p, &qe, base);
    const unsigned long gu = ::strtoul(p, &ge, base);
    ASSERT_EQ(qu, gu);
    ASSERT_EQ(q::get_errno(), errno);
    if (base != 1 && base >= 0 && base <= 36) {
      ASSERT_EQ(qe - p, ge - p);
    }

    q::set_errno(0);
    errno = 0;
    ASSERT_EQ(q::strtoll(p, nullptr, base), ::strtoll(p, nullptr, base));
    ASSERT_EQ(q::get_errno(), errno);
    ASSERT_EQ(q::strtoull(p, nullptr, base), ::strtoull(p, nullptr, base));
    ASSERT_EQ(q::strtoimax(p, nullptr, base), ::strtoimax(p, nullptr, base));
    ASSERT_EQ(q::strtoumax(p, nullptr, base), ::strtoumax(p, nullptr, base));
    ASSERT_EQ(q::atoi(p), ::atoi(p));
    ASSERT_EQ(q::atol(p), ::atol(p));
    ASSERT_EQ(q::atoll(p), ::atoll(p));
  }
}

TEST(StrtolTest, ExtremesAndEmptyInput) {
  char* end = nullptr;
  EXPECT_EQ(q::strtol("-9223372036854775808", &end, 10), LONG_MIN);
  EXPECT_EQ(*end, '\0');
  q::set_errno(0);
  EXPECT_EQ(q::strtol("-9223372036854775809", nullptr, 10), LONG_MIN);
  EXPECT_EQ(q::get_errno(), ERANGE);
  EXPECT_EQ(q::strtoul("-1", nullptr, 10), ULONG_MAX);
  const char* empty = "";
  EXPECT_EQ(q::strtol(empty, &end, 0), 0);
  EXPECT_EQ(end, empty);
  const char* zx = "0x";  // no hex digit: parses the 0, stops at x
  EXPECT_EQ(q::strtol(zx, &end, 16), 0);
  EXPECT_EQ(end, zx + 1);
  const char* sign_only = "  -";
  EXPECT_EQ(q::strtoul(sign_only, &end, 10), 0u);
  EXPECT_EQ(end, sign_only);
  q::set_errno(0);
  EXPECT_EQ(q::strtol("12", nullptr, 1), 0);
  EXPECT_EQ(q::get_errno(), EINVAL);
}

int compare_ints(const void* a, const void* b) {
  const int x = *static_cast<const int*>(a), y = *static_cast<const int*>(b);
  return (x > y) - (x < y);
}

struct Wide {
  uint64_t key;
  char payload[13];
};

int compare_wide(const void* a, const void* b) {
  const auto* x = static_cast<const Wide*>(a);
  const auto* y = static_cast<const Wide*>(b);
  if (x->key != y->key) return x->key < y->key ? -1 : 1;
  return memcmp(x->payload, y->payload, sizeof(x->payload));
}

TEST(QsortTest, SortsRandomArraysLikeGlibc) {
  std::mt19937 rng(2);
  for (int iter = 0; iter < 600; ++iter) {
    const size_t n = rng() % (iter < 500 ? 200 : 20000);
    const uint32_t range = iter % 3 == 0 ? 5 : UINT32_MAX;  // many duplicates, or few
    std::vector<int> a(n);
    for (int& v : a) v = static_cast<int>(static_cast<uint32_t>(rng() % range) - range / 2);
    if (iter % 7 == 1) std::sort(a.begin(), a.end());       // already sorted
    if (iter % 7 == 2) std::sort(a.rbegin(), a.rend());     // reversed
    std::vector<int> b = a;
    q::qsort(a.data(), a.size(), sizeof(int), compare_ints);
    ::qsort(b.data(), b.size(), sizeof(int), compare_ints);
    ASSERT_EQ(a, b) << "n=" << n;
  }
}

TEST(QsortTest, SortsOddSizedElements) {
  std::mt19937 rng(3);
  std::vector<Wide> a(5000);
  for (Wide& w : a) {
    w.key = rng() % 100;
    for (char& c : w.payload) c = static_cast<char>(rng());
  }
  std::vector<Wide> b = a;
  q::qsort(a.data(), a.size(), sizeof(Wide), compare_wide);
  ::qsort(b.data(), b.size(), sizeof(Wide), compare_wide);
  ASSERT_EQ(memcmp(a.data(), b.data(), a.size() * sizeof(Wide)), 0);
  q::qsort(nullptr, 0, sizeof(int), compare_ints);  // NULL allowed when count is 0
}

TEST(BsearchTest, FindsEveryElementAndRejectsAbsentOnes) {
  std::vector<int> a;
  for (int i = 0; i < 1000; ++i) a.push_back(i * 2);
  for (int k = -3; k < 2003; ++k) {
    void* mine = q::bsearch(&k, a.data(), a.size(), sizeof(int), compare_ints);
    void* ref = ::bsearch(&k, a.data(), a.size(), sizeof(int), compare_ints);
    ASSERT_EQ(mine, ref) << k;
  }
  int k = 1;
  EXPECT_EQ(q::bsearch(&k, nullptr, 0, sizeof(int), compare_ints), nullptr);
}

TEST(ArithTest, AbsAndDivMatchGlibc) {
  std::mt19937 rng(4);
  for (int iter = 0; iter < 100000; ++iter) {
    const int x = static_cast<int>(rng());
    int y = static_cast<int>(rng()) >> (rng() % 31);
    if (y == 0) y = 1;
    ASSERT_EQ(q::abs(x == INT_MIN ? x + 1 : x), ::abs(x == INT_MIN ? x + 1 : x));
    const q::DivResult d = q::div(x, y);
    const div_t g = ::div(x, y);
    ASSERT_EQ(d.quot, g.quot);
    ASSERT_EQ(d.rem, g.rem);
    const long long lx = static_cast<long long>(rng()) << 32 | rng();
    const long long ly = (static_cast<long long>(rng()) << 20 | 1) * (rng() % 2 ? 1 : -1);
    const q::LLDivResult ld = q::lldiv(lx, ly);
    ASSERT_EQ(ld.quot, ::lldiv(lx, ly).quot);
    ASSERT_EQ(ld.rem, ::lldiv(lx, ly).rem);
    ASSERT_EQ(q::ldiv(lx, ly).rem, ::ldiv(lx, ly).rem);
    ASSERT_EQ(q::llabs(lx == LLONG_MIN ? 0 : lx), ::llabs(lx == LLONG_MIN ? 0 : lx));
  }
  EXPECT_EQ(q::labs(LONG_MIN + 1), LONG_MAX);
  EXPECT_EQ(q::imaxabs(-5), 5);
  EXPECT_EQ(q::div(INT_MIN, -1 + 2).quot, INT_MIN);
}

TEST(RandTest, SequencesMatchGlibc) {
  for (unsigned seed : {0u, 1u, 2u, 42u, 12345u, 2147483647u, 2147483648u, 4294967295u}) {
    q::srand(seed);
    ::srand(seed);
    for (int i = 0; i < 1000; ++i) ASSERT_EQ(q::rand(), ::rand()) << seed << " #" << i;
  }
}

}  // namespace

namespace {

TEST(StrtodTest, MatchesGlibcIncludingErrno) {
  const char* const kInputs[] = {"1.5",    "  -0.0", "1e308", "1e309",  "-1e-400", "4.9e-324", "0x1.8p3",
                                 "inf",    "-INFINITY", "nan", "nan(123)", "1e",   "abc",     "",
                                 ".5e-3x", "2.2250738585072011e-308", "123456789012345678901234567890"};
  for (const char* s : kInputs) {
    SCOPED_TRACE(s);
    char* qe = nullptr;
    char* ge = nullptr;
    q::set_errno(0);
    errno = 0;
    const double qd = q::strtod(s, &qe);
    const double gd = ::strtod(s, &ge);
    EXPECT_EQ(memcmp(&qd, &gd, sizeof(double)) == 0 || (qd != qd && gd != gd), true);
    EXPECT_EQ(qe, ge);
    EXPECT_EQ(q::get_errno(), errno);
    q::set_errno(0);
    errno = 0;
    const float qf = q::strtof(s, nullptr);
    const float gf = ::strtof(s, nullptr);
    EXPECT_TRUE(qf == gf || (qf != qf && gf != gf));
    EXPECT_EQ(q::get_errno(), errno);
    const long double ql = q::strtold(s, nullptr);
    const long double gl = ::strtold(s, nullptr);
    EXPECT_TRUE(ql == gl || (ql != ql && gl != gl));
    EXPECT_TRUE(q::atof(s) == ::atof(s) || q::atof(s) != q::atof(s));
  }
}

int g_order[4];
int g_calls = 0;
void first() { g_order[g_calls++] = 1; }
void second() { g_order[g_calls++] = 2; }

long exit_kernel(long number, const long args[6]) {
  if (number == __KER_THREAD_DESTROY && args[0] == -1) {
    // The whole process ends: report the order the handlers ran in, and the status.
    fprintf(stderr, "handlers %d%d status %ld\n", g_order[0], g_order[1], args[2]);
    fflush(stderr);
    _exit(static_cast<int>(args[2]));
  }
  return -QRV_ENOSYS;
}

TEST(ExitDeathTest, RunsHandlersInReverseThenEndsTheProcess) {
  EXPECT_EXIT(
      {
        qrv::libc::set_host_kernel(exit_kernel);
        q::atexit(first);
        q::atexit(second);
        q::exit(3);
      },
      ::testing::ExitedWithCode(3), "handlers 21 status 3");
}

TEST(ExitDeathTest, AtexitAcceptsAtLeast32Handlers) {
  EXPECT_EXIT(
      {
        for (int i = 0; i < 64; ++i) {
          if (q::atexit(first) != 0) _exit(10);
        }
        _exit(q::atexit(first) == -1 ? 0 : 11);
      },
      ::testing::ExitedWithCode(0), "");
}

}  // namespace

namespace {

long abort_kernel(long number, const long args[6]) {
  if (number == __KER_SIGNAL_KILL) _exit(static_cast<int>(100 + args[3]));  // the signal sent
  return -QRV_ENOSYS;
}

TEST(ExitDeathTest, AssertFailureReportsAndAborts) {
  EXPECT_EXIT(
      {
        qrv::libc::set_host_kernel(abort_kernel);
        q::__qrv_assert_fail("x > 0", "file.c", 12, "fn");
      },
      ::testing::ExitedWithCode(100 + 6), "");
}

}  // namespace
