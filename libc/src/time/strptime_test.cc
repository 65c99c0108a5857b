// strptime against glibc: random formats over every conversion (with E and O
// forms and strftime's flags), inputs that glibc's strftime printed from real
// dates, then mutated (cut short, padded, case-changed, a byte replaced);
// the parse position and every field of struct tm must agree.
#include <gtest/gtest.h>
#include <time.h>

#include <random>
#include <string>
#include <vector>

#include "libc/src/time/time_compare.h"

namespace qrv_time_test {
namespace {

// glibc's first %Ey reads four digits and then two more (its era search
// falling through); QRV reads %Ey as %y, so it is left out. And once glibc
// has read a number under O, its next O number, %EC or %EY fails (it has
// decided the C locale has alternative digits), and after %EC or %EY its
// abbreviated weekdays match without consuming: one E or O per format, last.
const char* const kConversions[] = {
    "a",  "A",  "b",  "B",  "h",  "c",  "C",  "d",  "e",  "D",  "F",  "H",  "I",  "j",  "k",  "l",
    "m",  "M",  "n",  "p",  "t",  "r",  "R",  "S",  "T",  "u",  "w",  "x",  "X",  "y",  "Y",  "z",
    "Z",  "s",  "g",  "G",  "V",  "%",  "Ec", "EC", "Ex", "EX", "EY", "Od", "Oe", "OH", "OI", "Om",
    "OM", "OS", "OV", "Ow", "Oy", "Ob", "OB", "Oh", "-d", "_H", "010Y", "^a", "U",  "W",  "OU", "OW",
    "q",  "Eq", "Oq"};

TEST(StrptimeTest, RandomFormatsAndInputsMatchGlibc) {
  set_tz("CET-1CEST,M3.5.0,M10.5.0/3");
  std::mt19937_64 rng(61);
  const size_t kCount = sizeof(kConversions) / sizeof(kConversions[0]);
  for (int iter = 0; iter < 200000; ++iter) {
    std::string f;
    const int n = 1 + static_cast<int>(rng() % 4);
    bool weeks = false, modified = false;
    for (int i = 0; i < n; ++i) {
      static const char* const kGlue[] = {"", " ", "-", ":", "  ", "/", "x"};
      f += kGlue[rng() % 7];
      const char* c = kConversions[rng() % (iter % 5 == 0 ? kCount : kCount - 7)];
      if (c[0] == 'E' || c[0] == 'O') {
        if (modified || i != n - 1) c = "d";
        modified = true;
      }
      weeks |= strchr(c, 'U') != nullptr || strchr(c, 'W') != nullptr;
      f += '%';
      f += c;
    }
    // A real date printed by glibc (weeks 2-50: glibc reads outside its
    // tables for week 0 or a week past the year).
    const int64_t t = static_cast<int64_t>(rng() % 8000000000ULL) - 2000000000LL;
    struct tm date;
    ::gmtime_r(&t, &date);
    if (weeks && (date.tm_yday < 14 || date.tm_yday > 340)) date.tm_yday = 100;
    char printed[256];
    ::strftime(printed, sizeof(printed), f.c_str(), &date);
    std::string input = printed;
    if (!weeks && !input.empty()) {
      switch (rng() % 6) {
        case 0:
          input.resize(rng() % input.size());
          break;
        case 1:
          input[rng() % input.size()] = "0 9aZ:+-"[rng() % 8];
          break;
        case 2:
          input.insert(rng() % input.size(), " ");
          break;
        case 3:
          for (char& ch : input) ch = static_cast<char>(rng() % 2 ? toupper(ch) : tolower(ch));
          break;
        default:
          break;
      }
    }
    // The same starting fields for both (strptime leaves unread ones alone).
    q::Tm mine = {static_cast<int>(rng() % 60), static_cast<int>(rng() % 60), static_cast<int>(rng() % 24),
                  1 + static_cast<int>(rng() % 28), static_cast<int>(rng() % 12), static_cast<int>(rng() % 300),
                  static_cast<int>(rng() % 7), static_cast<int>(rng() % 365), 0, 0, "X"};
    struct tm theirs = to_glibc(mine);
    const char* end_q = q::strptime(input.c_str(), f.c_str(), &mine);
    const char* end_g = ::strptime(input.c_str(), f.c_str(), &theirs);
    SCOPED_TRACE("format \"" + f + "\" input \"" + input + "\"");
    ASSERT_EQ(end_q == nullptr ? -1 : end_q - input.c_str(), end_g == nullptr ? -1 : end_g - input.c_str());
    if (end_q == nullptr) continue;  // the fields are then unspecified
    ASSERT_TRUE(same(mine, theirs)) << describe(mine) << " vs " << describe(theirs);
  }
}

TEST(StrptimeTest, ReadsWhatStrftimeWrites) {
  q::Tm tm = {};
  const char* s = "Tue, 05 Mar 2024 14:07:09 +0530";
  const char* end = q::strptime(s, "%a, %d %b %Y %H:%M:%S %z", &tm);
  ASSERT_NE(end, nullptr);
  EXPECT_EQ(*end, '\0');
  EXPECT_EQ(tm.tm_year, 124);
  EXPECT_EQ(tm.tm_mon, 2);
  EXPECT_EQ(tm.tm_mday, 5);
  EXPECT_EQ(tm.tm_hour, 14);
  EXPECT_EQ(tm.tm_wday, 2);
  EXPECT_EQ(tm.tm_yday, 64);
  EXPECT_EQ(tm.tm_gmtoff, 19800);
  // %D is all or nothing: a bad day leaves the month unread.
  q::Tm partial = {};
  partial.tm_mon = 7;
  EXPECT_EQ(q::strptime("12/40/99", "%D", &partial), nullptr);
  EXPECT_EQ(partial.tm_mon, 7);
  EXPECT_EQ(q::strptime("12", "%H%", &tm), nullptr);  // a lone '%' matches nothing
  EXPECT_EQ(q::strptime("x", "%Q", &tm), nullptr);
}

}  // namespace
}  // namespace qrv_time_test
