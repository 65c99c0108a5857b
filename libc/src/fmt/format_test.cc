// __qrv_vformat against glibc's snprintf: generated grids of flags, widths,
// precisions, length modifiers and edge values, 100k+ random doubles, long
// doubles, strings, %n, huge widths and malformed formats.
#include "libc/src/fmt/format.h"

#include <float.h>
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <wchar.h>

#include <cstdint>
#include <string>
#include <tuple>
#include <type_traits>
#include <vector>

#include "gtest/gtest.h"
#include "libc/src/fmt/glibc_compare.h"
#include "libc/src/fmt/test_util.h"

namespace qrv::fmt::testing {
namespace {

std::vector<std::string> flag_sets() {
  const char flags[] = "-+ #0";
  std::vector<std::string> out;
  for (int mask = 0; mask < 32; ++mask) {
    std::string s;
    for (int i = 0; i < 5; ++i) {
      if (mask & (1 << i)) s += flags[i];
    }
    out.push_back(s);
  }
  return out;
}

TEST(FormatTest, IntegerGrid) {
  const std::vector<int> ints = {INT_MIN, -123456, -1, 0, 1, 42, 255, 300, 65535, INT_MAX};
  const std::vector<int64_t> longs = {LLONG_MIN, -1234567890123LL, -1, 0, 7, LLONG_MAX};
  const char* widths[] = {"", "1", "7", "30"};
  const char* precs[] = {"", ".0", ".1", ".4", ".25"};
  const char* lengths[] = {"", "hh", "h", "l", "ll", "j", "z", "t"};
  const char* convs = "diouxX";
  int failures = 0;
  for (const std::string& flags : flag_sets()) {
    for (const char* w : widths) {
      for (const char* p : precs) {
        for (const char* len : lengths) {
          for (const char* c = convs; *c != '\0'; ++c) {
            const std::string fmt = "[%" + flags + w + p + len + *c + "]";
            const bool wide = len[0] == 'l' || len[0] == 'j' || len[0] == 'z' || len[0] == 't';
            const bool is_signed = *c == 'd' || *c == 'i';
            if (wide) {
              for (int64_t v : longs) {
                if (is_signed)
                  failures += !same_as_glibc(fmt.c_str(), v);
                else
                  failures += !same_as_glibc(fmt.c_str(), static_cast<uint64_t>(v));
              }
            } else {
              for (int v : ints) {
                if (is_signed)
                  failures += !same_as_glibc(fmt.c_str(), v);
                else
                  failures += !same_as_glibc(fmt.c_str(), static_cast<unsigned>(v));
              }
            }
            ASSERT_LT(failures, 20);
          }
        }
      }
    }
  }
}

const std::vector<double>& edge_doubles() {
  static const std::vector<double> v = {
      0.0,
      -0.0,
      1.0,
      -1.0,
      0.5,
      1.5,
      2.5,
      -2.5,
      0.125,
      0.375,
      9.5,
      99.5,
      999.5,
      0.05,
      0.15,
      0.25,
      0.35,
      1e23,
      8.5e-5,
      1e-5,
      123456.0,
      1234567.0,
      1e15,
      1e16,
      1e17,
      1e21,
      1e22,
      0.1,
      0.3,
      1.0 / 3.0,
      2.0 / 3.0,
      5e-324,
      2.2250738585072014e-308,
      2.2250738585072009e-308,
      1.7976931348623157e308,
      -1.7976931348623157e308,
      9.999999999999999e22,
      0.9999999999999999,
      0.99999999,
      9.9999995,
      4.35,
      1e-300,
      3.14159265358979,
      6.02214076e23,
      INFINITY,
      -INFINITY,
      NAN,
      -NAN,
  };
  return v;
}

TEST(FormatTest, FloatGrid) {
  const char* widths[] = {"", "12", "40"};
  const char* precs[] = {"", ".0", ".1", ".3", ".17", ".40"};
  const char* convs = "feEgGaAF";
  int failures = 0;
  for (const std::string& flags : flag_sets()) {
    for (const char* w : widths) {
      for (const char* p : precs) {
        for (const char* c = convs; *c != '\0'; ++c) {
          const std::string fmt = "%" + flags + w + p + *c;
          for (double v : edge_doubles()) failures += !same_as_glibc(fmt.c_str(), v);
          ASSERT_LT(failures, 20);
        }
      }
    }
  }
}

TEST(FormatTest, LongDoubleEdges) {
  const std::vector<long double> values = {
      0.0L,          -0.0L,     1.0L,
      0.5L,          2.5L,      1.99999L,
      15.5L,         0.1L,      1e4000L,
      -1e-4000L,     LDBL_MAX,  LDBL_MIN,
      LDBL_TRUE_MIN, 1e23L,     3.14159265358979323846264338327950288L,
      INFINITY,      -INFINITY, NAN};
  const char* fmts[] = {"%Lf", "%.0Lf",     "%.30Lf",  "%Le",     "%.25Le", "%.0Le",
                        "%Lg", "%.21Lg",    "%#Lg",    "%La",     "%.0La",  "%.3La",
                        "%LA", "%+30.10Le", "%-12La|", "%012.4La"};
  for (const char* f : fmts) {
    for (long double v : values) EXPECT_TRUE(same_as_glibc(f, v)) << static_cast<double>(v);
  }
}

TEST(FormatTest, StringsCharsPointers) {
  EXPECT_TRUE(same_as_glibc("%s|%10s|%-10s|%.2s|%10.3s|%-4.1s|", "hello", "hi", "hi", "hello",
                            "hello", "x"));
  EXPECT_TRUE(same_as_glibc("%c|%5c|%-5c|%%|%5%|", 'a', 'b', 'c'));
  EXPECT_TRUE(same_as_glibc("%p|%20p|%-20p|%p|", reinterpret_cast<void*>(0x1234),
                            reinterpret_cast<void*>(0xdeadbeef), reinterpret_cast<void*>(16),
                            static_cast<void*>(nullptr)));
  EXPECT_TRUE(same_as_glibc("%*d|%-*d|%*d|%.*d|%.*f|%*.*e|", 8, 42, 8, 42, -8, 42, 5, 42, -1, 2.5,
                            12, 3, 1.25));
  EXPECT_TRUE(same_as_glibc("plain text, no conversions"));
  EXPECT_TRUE(same_as_glibc(""));
  // Precision bounds the read: the array is not terminated.
  const char unterminated[3] = {'a', 'b', 'c'};
  EXPECT_EQ(qrv_format("%.3s|", unterminated).text, "abc|");
  EXPECT_EQ(qrv_format("%s", static_cast<const char*>(nullptr)).text, "(null)");
}

TEST(FormatTest, WideCharactersAreUtf8) {
  EXPECT_EQ(qrv_format("%lc|%3lc|%-3lc|", static_cast<wint_t>(L'A'), static_cast<wint_t>(0xe9),
                       static_cast<wint_t>(0x263a))
                .text,
            "A| \xc3\xa9|\xe2\x98\xba|");
  EXPECT_EQ(
      qrv_format("%ls|%.4ls|%.3ls|", L"h\u00e9llo", L"\u00e9\u00e9\u00e9", L"\u00e9\u00e9").text,
      "h\xc3\xa9llo|\xc3\xa9\xc3\xa9|\xc3\xa9|");
  EXPECT_EQ(qrv_format("%lc", static_cast<wint_t>(0xd800)).rc, -1);
  EXPECT_EQ(qrv_format("%lc", static_cast<wint_t>(0x110000)).rc, -1);
}

TEST(FormatTest, CountStores) {
  int n = -1;
  signed char hh = -1;
  short h = -1;
  long l = -1;
  long long ll = -1;
  intmax_t j = -1;
  size_t z = 0;
  ptrdiff_t t = -1;
  const Captured c =
      qrv_format("ab%ncd%hhnef%hn%ln%lln%jn%zn%tnxyz", &n, &hh, &h, &l, &ll, &j, &z, &t);
  EXPECT_EQ(c.rc, 9);
  EXPECT_EQ(n, 2);
  EXPECT_EQ(hh, 4);
  EXPECT_EQ(h, 6);
  EXPECT_EQ(l, 6);
  EXPECT_EQ(ll, 6);
  EXPECT_EQ(j, 6);
  EXPECT_EQ(z, 6u);
  EXPECT_EQ(t, 6);
}

TEST(FormatTest, HugeWidthsAndPrecisions) {
  EXPECT_TRUE(same_as_glibc("%100000d|%-100000s|%.100000f|%100000.5e", 7, "x", 1.5, 2.0));
  EXPECT_TRUE(same_as_glibc("%.5000f", 5e-324));
  EXPECT_TRUE(same_as_glibc("%.1100e|%.800g", 5e-324, 5e-324));
  EXPECT_TRUE(same_as_glibc("%.5000La", 1.0L));
}

TEST(FormatTest, RunsNotCharacters) {
  // A literal stretch arrives in one call, not byte by byte.
  int calls = 0;
  auto count = [](const char*, size_t, void* ctx) { ++*static_cast<int*>(ctx); };
  const std::string text(1000, 'q');
  struct Wrap {
    static int run(__qrv_put_fn put, void* ctx, const char* fmt, ...) {
      va_list ap;
      va_start(ap, fmt);
      const int rc = __qrv_vformat(put, ctx, fmt, ap);
      va_end(ap);
      return rc;
    }
  };
  EXPECT_EQ(Wrap::run(count, &calls, text.c_str()), 1000);
  EXPECT_EQ(calls, 1);
  calls = 0;
  EXPECT_EQ(Wrap::run(count, &calls, "%d %s %f %e", 12345, "abc", 1.5, 2.5), 31);
  EXPECT_EQ(calls, 1);
}

TEST(FormatTest, BadFormatsFail) {
  EXPECT_EQ(qrv_format("abc%").rc, -1);
  EXPECT_EQ(qrv_format("%k", 1).rc, -1);
  EXPECT_EQ(qrv_format("%Ld", 1LL).rc, -1);
  EXPECT_EQ(qrv_format("%hf", 1.0).rc, -1);
  EXPECT_EQ(qrv_format("%lls", "x").rc, -1);
  EXPECT_EQ(qrv_format("%1$d", 1).rc, -1);
  EXPECT_EQ(qrv_format("%99999999999d", 1).rc, -1);
  EXPECT_EQ(qrv_format("%.99999999999d", 1).rc, -1);
  EXPECT_EQ(qrv_format("%*d", INT_MIN, 1).rc, -1);
}

TEST(FormatTest, CountAboveIntMaxFails) {
  auto discard = [](const char*, size_t, void*) {};
  struct Wrap {
    static int run(__qrv_put_fn put, const char* fmt, ...) {
      va_list ap;
      va_start(ap, fmt);
      const int rc = __qrv_vformat(put, nullptr, fmt, ap);
      va_end(ap);
      return rc;
    }
  };
  EXPECT_EQ(Wrap::run(discard, "%*d", INT_MAX - 1, 1), INT_MAX - 1);
  EXPECT_EQ(Wrap::run(discard, "ab%*d", INT_MAX - 1, 1), -1);
}

}  // namespace
}  // namespace qrv::fmt::testing
