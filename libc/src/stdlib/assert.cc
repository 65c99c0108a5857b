// The failure path of assert(): report on stderr, then abort.
#include "libc/src/common/entrypoint.h"
#include "libc/src/stdio/stdio_api.h"
#include "libc/src/stdlib/stdlib_api.h"

namespace qrv::libc {

QRV_LIBC_FN(void, __qrv_assert_fail, (const char* expr, const char* file, int line, const char* func)) {
  fprintf(stderr, "%s:%d: %s: Assertion `%s' failed.\n", file, line, func, expr);
  abort();
}

}  // namespace qrv::libc
