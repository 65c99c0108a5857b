// ctype.h for the C locale: one class table over 0..127; bytes 128..255 and
// EOF belong to no class. Arguments outside EOF..255 (undefined behaviour in
// C) read no memory and answer 0 / return the argument unchanged.
#include <stdint.h>

#include "libc/src/common/entrypoint.h"
#include "libc/src/ctype/ctype_api.h"

namespace qrv::libc {
namespace {

enum : uint8_t {
  kUpper = 1,
  kLower = 2,
  kDigit = 4,
  kSpace = 8,   // ' ' \t \n \v \f \r
  kPunct = 16,
  kCntrl = 32,
  kBlank = 64,  // ' ' \t
  kHex = 128,   // a-f A-F (digits are kDigit)
};

constexpr uint8_t class_of_ascii(int c) {
  uint8_t m = 0;
  if (c >= 'A' && c <= 'Z') m |= kUpper;
  if (c >= 'a' && c <= 'z') m |= kLower;
  if (c >= '0' && c <= '9') m |= kDigit;
  if (c == ' ' || (c >= '\t' && c <= '\r')) m |= kSpace;
  if (c == ' ' || c == '\t') m |= kBlank;
  if (c < 32 || c == 127) m |= kCntrl;
  if (c > 32 && c < 127 && (m & (kUpper | kLower | kDigit)) == 0) m |= kPunct;
  if ((c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F')) m |= kHex;
  return m;
}

struct Table {
  uint8_t cls[128];
};

constexpr Table make_table() {
  Table t{};
  for (int c = 0; c < 128; ++c) t.cls[c] = class_of_ascii(c);
  return t;
}

constexpr Table kTable = make_table();

int has(int c, uint8_t mask) {
  if (c < 0 || c > 127) return 0;
  return (kTable.cls[c] & mask) != 0;
}

}  // namespace

QRV_LIBC_FN(int, isalnum, (int c)) { return has(c, kUpper | kLower | kDigit); }
QRV_LIBC_FN(int, isalpha, (int c)) { return has(c, kUpper | kLower); }
QRV_LIBC_FN(int, isblank, (int c)) { return has(c, kBlank); }
QRV_LIBC_FN(int, iscntrl, (int c)) { return has(c, kCntrl); }
QRV_LIBC_FN(int, isdigit, (int c)) { return has(c, kDigit); }
QRV_LIBC_FN(int, isgraph, (int c)) { return has(c, kUpper | kLower | kDigit | kPunct); }
QRV_LIBC_FN(int, islower, (int c)) { return has(c, kLower); }
QRV_LIBC_FN(int, isprint, (int c)) { return c == ' ' || has(c, kUpper | kLower | kDigit | kPunct); }
QRV_LIBC_FN(int, ispunct, (int c)) { return has(c, kPunct); }
QRV_LIBC_FN(int, isspace, (int c)) { return has(c, kSpace); }
QRV_LIBC_FN(int, isupper, (int c)) { return has(c, kUpper); }
QRV_LIBC_FN(int, isxdigit, (int c)) { return has(c, kDigit | kHex); }
QRV_LIBC_FN(int, tolower, (int c)) { return has(c, kUpper) ? c + 32 : c; }
QRV_LIBC_FN(int, toupper, (int c)) { return has(c, kLower) ? c - 32 : c; }

}  // namespace qrv::libc
