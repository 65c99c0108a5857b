// Where the scanf engine's results go: the pointer arguments (in order, or
// by %n$ position), integers stored at their size, and the characters of
// %c %s %[ (the caller's array, or a malloc'd one for %m; bytes or wchar_t).
#pragma once

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include "libc/src/malloc/malloc_api.h"
#include "libc/src/string/string_api.h"

namespace qrv::libc {

enum class ScanSize { kInt, kChar, kShort, kLong, kLongLong };  // kLongLong: ll, L, q

// The pointer arguments, in order or by %n$ position.
class ScanArgs {
 public:
  explicit ScanArgs(va_list ap) {
    va_copy(first_, ap);
    va_copy(next_, ap);
  }
  ~ScanArgs() {
    va_end(first_);
    va_end(next_);
  }
  ScanArgs(const ScanArgs&) = delete;
  ScanArgs& operator=(const ScanArgs&) = delete;
  void* get(int position) {
    if (position == 0) return va_arg(next_, void*);
    va_list ap;
    va_copy(ap, first_);
    for (int i = 1; i < position; ++i) va_arg(ap, void*);
    void* p = va_arg(ap, void*);
    va_end(ap);
    return p;
  }

 private:
  va_list first_;
  va_list next_;
};

// Stores the low bits of v in an integer of the given size.
inline void store_integer(void* p, ScanSize size, uint64_t v) {
  switch (size) {
    case ScanSize::kChar:
      *static_cast<unsigned char*>(p) = static_cast<unsigned char>(v);
      break;
    case ScanSize::kShort:
      *static_cast<unsigned short*>(p) = static_cast<unsigned short>(v);
      break;
    case ScanSize::kInt:
      *static_cast<unsigned int*>(p) = static_cast<unsigned int>(v);
      break;
    case ScanSize::kLong:
      *static_cast<unsigned long*>(p) = static_cast<unsigned long>(v);
      break;
    case ScanSize::kLongLong:
      *static_cast<unsigned long long*>(p) = v;
      break;
  }
}

// Where a string conversion's characters go: the caller's array, a buffer
// malloc'd for %m (grown as needed, handed over on success), or nowhere;
// as bytes, or as 32-bit wchar_t units.
class ScanString {
 public:
  ScanString(void* dst, void** alloc_dst, size_t initial, bool wide)
      : dst_(static_cast<unsigned char*>(dst)), alloc_dst_(alloc_dst), unit_(wide ? 4 : 1) {
    if (alloc_dst_ != nullptr) {
      capacity_ = initial;
      dst_ = static_cast<unsigned char*>(malloc(capacity_ * unit_));
      failed_ = dst_ == nullptr;
    }
  }
  ~ScanString() {
    if (alloc_dst_ != nullptr && !handed_over_) free(dst_);
  }
  ScanString(const ScanString&) = delete;
  ScanString& operator=(const ScanString&) = delete;
  bool failed() const { return failed_; }
  void add(int c) {
    if (dst_ == nullptr || failed_) return;
    if (alloc_dst_ != nullptr && len_ + 1 >= capacity_) {
      auto* grown = static_cast<unsigned char*>(realloc(dst_, 2 * capacity_ * unit_));
      if (grown == nullptr) {
        failed_ = true;
        return;
      }
      dst_ = grown;
      capacity_ *= 2;
    }
    if (unit_ == 1) {
      dst_[len_++] = static_cast<unsigned char>(c);
    } else {
      const auto unit = static_cast<uint32_t>(c);
      memcpy(dst_ + unit_ * len_++, &unit, sizeof(unit));
    }
  }
  // Passes over one unit (zeroed in a buffer of ours, the caller's untouched).
  void skip() {
    if (alloc_dst_ != nullptr) {
      add(0);
    } else if (dst_ != nullptr) {
      ++len_;
    }
  }
  // Ends the string (terminated unless it is %c's) and hands it over.
  void finish(bool terminate) {
    if (dst_ == nullptr) return;
    if (terminate) add('\0');
    if (alloc_dst_ != nullptr && !failed_) {
      *alloc_dst_ = dst_;
      handed_over_ = true;
    }
  }

 private:
  unsigned char* dst_;
  void** alloc_dst_;
  size_t unit_;
  size_t len_ = 0;
  size_t capacity_ = 0;
  bool failed_ = false;
  bool handed_over_ = false;
};

}  // namespace qrv::libc
