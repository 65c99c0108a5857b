// printf(1)'s formatting: conversions, flags, `*`, escapes, format reuse,
// and the diagnostics for bad numbers and conversions.
#include "user/utils/printf_format.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace {

struct Result {
  std::string out;
  std::string err;
  int status;
};

Result run(const char* fmt, std::vector<const char*> args = {}) {
  Result r;
  utils::PrintfOut o{&r, [](void* ctx, const char* s, size_t n) { static_cast<Result*>(ctx)->out.append(s, n); },
                     [](void* ctx, const char* m) { static_cast<Result*>(ctx)->err += std::string(m) + "\n"; }};
  r.status = utils::printf_format(fmt, static_cast<int>(args.size()), args.data(), o);
  return r;
}

std::string out(const char* fmt, std::vector<const char*> args = {}) { return run(fmt, args).out; }

TEST(PrintfFormatTest, PlainTextAndPercent) {
  EXPECT_EQ(out("hello"), "hello");
  EXPECT_EQ(out("100%%"), "100%");
}

TEST(PrintfFormatTest, IntegerConversions) {
  EXPECT_EQ(out("%d %i %u", {"-5", "7", "9"}), "-5 7 9");
  EXPECT_EQ(out("%o %x %X", {"8", "255", "255"}), "10 ff FF");
  EXPECT_EQ(out("%d", {"0x10"}), "16");
  EXPECT_EQ(out("%d", {"010"}), "8");
  EXPECT_EQ(out("%u", {"-1"}), "18446744073709551615");
  EXPECT_EQ(out("%#x %#o", {"255", "8"}), "0xff 010");
  EXPECT_EQ(out("%+d % d", {"3", "3"}), "+3  3");
}

TEST(PrintfFormatTest, QuoteGivesTheCharacterCode) {
  EXPECT_EQ(out("%d %d", {"'A", "\"a"}), "65 97");
}

TEST(PrintfFormatTest, WidthAndPrecision) {
  EXPECT_EQ(out("[%5d][%-5d][%05d]", {"42", "42", "42"}), "[   42][42   ][00042]");
  EXPECT_EQ(out("[%.3d]", {"7"}), "[007]");
  EXPECT_EQ(out("[%6.2s]", {"abcdef"}), "[    ab]");
  EXPECT_EQ(out("[%-4s]", {"ab"}), "[ab  ]");
}

TEST(PrintfFormatTest, StarTakesWidthAndPrecisionFromArguments) {
  EXPECT_EQ(out("[%*d]", {"5", "42"}), "[   42]");
  EXPECT_EQ(out("[%-*d]", {"4", "1"}), "[1   ]");
  EXPECT_EQ(out("[%*d]", {"-4", "1"}), "[1   ]");  // a negative width: left-justified
  EXPECT_EQ(out("[%.*s]", {"2", "abcdef"}), "[ab]");
  EXPECT_EQ(out("[%*.*s]", {"4", "1", "xyz"}), "[   x]");
}

TEST(PrintfFormatTest, CharAndString) {
  EXPECT_EQ(out("%c%c", {"hello", "w"}), "hw");
  EXPECT_EQ(out("[%3c]", {"z"}), "[  z]");
  EXPECT_EQ(out("%s-%s", {"a"}), "a-");  // a missing string is empty
  EXPECT_EQ(out("%d|%s|", {}), "0||");   // a missing number is 0
}

TEST(PrintfFormatTest, LongStringsAreNotTruncated) {
  std::string big(5000, 'q');
  EXPECT_EQ(out("%s", {big.c_str()}), big);
  EXPECT_EQ(out("%600d", {"1"}).size(), 600u);
}

TEST(PrintfFormatTest, FormatIsReusedForExtraArguments) {
  EXPECT_EQ(out("%s-%d\n", {"a", "1", "b", "2"}), "a-1\nb-2\n");
  EXPECT_EQ(out("<%s>", {"x", "y", "z"}), "<x><y><z>");
  EXPECT_EQ(out("%s %s\n", {"1", "2", "3"}), "1 2\n3 \n");
  EXPECT_EQ(out("plain\n", {"ignored", "too"}), "plain\n");  // no conversion: once
}

TEST(PrintfFormatTest, FormatEscapes) {
  EXPECT_EQ(out("a\\tb\\n"), "a\tb\n");
  EXPECT_EQ(out("\\\\ \\a\\b\\f\\r\\v"), "\\ \a\b\f\r\v");
  EXPECT_EQ(out("\\101\\102"), "AB");  // \ddd: up to three octal digits
  EXPECT_EQ(out("\\0102"), "\b2");
  EXPECT_EQ(out("x\\q"), "x\\q");
  EXPECT_EQ(out("a\\cb"), "a");
  EXPECT_EQ(out("end\\"), "end\\");
}

TEST(PrintfFormatTest, PercentBExpandsEscapesInTheArgument) {
  EXPECT_EQ(out("%b|%s", {"a\\nb", "a\\nb"}), "a\nb|a\\nb");
  EXPECT_EQ(out("%b", {"\\0101\\101"}), "A\\101");  // %b's octal is \0ddd
  EXPECT_EQ(out("%b.%s", {"stop\\chere", "never"}), "stop");
  EXPECT_EQ(out("[%5b]", {"\\t"}), "[    \t]");
}

TEST(PrintfFormatTest, FloatingConversions) {
  EXPECT_EQ(out("%.2f %e", {"3.14159", "1000"}), "3.14 1.000000e+03");
  EXPECT_EQ(out("%g", {"0.5"}), "0.5");
}

TEST(PrintfFormatTest, BadNumbersAreReportedAndFormattingGoesOn) {
  Result r = run("%d|%d|%d\n", {"abc", "12x", "99999999999999999999"});
  EXPECT_EQ(r.status, 1);
  EXPECT_EQ(r.out, "0|12|9223372036854775807\n");
  EXPECT_EQ(r.err,
            "printf: abc: expected a number\n"
            "printf: 12x: not completely converted\n"
            "printf: 99999999999999999999: out of range\n");
}

TEST(PrintfFormatTest, SizeModifiersAreAccepted) {
  EXPECT_EQ(out("%ld %zd %lld %hx", {"1", "2", "3", "255"}), "1 2 3 ff");
}

TEST(PrintfFormatTest, UnknownAndIncompleteConversions) {
  Result r = run("x%ky");
  EXPECT_EQ(r.status, 1);
  EXPECT_EQ(r.out, "x");
  EXPECT_EQ(r.err, "printf: %k: invalid conversion\n");
  r = run("x%");
  EXPECT_EQ(r.status, 1);
  EXPECT_EQ(r.err, "printf: %: missing conversion\n");
  r = run("%5");
  EXPECT_EQ(r.status, 1);
}

TEST(PrintfFormatTest, HugeWidthIsAnErrorNotAnAllocation) {
  Result r = run("%*d", {"999999999", "1"});
  EXPECT_EQ(r.status, 1);
  EXPECT_NE(r.err.find("too large"), std::string::npos);
  r = run("%99999999d", {"1"});
  EXPECT_EQ(r.status, 1);
}

}  // namespace
