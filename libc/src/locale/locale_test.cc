// The C locale on the host: setlocale's answers, and localeconv against
// glibc's C locale field by field.
#include "libc/src/locale/locale_api.h"

#include <locale.h>
#include <stddef.h>
#include <string.h>
#include <gtest/gtest.h>

namespace {

namespace q = qrv::libc;

static_assert(q::kLcCtype == LC_CTYPE && q::kLcNumeric == LC_NUMERIC && q::kLcTime == LC_TIME &&
              q::kLcCollate == LC_COLLATE && q::kLcMonetary == LC_MONETARY && q::kLcMessages == LC_MESSAGES &&
              q::kLcAll == LC_ALL);
static_assert(sizeof(q::Lconv) == sizeof(struct lconv) && offsetof(q::Lconv, int_n_sign_posn) ==
              offsetof(struct lconv, int_n_sign_posn), "struct lconv as glibc's");

TEST(Locale, OnlyTheCLocale) {
  EXPECT_STREQ(q::setlocale(q::kLcAll, nullptr), "C");
  EXPECT_STREQ(q::setlocale(q::kLcAll, ""), "C") << "the environment's locale is C";
  EXPECT_STREQ(q::setlocale(q::kLcNumeric, "C"), "C");
  EXPECT_STREQ(q::setlocale(q::kLcCtype, "POSIX"), "C");
  EXPECT_EQ(q::setlocale(q::kLcAll, "en_US.UTF-8"), nullptr) << "no other locale";
  EXPECT_EQ(q::setlocale(-1, "C"), nullptr);
  EXPECT_EQ(q::setlocale(7, nullptr), nullptr);
}

TEST(Locale, LocaleconvIsGlibcsC) {
  ASSERT_NE(::setlocale(LC_ALL, "C"), nullptr);
  const struct lconv* g = ::localeconv();
  const q::Lconv* o = q::localeconv();
  EXPECT_STREQ(o->decimal_point, g->decimal_point);
  EXPECT_STREQ(o->thousands_sep, g->thousands_sep);
  EXPECT_STREQ(o->grouping, g->grouping);
  EXPECT_STREQ(o->int_curr_symbol, g->int_curr_symbol);
  EXPECT_STREQ(o->currency_symbol, g->currency_symbol);
  EXPECT_STREQ(o->mon_decimal_point, g->mon_decimal_point);
  EXPECT_STREQ(o->positive_sign, g->positive_sign);
  EXPECT_STREQ(o->negative_sign, g->negative_sign);
  EXPECT_EQ(o->frac_digits, g->frac_digits);
  EXPECT_EQ(o->int_frac_digits, g->int_frac_digits);
  EXPECT_EQ(o->p_sign_posn, g->p_sign_posn);
  EXPECT_EQ(o->int_n_sign_posn, g->int_n_sign_posn);
}

}  // namespace
