// kvformat / ksnprintf against glibc's snprintf as the reference: a grid of
// flags x widths x precisions x lengths x values, strings, pointers, '*',
// truncation at every buffer size, and the kernel-only rules (no FP).
#include "kernel/lib/format.h"

#include <gtest/gtest.h>

#include <climits>
#include <cstdint>
#include <cstdio>
#include <string>
#include <vector>

namespace {

// Runs the same runtime format through glibc and ksnprintf.
template <typename... Args>
void expect_same(const std::string& fmt, Args... args) {
  char want[512];
  char got[512];
  int wn = snprintf(want, sizeof(want), fmt.c_str(), args...);
  int gn = ksnprintf(got, sizeof(got), fmt.c_str(), args...);
  ASSERT_GE(wn, 0) << fmt;
  EXPECT_EQ(gn, wn) << "format \"" << fmt << "\"";
  EXPECT_STREQ(got, want) << "format \"" << fmt << "\"";
}

std::vector<std::string> all_flag_sets() {
  const char flags[] = {'-', '+', ' ', '0', '#'};
  std::vector<std::string> out;
  for (int mask = 0; mask < 32; ++mask) {
    std::string s;
    for (int i = 0; i < 5; ++i) {
      if ((mask & (1 << i)) != 0) {
        s += flags[i];
      }
    }
    out.push_back(s);
  }
  return out;
}

const std::vector<std::string> kWidths = {"", "1", "6", "25"};
const std::vector<std::string> kPrecisions = {"", ".", ".0", ".1", ".4", ".22"};

// Every flags x width x precision prefix for one length and conversion.
template <typename T>
void grid(const std::string& length, const std::string& convs, const std::vector<T>& values) {
  for (const std::string& flags : all_flag_sets()) {
    for (const std::string& w : kWidths) {
      for (const std::string& p : kPrecisions) {
        for (char conv : convs) {
          std::string fmt = "[%" + flags + w + p + length + conv + "]";
          for (T v : values) {
            expect_same(fmt, v);
            if (::testing::Test::HasFailure()) {
              return;  // one failing format is enough to read
            }
          }
        }
      }
    }
  }
}

TEST(FormatDifferential, IntGrid) {
  grid<int>("", "di", {INT_MIN, INT_MIN + 1, -42, -1, 0, 1, 7, 42, 1000000, INT_MAX});
  grid<unsigned>("", "uxXo", {0u, 1u, 8u, 255u, 0x80000000u, 0xdeadbeefu, UINT_MAX});
}

TEST(FormatDifferential, CharAndShortGrid) {
  // Promoted to int in varargs, converted back by hh / h.
  grid<int>("hh", "di", {-129, -128, -1, 0, 127, 128, 255, 256, INT_MIN});
  grid<int>("hh", "uxXo", {-1, 0, 1, 255, 256, 0x1234});
  grid<int>("h", "di", {-32769, -32768, -1, 0, 32767, 65535, 65536});
  grid<int>("h", "uxXo", {-1, 0, 0x8000, 0xffff, 0x12345});
}

TEST(FormatDifferential, LongGrid) {
  grid<long>("l", "di", {LONG_MIN, -1L, 0L, 1L, LONG_MAX, 0x100000000L});
  grid<unsigned long>("l", "uxXo", {0UL, 1UL, ULONG_MAX, 0x8000000000000000UL});
  grid<long long>("ll", "di", {LLONG_MIN, LLONG_MIN + 1, -1LL, 0LL, LLONG_MAX});
  grid<unsigned long long>("ll", "uxXo", {0ULL, 1ULL, UINT64_MAX, 0x123456789abcdefULL});
}

TEST(FormatDifferential, SizePtrdiffMaxGrid) {
  grid<size_t>("z", "uxX", {size_t{0}, size_t{1}, SIZE_MAX});
  grid<ptrdiff_t>("t", "di", {PTRDIFF_MIN, ptrdiff_t{-5}, ptrdiff_t{0}, PTRDIFF_MAX});
  grid<intmax_t>("j", "di", {INTMAX_MIN, intmax_t{-1}, intmax_t{0}, INTMAX_MAX});
  grid<uintmax_t>("j", "uxo", {uintmax_t{0}, UINTMAX_MAX});
}

TEST(FormatDifferential, StringsAndChars) {
  const char* strings[] = {"", "a", "hello", "a longer string of text"};
  for (const std::string flags : {"", "-"}) {
    for (const std::string& w : kWidths) {
      for (const std::string& p : kPrecisions) {
        for (const char* s : strings) {
          expect_same("[%" + flags + w + p + "s]", s);
        }
        expect_same("[%" + flags + w + "c]", 'x');
        expect_same("[%" + flags + w + "c]", 0x141);  // converted to unsigned char
      }
    }
  }
  // Null %s: "(null)", or nothing when the precision cuts it (glibc).
  for (const char* spec : {"%s", "%10s", "%-10s", "%.6s", "%.5s", "%.0s", "%8.3s"}) {
    expect_same(std::string("[") + spec + "]", static_cast<const char*>(nullptr));
  }
  // The '0' flag does not zero-pad strings or characters.
  expect_same("[%05s]", "ab");
  expect_same("[%05c]", 'a');
}

TEST(FormatDifferential, Pointers) {
  void* ptrs[] = {nullptr, reinterpret_cast<void*>(1), reinterpret_cast<void*>(0xdeadbeef),
                  reinterpret_cast<void*>(UINTPTR_MAX)};
  for (const char* spec : {"%p", "%20p", "%-20p", "%3p"}) {
    for (void* p : ptrs) {
      expect_same(std::string("[") + spec + "]", p);
    }
  }
}

TEST(FormatDifferential, StarWidthAndPrecision) {
  for (int w : {-30, -5, -1, 0, 1, 5, 30}) {
    for (int p : {-3, -1, 0, 1, 4, 12}) {
      expect_same("[%*.*d]", w, p, -1234);
      expect_same("[%-*.*x]", w, p, 0xabcu);
      expect_same("[%0*.*lld]", w, p, LLONG_MIN);
      expect_same("[%*.*s]", w, p, "string");
      expect_same("[%0*d]", w, 77);
      expect_same("[%.*s|%d]", p, "abcdef", 9);
    }
  }
}

TEST(FormatDifferential, MixedFormats) {
  expect_same("%d %s %c %x %% %lu %p", 5, "str", 'c', 255u, 99UL, reinterpret_cast<void*>(16));
  expect_same("no conversions at all");
  expect_same("%%%%%d%%", 3);
  expect_same("%i|%5i|%-5i|%05i", -1, 2, 3, -4);
  expect_same("%hhd%hd%ld%lld%zu%td%jd", 1, 2, 3L, 4LL, size_t{5}, ptrdiff_t{6}, intmax_t{7});
}

// ---- snprintf contract -------------------------------------------------------

TEST(FormatSnprintf, TruncatesAtEveryBufferSize) {
  const char* fmt = "value=%d hex=%#x str=%s";
  char want[128];
  int full = snprintf(want, sizeof(want), fmt, -12345, 0xbeefu, "tail");
  ASSERT_GT(full, 20);
  for (size_t size = 0; size <= static_cast<size_t>(full) + 2; ++size) {
    std::vector<char> buf(size + 4, '\x7f');
    int n = ksnprintf(size == 0 ? nullptr : buf.data(), size, fmt, -12345, 0xbeefu, "tail");
    EXPECT_EQ(n, full) << size;
    if (size == 0) {
      EXPECT_EQ(buf[0], '\x7f');  // untouched (and nullptr was accepted)
      continue;
    }
    size_t kept = std::min(size - 1, static_cast<size_t>(full));
    EXPECT_EQ(std::string(buf.data(), kept), std::string(want, kept)) << size;
    EXPECT_EQ(buf[kept], '\0') << size;
    for (size_t i = size; i < buf.size(); ++i) {
      EXPECT_EQ(buf[i], '\x7f') << "wrote past the buffer at size " << size;
    }
  }
}

struct Collector {
  std::string out;
};

void collect(char c, void* ctx) { static_cast<Collector*>(ctx)->out += c; }

size_t format_to(Collector& c, const char* fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  size_t n = kvformat(collect, &c, fmt, ap);
  va_end(ap);
  return n;
}

TEST(FormatKvformat, SendsEveryCharacterToTheSink) {
  Collector c;
  EXPECT_EQ(format_to(c, "%s-%03u", "ab", 7u), 6u);
  EXPECT_EQ(c.out, "ab-007");
  Collector empty;
  EXPECT_EQ(format_to(empty, "%s", ""), 0u);
  EXPECT_EQ(empty.out, "");
}

// The va_list is copied: the caller's list can be used again afterwards.
int twice(char* a, char* b, size_t n, const char* fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  kvsnprintf(a, n, fmt, ap);
  int r = kvsnprintf(b, n, fmt, ap);
  va_end(ap);
  return r;
}

TEST(FormatKvformat, LeavesTheCallersVaListUsable) {
  char a[32];
  char b[32];
  EXPECT_EQ(twice(a, b, sizeof(a), "%d/%s", 12, "x"), 4);
  EXPECT_STREQ(a, "12/x");
  EXPECT_STREQ(b, "12/x");
}

// ---- kernel-only rules ---------------------------------------------------------

// Through a runtime string, so the compiler's format check does not object
// to deliberately mismatched arguments.
std::string run(const std::string& fmt, int arg) {
  char buf[256];
  ksnprintf(buf, sizeof(buf), fmt.c_str(), arg);
  return buf;
}

TEST(FormatKernel, FloatingPointPrintsAMarkerAndConsumesNothing) {
  for (const char* conv : {"f", "F", "e", "E", "g", "G", "a", "A", "10.3f", "Lf"}) {
    std::string fmt = std::string("%") + conv + "|%d";
    std::string want = std::string(conv) == "Lf" ? "%Lf|7" : "<no-fp>|7";
    EXPECT_EQ(run(fmt, 7), want) << fmt;
  }
}

TEST(FormatKernel, UnknownConversionsAndPercentNArePrintedVerbatim) {
  EXPECT_EQ(run("%y|%d", 3), "%y|3");
  EXPECT_EQ(run("%5y|%d", 3), "%5y|3");
  EXPECT_EQ(run("%n|%d", 3), "%n|3");
  EXPECT_EQ(run("%d|trailing %", 3), "3|trailing %");
  EXPECT_EQ(run("%d|%-", 3), "3|%-");
  EXPECT_EQ(run("%d|%5.2l", 3), "3|%5.2l");
}

TEST(FormatKernel, HugeWidthsAndPrecisionsAreClamped) {
  EXPECT_EQ(run("%99999999999d", 1).size(), 255u);  // buffer-bound
  char tiny[1];
  std::string wide = "%5000d";
  std::string precise = "%.99999999999d";
  std::string star = "%*d";
  EXPECT_EQ(ksnprintf(tiny, 0, wide.c_str(), 1), kFormatMaxWidth);
  EXPECT_EQ(ksnprintf(tiny, sizeof(tiny), precise.c_str(), 1), kFormatMaxWidth);
  EXPECT_EQ(tiny[0], '\0');
  EXPECT_EQ(ksnprintf(tiny, sizeof(tiny), star.c_str(), INT_MIN, 1), kFormatMaxWidth);
}

}  // namespace
