// The POSIX 2024 and BSD string additions against glibc: memmem, strsep,
// strsignal, ffs/ffsl/ffsll directly; strlcpy/strlcat (not in glibc 2.36)
// against a model built from glibc's snprintf, which has their semantics.
#include <gtest/gtest.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include <random>
#include <string>

#include "kernel/abi/signals.h"
#include "libc/src/string/string_api.h"

namespace {

namespace q = qrv::libc;

// Bytes from a small alphabet including NUL, so memmem meets embedded zeros.
std::string bytes(std::mt19937& rng, size_t max_len, bool with_nul) {
  static const char kAlphabet[] = "abab,c\x80";
  std::string s(rng() % (max_len + 1), 'a');
  for (char& c : s) c = with_nul && rng() % 8 == 0 ? '\0' : kAlphabet[rng() % (sizeof(kAlphabet) - 1)];
  return s;
}

TEST(StringPosixTest, MemmemMatchesGlibc) {
  std::mt19937 rng(11);
  for (int iter = 0; iter < 100000; ++iter) {
    const std::string h = bytes(rng, 40, true);
    std::string n = bytes(rng, 5, true);
    if (rng() % 3 == 0 && !h.empty()) {  // a needle that occurs, sometimes at the very end
      const size_t at = rng() % h.size();
      n = h.substr(at, rng() % (h.size() - at + 1));
    }
    const void* mine = q::memmem(h.data(), h.size(), n.data(), n.size());
    const void* theirs = ::memmem(h.data(), h.size(), n.data(), n.size());
    ASSERT_EQ(mine, theirs) << "hlen " << h.size() << " nlen " << n.size();
  }
  const char text[] = "abc";
  EXPECT_EQ(q::memmem(text, 3, "", 0), text);  // empty needle: the haystack
  EXPECT_EQ(q::memmem(text, 0, "", 0), text);
  EXPECT_EQ(q::memmem(text, 0, "a", 1), nullptr);
  EXPECT_EQ(q::memmem(text, 2, "bc", 2), nullptr);  // must not look past hlen
  EXPECT_EQ(q::memmem(text, 3, "abcd", 4), nullptr);
  EXPECT_EQ(q::memmem(text, 4, "c\0", 2), text + 2);  // the terminator is just a byte
}

// strlcpy as glibc's snprintf(dst, n, "%s", src) computes it.
size_t model_strlcpy(char* dst, const char* src, size_t n) {
  return static_cast<size_t>(::snprintf(dst, n, "%s", src));
}

size_t model_strlcat(char* dst, const char* src, size_t n) {
  const size_t used = ::strnlen(dst, n);
  if (used == n) return n + ::strlen(src);
  return used + model_strlcpy(dst + used, src, n - used);
}

TEST(StringPosixTest, StrlcpyAndStrlcatMatchTheSnprintfModel) {
  std::mt19937 rng(12);
  for (int iter = 0; iter < 50000; ++iter) {
    const std::string s = bytes(rng, 30, false), t = bytes(rng, 30, false);
    const size_t n = rng() % 40;
    char a[80], b[80];
    memset(a, 'z', sizeof(a));
    memset(b, 'z', sizeof(b));
    // Start from a dst that is terminated or (when n is small) not within n.
    const size_t pre = rng() % 20;
    memset(a, 'p', pre);
    memset(b, 'p', pre);
    a[pre] = b[pre] = '\0';
    ASSERT_EQ(q::strlcat(a, s.c_str(), n), model_strlcat(b, s.c_str(), n)) << "pre " << pre << " n " << n;
    ASSERT_EQ(memcmp(a, b, sizeof(a)), 0);
    ASSERT_EQ(q::strlcpy(a, t.c_str(), n), model_strlcpy(b, t.c_str(), n)) << "n " << n;
    ASSERT_EQ(memcmp(a, b, sizeof(a)), 0);
  }
  EXPECT_EQ(q::strlcpy(nullptr, "hello", 0), 5u);  // n == 0 writes nothing
  char one[1] = {'x'};
  EXPECT_EQ(q::strlcpy(one, "hello", 1), 5u);
  EXPECT_EQ(one[0], '\0');
  char full[4] = {'a', 'b', 'c', 'd'};  // no terminator within n
  EXPECT_EQ(q::strlcat(full, "xy", 4), 6u);
  EXPECT_EQ(memcmp(full, "abcd", 4), 0);
}

TEST(StringPosixTest, StrsepMatchesGlibcIncludingEmptyFields) {
  std::mt19937 rng(13);
  for (int iter = 0; iter < 20000; ++iter) {
    std::string s = bytes(rng, 30, false), t = s;
    const std::string delim = bytes(rng, 2, false);  // sometimes empty: one field
    char* ps = s.data();
    char* pt = t.data();
    for (;;) {
      char* a = q::strsep(&ps, delim.c_str());
      char* b = ::strsep(&pt, delim.c_str());
      ASSERT_EQ(a == nullptr, b == nullptr);
      ASSERT_EQ(ps == nullptr, pt == nullptr);
      if (a == nullptr) break;
      ASSERT_EQ(a - s.data(), b - t.data());
      if (ps != nullptr) {
        ASSERT_EQ(ps - s.data(), pt - t.data());
      }
    }
    ASSERT_EQ(s, t);
  }
  char text[] = ",a,,b";
  char* p = text;
  EXPECT_STREQ(q::strsep(&p, ","), "");
  EXPECT_STREQ(q::strsep(&p, ","), "a");
  EXPECT_STREQ(q::strsep(&p, ","), "");
  EXPECT_STREQ(q::strsep(&p, ","), "b");
  EXPECT_EQ(p, nullptr);
  EXPECT_EQ(q::strsep(&p, ","), nullptr);
}

TEST(StringPosixTest, StrsignalMatchesGlibcForTheSignalsQrvNames) {
  const int kNamed[] = {QRV_SIGHUP,  QRV_SIGINT,  QRV_SIGQUIT, QRV_SIGILL,  QRV_SIGTRAP, QRV_SIGABRT,
                        QRV_SIGBUS,  QRV_SIGFPE,  QRV_SIGKILL, QRV_SIGUSR1, QRV_SIGSEGV, QRV_SIGUSR2,
                        QRV_SIGPIPE, QRV_SIGALRM, QRV_SIGTERM, QRV_SIGCHLD, QRV_SIGCONT, QRV_SIGSTOP,
                        QRV_SIGTSTP, QRV_SIGTTIN, QRV_SIGTTOU, QRV_SIGURG,  QRV_SIGWINCH};
  for (int signo : kNamed) EXPECT_STREQ(q::strsignal(signo), ::strsignal(signo)) << signo;
  // Numbers QRV does not name (glibc names more, and real-time signals).
  for (int signo : {-1, 0, 16, 29, 34, QRV_SIGMAX, QRV_SIGMAX + 1, INT_MIN}) {
    EXPECT_EQ(std::string(q::strsignal(signo)), "Unknown signal " + std::to_string(signo));
  }
  EXPECT_STREQ(::strsignal(0), "Unknown signal 0");  // where glibc agrees
  EXPECT_STREQ(::strsignal(65), q::strsignal(65));
}

TEST(StringPosixTest, FfsMatchesGlibc) {
  std::mt19937_64 rng(14);
  for (int bit = 0; bit < 64; ++bit) {
    const long long v = static_cast<long long>(1ull << bit);
    ASSERT_EQ(q::ffsll(v), ::ffsll(v)) << bit;
    // The sign bit set as well leaves the lowest set bit where it was.
    const long with_sign = static_cast<long>(v) | LONG_MIN;
    ASSERT_EQ(q::ffsl(with_sign), ::ffsl(with_sign)) << bit;
    if (bit < 32) {
      ASSERT_EQ(q::ffs(static_cast<int>(1u << bit)), ::ffs(static_cast<int>(1u << bit))) << bit;
    }
  }
  for (int iter = 0; iter < 100000; ++iter) {
    const uint64_t r = rng() & rng();  // sparser bits, higher first-set indexes
    ASSERT_EQ(q::ffsll(static_cast<long long>(r)), ::ffsll(static_cast<long long>(r)));
    ASSERT_EQ(q::ffs(static_cast<int>(static_cast<uint32_t>(r))), ::ffs(static_cast<int>(static_cast<uint32_t>(r))));
  }
  EXPECT_EQ(q::ffs(0), 0);
  EXPECT_EQ(q::ffsl(0), 0);
  EXPECT_EQ(q::ffs(INT_MIN), 32);
  EXPECT_EQ(q::ffsll(LLONG_MIN), 64);
  EXPECT_EQ(q::ffs(-1), 1);
}

}  // namespace
