// The C locale, the only one QRV has: setlocale answers "C" for it (named
// "C", "POSIX" or "", the environment's choice, which is always C) and
// NULL for any other, and localeconv gives the C values (POSIX 7.3).
#include "libc/src/locale/locale_api.h"

#include "libc/src/common/entrypoint.h"
#include "libc/src/string/string_api.h"

namespace qrv::libc {
namespace {

char g_c[] = "C";
char g_dot[] = ".";
char g_empty[] = "";
constexpr char kNone = 127;  // CHAR_MAX: "not available"

}  // namespace

QRV_LIBC_FN(char*, setlocale, (int category, const char* locale)) {
  if (category < kLcCtype || category > kLcAll) return nullptr;
  if (locale == nullptr) return g_c;  // a query
  if (locale[0] == '\0' || strcmp(locale, "C") == 0 || strcmp(locale, "POSIX") == 0) return g_c;
  return nullptr;
}

QRV_LIBC_FN(Lconv*, localeconv, ()) {
  static Lconv c = {g_dot,  g_empty, g_empty, g_empty, g_empty, g_empty, g_empty, g_empty, g_empty, g_empty,
                    kNone,  kNone,   kNone,   kNone,   kNone,   kNone,   kNone,   kNone,   kNone,   kNone,
                    kNone,  kNone,   kNone,   kNone};
  return &c;
}

}  // namespace qrv::libc
