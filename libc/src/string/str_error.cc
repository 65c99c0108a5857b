// strerror and strerror_r: messages from the ABI's errno list; any other
// number reads "Unknown error N" (as glibc).
#include "kernel/abi/errno.h"
#include "libc/src/common/entrypoint.h"
#include "libc/src/common/errno.h"
#include "libc/src/string/decimal.h"
#include "libc/src/string/string_api.h"

namespace qrv::libc {
namespace {

const char* known_message(int errnum) {
  switch (errnum) {
    case 0:
      return "Success";
#define QRV_CASE_(value, name, message) \
  case value:                           \
    return message;
      QRV_ERRNO_LIST(QRV_CASE_)
#undef QRV_CASE_
    default:
      return nullptr;
  }
}

// "Unknown error N" into buf (at least 32 bytes).
void unknown_message(int errnum, char* buf) {
  const char prefix[] = "Unknown error ";
  memcpy(buf, prefix, sizeof(prefix) - 1);
  *write_decimal(buf + sizeof(prefix) - 1, errnum) = '\0';
}

}  // namespace

QRV_LIBC_FN(char*, strerror, (int errnum)) {
  const char* known = known_message(errnum);
  if (known != nullptr) return const_cast<char*>(known);
  static char buf[32];  // C17 7.24.6.2: strerror need not avoid data races
  unknown_message(errnum, buf);
  return buf;
}

// POSIX (XSI) strerror_r: 0, or ERANGE when buf is too small (then truncated).
QRV_LIBC_FN(int, strerror_r, (int errnum, char* buf, size_t len)) {
  char tmp[32];
  const char* msg = known_message(errnum);
  if (msg == nullptr) {
    unknown_message(errnum, tmp);
    msg = tmp;
  }
  const size_t need = strlen(msg) + 1;
  if (len == 0) return QRV_ERANGE;
  if (need > len) {
    memcpy(buf, msg, len - 1);
    buf[len - 1] = '\0';
    return QRV_ERANGE;
  }
  memcpy(buf, msg, need);
  return msg == tmp ? QRV_EINVAL : 0;
}

}  // namespace qrv::libc
