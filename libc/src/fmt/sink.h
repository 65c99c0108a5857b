// Buffered output for the printf engine: batches small pieces into runs for
// the put callback and counts characters, failing once the count passes INT_MAX.
#pragma once

#include <stddef.h>
#include <stdint.h>

#include "libc/src/fmt/format.h"

namespace qrv::fmt {

class Sink {
 public:
  Sink(__qrv_put_fn put, void* ctx) : put_(put), ctx_(ctx) {}

  void write(const char* s, size_t n);
  void put_char(char c) { write(&c, 1); }
  void fill(char c, int64_t n);
  void flush();

  int64_t count() const { return count_; }
  bool overflowed() const { return overflowed_; }

 private:
  // Accounts for n more characters; false (and nothing more is emitted) past INT_MAX.
  bool reserve(size_t n);

  static constexpr size_t kBufSize = 256;
  __qrv_put_fn put_;
  void* ctx_;
  char buf_[kBufSize];
  size_t len_ = 0;
  int64_t count_ = 0;
  bool overflowed_ = false;
};

}  // namespace qrv::fmt
