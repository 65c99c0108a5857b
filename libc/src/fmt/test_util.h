// Host-only helpers for the fmt tests and benchmark: capture __qrv_vformat
// output in a std::string, and a small deterministic random generator.
#pragma once

#include <stdarg.h>
#include <stdint.h>

#include <string>

#include "libc/src/fmt/format.h"

namespace qrv::fmt::testing {

struct Captured {
  int rc;
  std::string text;
};

inline void append_put(const char* s, size_t n, void* ctx) {
  static_cast<std::string*>(ctx)->append(s, n);
}

inline Captured qrv_format(const char* fmt, ...) {
  Captured c{0, {}};
  va_list ap;
  va_start(ap, fmt);
  c.rc = __qrv_vformat(append_put, &c.text, fmt, ap);
  va_end(ap);
  return c;
}

// SplitMix64: fixed seeds keep every run identical.
class Rng {
 public:
  explicit Rng(uint64_t seed) : state_(seed) {}
  uint64_t next() {
    uint64_t z = (state_ += 0x9e3779b97f4a7c15ull);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
    return z ^ (z >> 31);
  }
  uint32_t below(uint32_t n) { return static_cast<uint32_t>(next() % n); }

 private:
  uint64_t state_;
};

}  // namespace qrv::fmt::testing
