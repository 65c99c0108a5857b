// A fixed ring of bytes: what the line discipline queues (input, output)
// without allocating, so a flood from the line or from writers only fills
// it. Pure, host-tested through line_discipline_test.
#pragma once

#include <stddef.h>

namespace qrv_tty {

template <size_t N>
class ByteRing {
 public:
  size_t size() const { return len_; }
  size_t room() const { return N - len_; }
  bool empty() const { return len_ == 0; }

  // False (nothing stored) when full.
  bool push(unsigned char c) {
    if (len_ == N) return false;
    buf_[(head_ + len_) % N] = c;
    ++len_;
    return true;
  }
  // The oldest byte; the ring must not be empty.
  unsigned char pop() {
    const unsigned char c = buf_[head_];
    head_ = (head_ + 1) % N;
    --len_;
    return c;
  }
  // Copies out up to n of the oldest bytes.
  size_t pop(unsigned char* out, size_t n) {
    if (n > len_) n = len_;
    for (size_t i = 0; i < n; ++i) out[i] = pop();
    return n;
  }
  unsigned char at(size_t i) const { return buf_[(head_ + i) % N]; }
  void clear() { head_ = len_ = 0; }

 private:
  unsigned char buf_[N];
  size_t head_ = 0;
  size_t len_ = 0;
};

}  // namespace qrv_tty
