// The printf family over the fmt engine (__qrv_vformat): each function only
// chooses where the characters go (a stream, a bounded buffer, a growing
// malloc'd buffer, a file descriptor). Also perror.
#include <stdarg.h>
#include <stdint.h>

#include "kernel/abi/errno.h"
#include "libc/src/common/entrypoint.h"
#include "libc/src/common/errno.h"
#include "libc/src/fmt/format.h"
#include "libc/src/malloc/malloc_api.h"
#include "libc/src/posix/posix_api.h"
#include "libc/src/stdio/file.h"
#include "libc/src/stdio/stdio_api.h"
#include "libc/src/string/string_api.h"

namespace qrv::libc {
namespace {

// The engine reports -1 for a malformed directive, a bad wide character or a
// count past INT_MAX without saying which (libc/src/fmt/format.h). The sink
// stops just short of INT_MAX characters on overflow, while the other two
// failures come after ordinary amounts of output: so more than INT_MAX / 2
// characters means EOVERFLOW, anything less EINVAL.
int engine_failed(size_t produced) {
  set_errno(produced > static_cast<size_t>(__INT_MAX__) / 2 ? QRV_EOVERFLOW : QRV_EINVAL);
  return -1;
}

struct StreamSink {
  File* f;
  size_t produced;
};

void put_stream(const char* s, size_t n, void* ctx) {
  auto* sink = static_cast<StreamSink*>(ctx);
  sink->produced += n;
  write_locked(sink->f, s, n);
}

// Up to cap - 1 characters and a terminator; counts everything.
struct BufferSink {
  char* buf;
  size_t cap;
  size_t len;
};

void put_buffer(const char* s, size_t n, void* ctx) {
  auto* sink = static_cast<BufferSink*>(ctx);
  if (sink->cap > 0 && sink->len < sink->cap - 1) {
    size_t room = sink->cap - 1 - sink->len;
    memcpy(sink->buf + sink->len, s, n < room ? n : room);
  }
  sink->len += n;
}

struct GrowSink {
  char* buf;
  size_t cap;
  size_t len;
  bool failed;
};

void put_grow(const char* s, size_t n, void* ctx) {
  auto* sink = static_cast<GrowSink*>(ctx);
  if (sink->failed) return;
  if (sink->len + n + 1 > sink->cap) {
    size_t cap = sink->cap * 2;
    if (cap < sink->len + n + 1) cap = sink->len + n + 1;
    auto* grown = static_cast<char*>(realloc(sink->buf, cap));
    if (grown == nullptr) {
      sink->failed = true;
      return;
    }
    sink->buf = grown;
    sink->cap = cap;
  }
  memcpy(sink->buf + sink->len, s, n);
  sink->len += n;
}

struct FdSink {
  int fd;
  bool failed;
  size_t len;    // bytes waiting in buf
  size_t total;  // bytes produced in all
  char buf[256];
};

void fd_flush(FdSink* sink) {
  size_t done = 0;
  while (!sink->failed && done < sink->len) {
    const ssize_t r = write(sink->fd, sink->buf + done, sink->len - done);
    if (r <= 0) {
      sink->failed = true;
    } else {
      done += static_cast<size_t>(r);
    }
  }
  sink->len = 0;
}

void put_fd(const char* s, size_t n, void* ctx) {
  auto* sink = static_cast<FdSink*>(ctx);
  sink->total += n;
  while (n > 0) {
    if (sink->len == sizeof(sink->buf)) fd_flush(sink);
    size_t chunk = sizeof(sink->buf) - sink->len;
    if (chunk > n) chunk = n;
    memcpy(sink->buf + sink->len, s, chunk);
    sink->len += chunk;
    s += chunk;
    n -= chunk;
  }
}

}  // namespace

QRV_LIBC_FN(int, vfprintf, (File* __restrict f, const char* __restrict fmt, va_list ap)) {
  FileLock lock(f);
  const uint32_t errors_before = f->flags_ & kError;
  StreamSink sink = {f, 0};
  const int r = __qrv_vformat(put_stream, &sink, fmt, ap);
  if (r < 0) return engine_failed(sink.produced);
  if ((f->flags_ & kError) != 0 && errors_before == 0) return -1;
  return r;
}

QRV_LIBC_FN(int, vsnprintf, (char* __restrict buf, size_t n, const char* __restrict fmt, va_list ap)) {
  BufferSink sink = {buf, n, 0};
  const int r = __qrv_vformat(put_buffer, &sink, fmt, ap);
  if (n > 0) buf[sink.len < n - 1 ? sink.len : n - 1] = '\0';
  if (r < 0) return engine_failed(sink.len);
  return r;
}

QRV_LIBC_FN(int, vsprintf, (char* __restrict buf, const char* __restrict fmt, va_list ap)) {
  return vsnprintf(buf, SIZE_MAX, fmt, ap);
}

QRV_LIBC_FN(int, vasprintf, (char** __restrict out, const char* __restrict fmt, va_list ap)) {
  GrowSink sink = {nullptr, 0, 0, false};
  const int r = __qrv_vformat(put_grow, &sink, fmt, ap);
  if (r >= 0 && !sink.failed && sink.buf == nullptr) {  // empty output still needs a string
    put_grow("", 0, &sink);
  }
  if (r < 0 || sink.failed) {
    free(sink.buf);
    if (sink.failed) {
      set_errno(QRV_ENOMEM);
      return -1;
    }
    return engine_failed(sink.len);
  }
  sink.buf[sink.len] = '\0';
  *out = sink.buf;
  return r;
}

QRV_LIBC_FN(int, vdprintf, (int fd, const char* __restrict fmt, va_list ap)) {
  FdSink sink;
  sink.fd = fd;
  sink.failed = false;
  sink.len = 0;
  sink.total = 0;
  const int r = __qrv_vformat(put_fd, &sink, fmt, ap);
  fd_flush(&sink);
  if (r < 0) return engine_failed(sink.total);
  return sink.failed ? -1 : r;
}

QRV_LIBC_FN(int, vprintf, (const char* __restrict fmt, va_list ap)) { return vfprintf(stdout, fmt, ap); }

QRV_LIBC_FN(int, printf, (const char* __restrict fmt, ...)) {
  va_list ap;
  va_start(ap, fmt);
  const int r = vfprintf(stdout, fmt, ap);
  va_end(ap);
  return r;
}

QRV_LIBC_FN(int, fprintf, (File* __restrict f, const char* __restrict fmt, ...)) {
  va_list ap;
  va_start(ap, fmt);
  const int r = vfprintf(f, fmt, ap);
  va_end(ap);
  return r;
}

QRV_LIBC_FN(int, sprintf, (char* __restrict buf, const char* __restrict fmt, ...)) {
  va_list ap;
  va_start(ap, fmt);
  const int r = vsnprintf(buf, SIZE_MAX, fmt, ap);
  va_end(ap);
  return r;
}

QRV_LIBC_FN(int, snprintf, (char* __restrict buf, size_t n, const char* __restrict fmt, ...)) {
  va_list ap;
  va_start(ap, fmt);
  const int r = vsnprintf(buf, n, fmt, ap);
  va_end(ap);
  return r;
}

QRV_LIBC_FN(int, dprintf, (int fd, const char* __restrict fmt, ...)) {
  va_list ap;
  va_start(ap, fmt);
  const int r = vdprintf(fd, fmt, ap);
  va_end(ap);
  return r;
}

QRV_LIBC_FN(int, asprintf, (char** __restrict out, const char* __restrict fmt, ...)) {
  va_list ap;
  va_start(ap, fmt);
  const int r = vasprintf(out, fmt, ap);
  va_end(ap);
  return r;
}

QRV_LIBC_FN(void, perror, (const char* s)) {
  const char* msg = strerror(get_errno());
  FileLock lock(stderr);
  if (s != nullptr && *s != '\0') {
    write_locked(stderr, s, strlen(s));
    write_locked(stderr, ": ", 2);
  }
  write_locked(stderr, msg, strlen(msg));
  write_locked(stderr, "\n", 1);
}

}  // namespace qrv::libc
