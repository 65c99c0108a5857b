// The scanf family over the engine (scan_engine.cc): each function only
// chooses the input, a string or a stream (locked for the whole call, and
// given back the one character of lookahead at the end, as ungetc would).
#include <stdarg.h>

#include "libc/src/common/entrypoint.h"
#include "libc/src/stdio/file.h"
#include "libc/src/stdio/scan.h"
#include "libc/src/stdio/stdio_api.h"

namespace qrv::libc {

QRV_LIBC_FN(int, vsscanf, (const char* __restrict s, const char* __restrict format, va_list ap)) {
  ScanInput in(s);
  return scan_format(in, format, ap);
}

QRV_LIBC_FN(int, sscanf, (const char* __restrict s, const char* __restrict format, ...)) {
  va_list ap;
  va_start(ap, format);
  const int r = vsscanf(s, format, ap);
  va_end(ap);
  return r;
}

QRV_LIBC_FN(int, vfscanf, (File* __restrict f, const char* __restrict format, va_list ap)) {
  FileLock lock(f);
  ScanInput in(f);
  const int r = scan_format(in, format, ap);
  in.finish();
  return r;
}

QRV_LIBC_FN(int, fscanf, (File* __restrict f, const char* __restrict format, ...)) {
  va_list ap;
  va_start(ap, format);
  const int r = vfscanf(f, format, ap);
  va_end(ap);
  return r;
}

QRV_LIBC_FN(int, vscanf, (const char* __restrict format, va_list ap)) { return vfscanf(stdin, format, ap); }

QRV_LIBC_FN(int, scanf, (const char* __restrict format, ...)) {
  va_list ap;
  va_start(ap, format);
  const int r = vfscanf(stdin, format, ap);
  va_end(ap);
  return r;
}

}  // namespace qrv::libc
