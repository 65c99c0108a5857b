// The scanf engine's pieces (scan_engine.cc, scan_float.cc): the input it
// reads one character at a time with one character of pushback (a string,
// or a locked stream, which gets that character back at the end), and the
// growing buffer conversions collect their characters in.
#pragma once

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include "libc/src/stdio/file.h"

namespace qrv::libc {

inline constexpr int kScanEof = -1;

class ScanInput {
 public:
  explicit ScanInput(const char* s) : str_(reinterpret_cast<const unsigned char*>(s)) {}
  explicit ScanInput(File* f) : file_(f) {}  // f's lock held throughout

  // The next character, consumed, or kScanEof.
  int get() {
    int c;
    if (pushed_ >= 0) {
      c = pushed_;
      pushed_ = -1;
    } else if (str_ != nullptr) {
      c = *str_ != 0 ? *str_++ : kScanEof;
    } else {
      c = getc_locked(file_);
    }
    if (c != kScanEof) ++count_;
    return c;
  }
  // Gives back the character get returned last (kScanEof: nothing).
  void unget(int c) {
    if (c == kScanEof) return;
    pushed_ = c;
    --count_;
  }
  // Characters consumed so far (%n).
  size_t count() const { return count_; }
  // A stream gets the pushed-back character back.
  void finish() {
    if (file_ != nullptr && pushed_ >= 0) ungetc_locked(pushed_, file_);
    pushed_ = -1;
  }

 private:
  const unsigned char* str_ = nullptr;
  File* file_ = nullptr;
  int pushed_ = -1;
  size_t count_ = 0;
};

// Characters of a number, NUL-terminated; in place up to kInline, then malloc'd.
class ScanBuffer {
 public:
  ScanBuffer() = default;
  ScanBuffer(const ScanBuffer&) = delete;
  ScanBuffer& operator=(const ScanBuffer&) = delete;
  ~ScanBuffer();
  bool add(char c);  // false (ENOMEM) when it cannot grow
  const char* c_str() const { return data_; }
  size_t size() const { return size_; }
  char last() const { return size_ > 0 ? data_[size_ - 1] : '\0'; }

 private:
  static constexpr size_t kInline = 128;
  char inline_[kInline];
  char* data_ = inline_;
  size_t size_ = 0;
  size_t capacity_ = kInline;
};

// Collects a floating-point number (glibc's lenient reading: the characters
// of a prefix, which strtod then converts as far as it can). Returns 1 when
// characters were collected, 0 on a matching failure, -1 on end of input
// before any character, -2 when memory ran out. width < 0: no limit. *last
// gets the character read last (kScanEof once the input has ended).
int collect_float(ScanInput& in, int width, ScanBuffer& buf, int* last);

// The engine: what vfscanf and vsscanf return.
int scan_format(ScanInput& in, const char* format, va_list ap);

}  // namespace qrv::libc
