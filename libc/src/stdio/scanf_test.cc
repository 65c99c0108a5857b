// The scanf family against glibc's (the ISO C99 entry points, so %a is a
// float conversion): a table of formats and inputs, then a randomized
// differential loop. Every call gets ten pointers to zeroed 256-byte slots;
// whatever either library stores, in whatever type, must be byte-identical,
// as must the result, errno and, for streams, what is left unread.
#include <errno.h>
#include <gtest/gtest.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include <random>
#include <string>
#include <vector>

#include "libc/src/common/errno.h"
#include "libc/src/malloc/malloc_api.h"
#include "libc/src/stdio/stdio_api.h"

extern "C" int __isoc99_sscanf(const char* s, const char* format, ...);
extern "C" int __isoc99_fscanf(FILE* f, const char* format, ...);

namespace {

namespace q = qrv::libc;

constexpr int kSlots = 10;
constexpr size_t kSlotSize = 256;

struct Slots {
  alignas(16) unsigned char bytes[kSlots][kSlotSize];
  Slots() { memset(bytes, 0, sizeof(bytes)); }
};

#define QRV_SLOT_ARGS(s) \
  (s).bytes[0], (s).bytes[1], (s).bytes[2], (s).bytes[3], (s).bytes[4], (s).bytes[5], (s).bytes[6], (s).bytes[7], \
      (s).bytes[8], (s).bytes[9]

struct Outcome {
  int result;
  int error;
  Slots slots;
};

Outcome run_qrv(const std::string& input, const std::string& format) {
  Outcome o;
  q::set_errno(0);
  o.result = q::sscanf(input.c_str(), format.c_str(), QRV_SLOT_ARGS(o.slots));
  o.error = q::get_errno();
  return o;
}

Outcome run_glibc(const std::string& input, const std::string& format) {
  Outcome o;
  errno = 0;
  o.result = __isoc99_sscanf(input.c_str(), format.c_str(), QRV_SLOT_ARGS(o.slots));
  o.error = errno;
  return o;
}

// The first slot that differs, for the failure message (-1: none).
int differing_slot(const Outcome& a, const Outcome& b) {
  for (int i = 0; i < kSlots; ++i) {
    if (memcmp(a.slots.bytes[i], b.slots.bytes[i], kSlotSize) != 0) return i;
  }
  return -1;
}

std::string hex(const unsigned char* p, size_t n) {
  std::string s;
  char b[4];
  for (size_t i = 0; i < n; ++i) {
    snprintf(b, sizeof(b), "%02x", p[i]);
    s += b;
  }
  return s;
}

void expect_same(const std::string& input, const std::string& format) {
  const Outcome mine = run_qrv(input, format);
  const Outcome theirs = run_glibc(input, format);
  const int slot = differing_slot(mine, theirs);
  ASSERT_EQ(mine.result, theirs.result) << "format \"" << format << "\" input \"" << input << "\"";
  ASSERT_EQ(slot, -1) << "format \"" << format << "\" input \"" << input << "\" slot " << slot << ": "
                      << hex(mine.slots.bytes[slot], 24) << " vs " << hex(theirs.slots.bytes[slot], 24);
  // errno: only EILSEQ is scanf's own report (a wide conversion's), and
  // glibc can lose even that: once at the end of input it puts back the
  // errno of the moment it first met it. (Which ERANGE a strtol leaves
  // visible differs for the same reason.) glibc also tries a non-ASCII format
  // byte as a multibyte character (EILSEQ, then matched as a byte).
  bool ascii = true;
  for (char ch : format) ascii &= static_cast<unsigned char>(ch) < 0x80;
  if (ascii && theirs.error == EILSEQ) {
    ASSERT_EQ(mine.error, QRV_EILSEQ) << "format \"" << format << "\" input \"" << input << "\"";
  }
}

struct Case {
  const char* format;
  const char* input;
};

const Case kTable[] = {
    // Integers: signs, bases, prefixes, widths, overflow, truncation.
    {"%d", "42"}, {"%d", "-42"}, {"%d", "+7"}, {"%d", "  \t\n 12x"}, {"%d", "-"}, {"%d", "+"}, {"%d", ""},
    {"%d", "   "}, {"%d", "abc"}, {"%d", "99999999999"}, {"%d", "-99999999999999999999999"},
    {"%ld", "9223372036854775807"}, {"%ld", "9223372036854775808"}, {"%lld", "-9223372036854775809"},
    {"%u", "-1"}, {"%u", "4294967296"}, {"%lu", "18446744073709551616"}, {"%hhd", "300"}, {"%hhu", "-1"},
    {"%hd", "70000"}, {"%hu", "65537"}, {"%jd", "123"}, {"%zd", "-5"}, {"%td", "77"}, {"%Ld", "5"}, {"%qd", "6"},
    {"%i", "0x1f"}, {"%i", "0X1F"}, {"%i", "017"}, {"%i", "08"}, {"%i", "0x"}, {"%i", "0xg"}, {"%i", "-0x10"},
    {"%x", "ff"}, {"%x", "0xff"}, {"%X", "0XFFz"}, {"%x", "0x"}, {"%o", "777"}, {"%o", "78"}, {"%o", "0x7"},
    {"%3d", "12345"}, {"%1d", "-5"}, {"%2i", "0x1"}, {"%2x", "0x1"}, {"%3x", "0x1f"}, {"%0d", "123"},
    {"%d%d", "1 2"}, {"%d,%d", "1,2"}, {"%d ,%d", "1 , 2"}, {"%d,%d", "1 ,2"}, {"%2d%2d", "12345"},
    {"%*d%d", "1 2"}, {"%*d", "1"}, {"%*d%d", "1"}, {"%d%*d", "1"}, {"%d %d", "1"},
    {"%p", "0x1234"}, {"%p", "(nil)"}, {"%p", "(NIL)"}, {"%p", "deadbeef"}, {"%4p", "(nil)"},
    // Floats: every form, widths, prefixes strtod reads only in part.
    {"%f", "3.25"}, {"%f", "-0.0"}, {"%f", ".5"}, {"%f", "5."}, {"%f", "."}, {"%f", "1e10"}, {"%f", "1e"},
    {"%f", "1e+"}, {"%f", "1e-5x"}, {"%f", "1E5"}, {"%f", "100ergs"}, {"%f", "inf"}, {"%f", "INFINITY"},
    {"%f", "infinit"}, {"%f", "infx"}, {"%f", "-inf"}, {"%f", "nan"}, {"%f", "NaN(123)"}, {"%f", "na"},
    {"%f", "0x1.8p3"}, {"%f", "0x"}, {"%f", "-0x"}, {"%f", "0xp3"}, {"%f", "0x.8"}, {"%f", "0X1P-2"},
    {"%f", "1e999"}, {"%f", "1e-999"}, {"%lf", "0.1"}, {"%Lf", "0.1"}, {"%llf", "0.1"}, {"%e", "2.5"},
    {"%g", "2.5"}, {"%a", "0x1p4"}, {"%E", "1"}, {"%G", "1"}, {"%A", "1"}, {"%F", "1"}, {"%3f", "1.2345"},
    {"%2f", "-1"}, {"%1f", "-"}, {"%4f", "infinity"}, {"%5f", "1e+10"}, {"%f", "+.e5"}, {"%f", "-.5e-1"},
    {"%lf", "1.7976931348623157e308"}, {"%lf", "4.9406564584124654e-324"}, {"%f", "3.4028235e38"},
    {"%f%n", "1.5e"}, {"%lf%s", "123abc"},
    // Characters, strings, sets.
    {"%c", "x"}, {"%c", " x"}, {"%c", ""}, {"%3c", "abcdef"}, {"%5c", "ab"}, {" %c", "  x"}, {"%c%c", "ab"},
    {"%s", "hello world"}, {"%s", "  padded"}, {"%3s", "abcdef"}, {"%s%s", "a b"}, {"%s", ""}, {"%*s%s", "a b"},
    {"%[abc]", "abcabcd"}, {"%[^,]", "one,two"}, {"%[^,],%s", "one,two"}, {"%[]a]", "]a]ab"}, {"%[a-c]", "abcd"},
    {"%[a-]", "a-b"}, {"%[-a]", "-a-b"}, {"%[z-a]", "z-a"}, {"%[^]]", "ab]c"}, {"%[0-9a-f]", "1f3g"},
    {"%2[abc]", "abc"}, {"%[abc]", "xyz"}, {"%[abc]", ""}, {"%[abc", "abc"}, {"%[^\n]", "line one\nline"},
    {"%[ ]", "   x"}, {" %[x]", "   x"}, {"%*[a-z]%d", "abc42"},
    // %n, %%, literals, white space, positions, bad conversions.
    {"%n", "abc"}, {"%d%n", "123 "}, {"%d %n", "123   x"}, {"%hhn", "x"}, {"%lln", ""}, {"%*n%d", "5"},
    {"%%", "%"}, {"%%", "  %"}, {"%%", "x"}, {"%%%d", "%5"}, {"%d%%", "5%"}, {"abc%d", "abc1"},
    {"abc%d", "abd1"}, {"a b", "a    b"}, {"a b", "ab"}, {" ", "   "}, {"x", ""}, {"%d ", "1   "},
    {"%2$d %1$d", "1 2"}, {"%1$s %3$c", "ab c"}, {"%q", "1"}, {"%y", "1"}, {"%", "1"}, {"%5", "1"},
    {"%*", "1"}, {"%ls", "x y"}, {"%lc", "x"}, {"%C", "x"}, {"%S", "x"}, {"%d%", "1"}, {"%5%", "%"},
    {"%3lc", "ab\xe9"}, {"%ls", "ab\xe9z"}, {"%l[a-z]", "abc1"}, {"%zs", "abc"}, {"%Lc", "q"}, {"%jc", "q"},
    {"\xe9%d", "\xe9" "5"}, {"%s", "\xe9\xff tail"},
};

TEST(ScanfTest, TableMatchesGlibc) {
  for (const Case& c : kTable) {
    SCOPED_TRACE(std::string("format \"") + c.format + "\" input \"" + c.input + "\"");
    expect_same(c.input, c.format);
  }
}

std::string random_conversion(std::mt19937& rng, int position) {
  std::string s = "%";
  if (position > 0) s += std::to_string(position) + "$";
  if (rng() % 6 == 0) s += '*';
  if (rng() % 3 == 0) s += std::to_string(1 + rng() % 12);
  static const char* const kConv[] = {"d", "i", "o", "u", "x", "X", "a", "e", "f", "g", "E", "F", "G", "A",
                                      "c", "s", "p", "n", "%", "[abc]", "[^ ]", "[]a-z]", "[a-]", "[^0-9x]",
                                      "[-+.e0-9]", "[^,]"};
  const std::string conv = kConv[rng() % (sizeof(kConv) / sizeof(kConv[0]))];
  static const char* const kLength[] = {"", "", "", "hh", "h", "l", "ll", "j", "z", "t", "L", "q"};
  return s + kLength[rng() % 12] + conv;
}

std::string random_format(std::mt19937& rng) {
  std::string f;
  const int n = 1 + static_cast<int>(rng() % 5);
  const bool positional = rng() % 8 == 0;
  static const char* const kGlue[] = {"", "", " ", ",", "x", "  ", "\t", "-", "%%"};
  for (int i = 0; i < n; ++i) {
    f += kGlue[rng() % 9];
    f += random_conversion(rng, positional ? 1 + static_cast<int>(rng() % kSlots) : 0);
  }
  if (rng() % 5 == 0) f += " ";
  return f;
}

std::string random_input(std::mt19937& rng) {
  static const char* const kTokens[] = {
      "0",      "1",     "42",     "-7",     "+3",    "0x1F",     "0X",        "08",      "077",     "-0x",
      "1e5",    "1.5",   ".5",     "-.e",    "1e",    "1e+",      "2.5e-3",    "inf",     "-INF",    "infinity",
      "infin",  "nan",   "NAN(1)", "0x1.8p3", "0xp",  "(nil)",    "abc",       "xyz",     "a-b",     "]",
      "%",      ",",     " ",      "  ",     "\t",    "\n",       ".",         "e",       "x",       "+",
      "-",      "99999999999999999999", "18446744073709551615", "9223372036854775808", "1e400", "1e-400",
      "0.1000000000000000055511151231257827", "123456789012345678901234567890", "\xe9", "deadBEEF"};
  std::string s;
  const int n = static_cast<int>(rng() % 7);
  for (int i = 0; i < n; ++i) s += kTokens[rng() % (sizeof(kTokens) / sizeof(kTokens[0]))];
  // At most 60 bytes: 61 wide units and a terminator still fit one slot.
  if (s.size() > 60) s.resize(60);
  return s;
}

TEST(ScanfTest, RandomFormatsAndInputsMatchGlibc) {
  std::mt19937 rng(71);
  for (int iter = 0; iter < 300000; ++iter) {
    const std::string format = random_format(rng);
    const std::string input = random_input(rng);
    expect_same(input, format);
    if (HasFatalFailure()) return;
  }
}

// A stream over a string, with the QRV side's ops.
struct MemIn {
  std::string data;
  size_t pos = 0;
};
long mem_read(void* cookie, void* buf, size_t n) {
  auto* m = static_cast<MemIn*>(cookie);
  const size_t k = std::min(n, m->data.size() - m->pos);
  memcpy(buf, m->data.data() + m->pos, k);
  m->pos += k;
  return static_cast<long>(k);
}
long mem_none(void*, const void*, size_t) { return -QRV_EBADF; }
long mem_seek(void*, int64_t, int) { return -QRV_ESPIPE; }
long mem_close(void*) { return 0; }
const q::IoOps kMemOps = {mem_read, mem_none, mem_seek, mem_close};

// Several fscanf calls on one stream, then the rest of it, for both libraries.
TEST(ScanfTest, StreamsKeepWhatTheyDidNotRead) {
  std::mt19937 rng(72);
  for (int iter = 0; iter < 20000; ++iter) {
    const std::string input = (random_input(rng) + random_input(rng)).substr(0, 60);
    MemIn mem{input};
    q::File* mine = q::open_stream(&kMemOps, &mem, q::kCanRead, -1);
    ASSERT_NE(mine, nullptr);
    FILE* theirs = fmemopen(const_cast<char*>(input.data()), input.size(), "r");
    if (input.empty()) theirs = fopen("/dev/null", "r");
    ASSERT_NE(theirs, nullptr);
    std::string formats;
    for (int call = 0; call < 3; ++call) {
      const std::string format = random_format(rng);
      formats += " \"" + format + "\"";
      Slots a, b;
      q::set_errno(0);
      errno = 0;
      const int ra = q::fscanf(mine, format.c_str(), QRV_SLOT_ARGS(a));
      const int rb = __isoc99_fscanf(theirs, format.c_str(), QRV_SLOT_ARGS(b));
      ASSERT_EQ(ra, rb) << "formats" << formats << " input \"" << input << "\"";
      ASSERT_EQ(memcmp(&a, &b, sizeof(a)), 0) << "format \"" << format << "\" input \"" << input << "\"";
    }
    std::string rest_a, rest_b;
    for (int ch; (ch = q::fgetc(mine)) != q::kEof;) rest_a += static_cast<char>(ch);
    for (int ch; (ch = fgetc(theirs)) != EOF;) rest_b += static_cast<char>(ch);
    ASSERT_EQ(rest_a, rest_b) << "input \"" << input << "\"";
    q::fclose(mine);
    fclose(theirs);
  }
}

TEST(ScanfTest, AllocatingConversionsAndTheOtherEntryPoints) {
  char* word = nullptr;
  char* set = nullptr;
  char* chars = nullptr;
  EXPECT_EQ(q::sscanf("hello  world! xyz", "%ms %m[a-z!] %3mc", &word, &set, &chars), 3);
  EXPECT_STREQ(word, "hello");
  EXPECT_STREQ(set, "world!");
  EXPECT_EQ(memcmp(chars, "xyz", 3), 0);
  q::free(word);
  q::free(set);
  q::free(chars);
  std::string longer(5000, 'q');
  EXPECT_EQ(q::sscanf(longer.c_str(), "%ms", &word), 1);  // grows past the first buffer
  EXPECT_EQ(strlen(word), 5000u);
  q::free(word);
  word = reinterpret_cast<char*>(1);
  EXPECT_EQ(q::sscanf("", "%ms", &word), -1);
  // vsscanf through a va_list, and scanf/vscanf on stdin.
  auto via_v = [](const char* in, const char* fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    const int r = q::vsscanf(in, fmt, ap);
    va_end(ap);
    return r;
  };
  int x = 0, y = 0;
  EXPECT_EQ(via_v("3 4", "%d %d", &x, &y), 2);
  EXPECT_EQ(x + y, 7);
  MemIn mem{"11 22 rest"};
  q::File* in = q::open_stream(&kMemOps, &mem, q::kCanRead, -1);
  q::File* saved = q::stdin;
  q::stdin = in;
  EXPECT_EQ(q::scanf("%d", &x), 1);
  auto via_vscanf = [](const char* fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    const int r = q::vscanf(fmt, ap);
    va_end(ap);
    return r;
  };
  EXPECT_EQ(via_vscanf("%d", &y), 1);
  EXPECT_EQ(x * 100 + y, 1122);
  char rest[8];
  EXPECT_EQ(q::fscanf(in, "%7s", rest), 1);
  EXPECT_STREQ(rest, "rest");
  EXPECT_EQ(q::fscanf(in, "%7s", rest), -1);
  q::stdin = saved;
  q::fclose(in);
}

}  // namespace
