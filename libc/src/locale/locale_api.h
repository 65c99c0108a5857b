// locale.h inside QRV's libc (namespace qrv::libc): the C locale only.
#pragma once

namespace qrv::libc {

// The categories (glibc's numbers).
inline constexpr int kLcCtype = 0, kLcNumeric = 1, kLcTime = 2, kLcCollate = 3, kLcMonetary = 4, kLcMessages = 5,
                     kLcAll = 6;

struct Lconv {  // struct lconv, in glibc's order
  char* decimal_point;
  char* thousands_sep;
  char* grouping;
  char* int_curr_symbol;
  char* currency_symbol;
  char* mon_decimal_point;
  char* mon_thousands_sep;
  char* mon_grouping;
  char* positive_sign;
  char* negative_sign;
  char int_frac_digits, frac_digits, p_cs_precedes, p_sep_by_space, n_cs_precedes, n_sep_by_space, p_sign_posn,
      n_sign_posn, int_p_cs_precedes, int_p_sep_by_space, int_n_cs_precedes, int_n_sep_by_space, int_p_sign_posn,
      int_n_sign_posn;
};

char* setlocale(int category, const char* locale);
Lconv* localeconv();

}  // namespace qrv::libc
