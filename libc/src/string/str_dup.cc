// strdup and strndup over QRV's malloc (NULL and ENOMEM when it fails).
#include "libc/src/common/entrypoint.h"
#include "libc/src/malloc/malloc_api.h"
#include "libc/src/string/string_api.h"

namespace qrv::libc {

QRV_LIBC_FN(char*, strndup, (const char* s, size_t n)) {
  const size_t len = strnlen(s, n);
  auto* copy = static_cast<char*>(malloc(len + 1));
  if (copy == nullptr) return nullptr;
  memcpy(copy, s, len);
  copy[len] = '\0';
  return copy;
}

QRV_LIBC_FN(char*, strdup, (const char* s)) { return strndup(s, strlen(s)); }

}  // namespace qrv::libc
