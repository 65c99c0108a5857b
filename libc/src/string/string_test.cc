// string.h against glibc: every function on large generated inputs (random
// lengths, alignments, contents from a small alphabet so matches happen),
// plus the edge cases: overlapping memmove, empty strings, bytes >= 0x80.
#include "libc/src/string/string_api.h"

#include <errno.h>
#include <gtest/gtest.h>
#include <string.h>
#include <strings.h>

#include <random>
#include <string>
#include <vector>

#include "kernel/abi/errno.h"
#include "libc/src/malloc/malloc_api.h"

namespace {

namespace q = qrv::libc;

class Gen {
 public:
  explicit Gen(uint32_t seed) : rng_(seed) {}
  size_t below(size_t n) { return std::uniform_int_distribution<size_t>(0, n - 1)(rng_); }
  // A string over a small alphabet (and high bytes), never containing NUL.
  std::string text(size_t max_len) {
    static const char kAlphabet[] = "abcAB \t,\x80\xff";
    std::string s(below(max_len + 1), 'a');
    for (char& c : s) c = kAlphabet[below(sizeof(kAlphabet) - 1)];
    return s;
  }

 private:
  std::mt19937 rng_;
};

int sign(int v) { return (v > 0) - (v < 0); }

TEST(StringTest, MemcpyMemsetMatchGlibcAtEveryAlignment) {
  Gen g(1);
  std::vector<unsigned char> src(600), a(600), b(600);
  for (auto& c : src) c = static_cast<unsigned char>(g.below(256));
  for (int iter = 0; iter < 20000; ++iter) {
    const size_t so = g.below(16), d = g.below(16), n = g.below(550);
    std::fill(a.begin(), a.end(), 0x5a);
    std::fill(b.begin(), b.end(), 0x5a);
    EXPECT_EQ(q::memcpy(a.data() + d, src.data() + so, n), a.data() + d);
    ::memcpy(b.data() + d, src.data() + so, n);
    ASSERT_EQ(a, b) << "memcpy n=" << n << " d=" << d << " s=" << so;
    const int c = static_cast<int>(g.below(512)) - 128;  // only the low byte counts
    EXPECT_EQ(q::memset(a.data() + d, c, n), a.data() + d);
    ::memset(b.data() + d, c, n);
    ASSERT_EQ(a, b) << "memset n=" << n << " d=" << d;
  }
}

TEST(StringTest, MemmoveHandlesEveryOverlap) {
  Gen g(2);
  std::vector<unsigned char> a(300), b(300);
  for (int iter = 0; iter < 20000; ++iter) {
    for (size_t i = 0; i < a.size(); ++i) a[i] = b[i] = static_cast<unsigned char>(i * 7);
    const size_t from = g.below(150), to = g.below(150), n = g.below(150);
    EXPECT_EQ(q::memmove(a.data() + to, a.data() + from, n), a.data() + to);
    ::memmove(b.data() + to, b.data() + from, n);
    ASSERT_EQ(a, b) << "from=" << from << " to=" << to << " n=" << n;
  }
}

TEST(StringTest, ZeroLengthCallsTouchNothing) {
  // C allows any pointer value with n == 0 only for valid pointers; use valid ones.
  char buf[4] = "abc";
  EXPECT_EQ(q::memcpy(buf, buf + 1, 0), buf);
  EXPECT_EQ(q::memmove(buf, buf + 1, 0), buf);
  EXPECT_EQ(q::memset(buf, 'x', 0), buf);
  EXPECT_EQ(q::memcmp(buf, "zzz", 0), 0);
  EXPECT_EQ(q::memchr(buf, 'a', 0), nullptr);
  EXPECT_STREQ(buf, "abc");
}

TEST(StringTest, ComparisonsMatchGlibcInSign) {
  Gen g(3);
  for (int iter = 0; iter < 50000; ++iter) {
    std::string x = g.text(20), y = g.below(4) == 0 ? x : g.text(20);
    if (g.below(3) == 0 && !x.empty()) y = x.substr(0, g.below(x.size()));
    const size_t n = g.below(25);
    ASSERT_EQ(q::strcmp(x.c_str(), y.c_str()), sign(::strcmp(x.c_str(), y.c_str()))) << x << "|" << y;
    ASSERT_EQ(q::strncmp(x.c_str(), y.c_str(), n), sign(::strncmp(x.c_str(), y.c_str(), n)));
    ASSERT_EQ(q::strcasecmp(x.c_str(), y.c_str()), sign(::strcasecmp(x.c_str(), y.c_str())));
    ASSERT_EQ(q::strncasecmp(x.c_str(), y.c_str(), n), sign(::strncasecmp(x.c_str(), y.c_str(), n)));
    ASSERT_EQ(q::strcoll(x.c_str(), y.c_str()), sign(::strcmp(x.c_str(), y.c_str())));
    const size_t m = std::min(x.size(), y.size());
    ASSERT_EQ(q::memcmp(x.data(), y.data(), m), sign(::memcmp(x.data(), y.data(), m)));
  }
}

TEST(StringTest, LengthsAndSearchesMatchGlibc) {
  Gen g(4);
  for (int iter = 0; iter < 50000; ++iter) {
    // Random offset into a buffer exercises strlen's alignment prologue.
    const std::string s = std::string(g.below(9), 'p') + g.text(70);
    const char* p = s.c_str() + g.below(s.size() + 1);
    ASSERT_EQ(q::strlen(p), ::strlen(p));
    const size_t max = g.below(80);
    ASSERT_EQ(q::strnlen(p, max), ::strnlen(p, max));
    const int c = static_cast<int>("abc\x80\xff,"[g.below(7)]);  // includes '\0'
    ASSERT_EQ(q::strchr(p, c), ::strchr(p, c));
    ASSERT_EQ(q::strrchr(p, c), ::strrchr(p, c));
    const size_t len = ::strlen(p);
    ASSERT_EQ(q::memchr(p, c, len), ::memchr(p, c, len));
    ASSERT_EQ(q::memrchr(p, c, len), ::memrchr(p, c, len));
    const std::string needle = g.text(3), set = g.text(4);
    ASSERT_EQ(q::strstr(p, needle.c_str()), ::strstr(p, needle.c_str())) << p << " / " << needle;
    ASSERT_EQ(q::strspn(p, set.c_str()), ::strspn(p, set.c_str()));
    ASSERT_EQ(q::strcspn(p, set.c_str()), ::strcspn(p, set.c_str()));
    ASSERT_EQ(q::strpbrk(p, set.c_str()), ::strpbrk(p, set.c_str()));
  }
}

TEST(StringTest, CopiesAndConcatenationsMatchGlibc) {
  Gen g(5);
  for (int iter = 0; iter < 20000; ++iter) {
    const std::string s = g.text(40), t = g.text(40);
    const size_t n = g.below(50);
    char a[128], b[128];
    memset(a, 'z', sizeof(a));
    memset(b, 'z', sizeof(b));
    EXPECT_EQ(q::strcpy(a, s.c_str()), a);
    ::strcpy(b, s.c_str());
    ASSERT_EQ(memcmp(a, b, sizeof(a)), 0);
    EXPECT_EQ(q::strncat(a, t.c_str(), n), a);
    ::strncat(b, t.c_str(), n);
    ASSERT_EQ(memcmp(a, b, sizeof(a)), 0);
    EXPECT_EQ(q::strcat(a, t.c_str()), a);
    ::strcat(b, t.c_str());
    ASSERT_EQ(memcmp(a, b, sizeof(a)), 0);
    EXPECT_EQ(q::strncpy(a, t.c_str(), n), a);
    ::strncpy(b, t.c_str(), n);
    ASSERT_EQ(memcmp(a, b, sizeof(a)), 0);
    EXPECT_EQ(q::stpcpy(a, s.c_str()) - a, ::stpcpy(b, s.c_str()) - b);
    EXPECT_EQ(q::stpncpy(a, t.c_str(), n) - a, ::stpncpy(b, t.c_str(), n) - b);
    ASSERT_EQ(memcmp(a, b, sizeof(a)), 0);
    const int stop = static_cast<int>("abc,"[g.below(4)]);
    void* ra = q::memccpy(a, s.c_str(), stop, s.size());
    void* rb = ::memccpy(b, s.c_str(), stop, s.size());
    ASSERT_EQ(ra == nullptr ? -1 : static_cast<char*>(ra) - a, rb == nullptr ? -1 : static_cast<char*>(rb) - b);
    ASSERT_EQ(memcmp(a, b, sizeof(a)), 0);
  }
}

TEST(StringTest, StrxfrmIsIdentityInTheCLocale) {
  char a[16], b[16];
  EXPECT_EQ(q::strxfrm(a, "hello", sizeof(a)), ::strxfrm(b, "hello", sizeof(b)));
  EXPECT_STREQ(a, b);
  EXPECT_EQ(q::strxfrm(nullptr, "hello", 0), 5u);  // NULL allowed when n == 0
}

TEST(StringTest, StrtokMatchesGlibc) {
  Gen g(6);
  for (int iter = 0; iter < 5000; ++iter) {
    std::string s = g.text(40), t = s;
    const std::string delim = g.text(3);
    char* sa = nullptr;
    char* sb = nullptr;
    char* ta = q::strtok_r(s.data(), delim.c_str(), &sa);
    char* tb = ::strtok_r(t.data(), delim.c_str(), &sb);
    while (ta != nullptr || tb != nullptr) {
      ASSERT_NE(ta, nullptr);
      ASSERT_NE(tb, nullptr);
      ASSERT_STREQ(ta, tb);
      ASSERT_EQ(ta - s.data(), tb - t.data());
      ta = q::strtok_r(nullptr, delim.c_str(), &sa);
      tb = ::strtok_r(nullptr, delim.c_str(), &sb);
    }
  }
  char text[] = "  one,two,,three ";
  EXPECT_STREQ(q::strtok(text, " ,"), "one");
  EXPECT_STREQ(q::strtok(nullptr, " ,"), "two");
  EXPECT_STREQ(q::strtok(nullptr, " ,"), "three");
  EXPECT_EQ(q::strtok(nullptr, " ,"), nullptr);
  EXPECT_EQ(q::strtok(nullptr, " ,"), nullptr);
}

TEST(StringTest, StrdupCopiesIntoQrvMalloc) {
  char* d = q::strdup("copy me");
  ASSERT_NE(d, nullptr);
  EXPECT_STREQ(d, "copy me");
  EXPECT_GE(q::malloc_usable_size(d), 8u);
  q::free(d);
  char* n = q::strndup("truncate", 4);
  EXPECT_STREQ(n, "trun");
  q::free(n);
  char* e = q::strdup("");
  EXPECT_STREQ(e, "");
  q::free(e);
}

TEST(StringTest, StrerrorMatchesGlibcForKnownAndUnknownNumbers) {
  for (int e = -5; e < 140; ++e) {
    if (e == QRV_ESRVRFAULT) continue;
    const char* mine = q::strerror(e);
    // Numbers QRV does not define print as unknown; glibc knows more of them.
    if (strncmp(mine, "Unknown error", 13) == 0 && strncmp(::strerror(e), "Unknown error", 13) != 0) continue;
    EXPECT_STREQ(mine, ::strerror(e)) << e;
  }
  EXPECT_STREQ(q::strerror(QRV_ESRVRFAULT), "Server fault on message pass");
  char small[8];
  EXPECT_EQ(q::strerror_r(QRV_ENOENT, small, sizeof(small)), QRV_ERANGE);
  EXPECT_STREQ(small, "No such");
  char big[64];
  EXPECT_EQ(q::strerror_r(QRV_ENOENT, big, sizeof(big)), 0);
  EXPECT_STREQ(big, "No such file or directory");
  EXPECT_EQ(q::strerror_r(9999, big, sizeof(big)), QRV_EINVAL);
  EXPECT_STREQ(big, "Unknown error 9999");
  EXPECT_EQ(q::strerror_r(QRV_ENOENT, big, 0), QRV_ERANGE);
}

}  // namespace
