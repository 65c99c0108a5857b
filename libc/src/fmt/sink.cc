// Sink: a small staging buffer in front of the caller's put callback.
#include "libc/src/fmt/sink.h"

namespace qrv::fmt {

// <limits.h> does not resolve in the freestanding board toolchain; GCC predefines INT_MAX.
constexpr int64_t kIntMax = __INT_MAX__;

bool Sink::reserve(size_t n) {
  if (overflowed_) return false;
  if (n > static_cast<size_t>(kIntMax) - static_cast<size_t>(count_)) {
    overflowed_ = true;
    return false;
  }
  count_ += static_cast<int64_t>(n);
  return true;
}

void Sink::flush() {
  if (len_ != 0) put_(buf_, len_, ctx_);
  len_ = 0;
}

void Sink::write(const char* s, size_t n) {
  if (n == 0 || !reserve(n)) return;
  if (n > kBufSize - len_) {
    flush();
    if (n >= kBufSize) {
      put_(s, n, ctx_);
      return;
    }
  }
  __builtin_memcpy(buf_ + len_, s, n);
  len_ += n;
}

void Sink::fill(char c, int64_t n) {
  if (n <= 0 || !reserve(static_cast<size_t>(n))) return;
  while (n > 0) {
    if (len_ == kBufSize) flush();
    size_t chunk = kBufSize - len_;
    if (static_cast<int64_t>(chunk) > n) chunk = static_cast<size_t>(n);
    __builtin_memset(buf_ + len_, c, chunk);
    len_ += chunk;
    n -= static_cast<int64_t>(chunk);
  }
}

}  // namespace qrv::fmt
