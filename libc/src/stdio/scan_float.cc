// The characters of a floating-point number for scanf, collected as glibc
// collects them: a sign; "nan", "inf" or "infinity"; or digits with one
// '.', an exponent (e, or p after "0x") and its sign. A character that fits
// nowhere ends the number and is given back; a broken "nan"/"inf" is a
// matching failure with its characters consumed. Whatever prefix strtod then
// reads is the value ("1e" reads as 1, the 'e' consumed), as with glibc.
#include "libc/src/common/errno.h"
#include "libc/src/malloc/malloc_api.h"
#include "libc/src/stdio/scan.h"
#include "libc/src/string/string_api.h"

namespace qrv::libc {
namespace {

int lower(int c) { return c >= 'A' && c <= 'Z' ? c + 32 : c; }
bool is_digit(int c) { return c >= '0' && c <= '9'; }
bool is_xdigit(int c) { return is_digit(c) || (lower(c) >= 'a' && lower(c) <= 'f'); }

constexpr int kCollected = 1;
constexpr int kMismatch = 0;
constexpr int kEndOfInput = -1;
constexpr int kNoMemory = -2;

}  // namespace

ScanBuffer::~ScanBuffer() {
  if (data_ != inline_) free(data_);
}

bool ScanBuffer::add(char c) {
  if (size_ + 2 > capacity_) {
    const size_t capacity = 2 * capacity_;
    auto* grown = static_cast<char*>(malloc(capacity));
    if (grown == nullptr) {
      set_errno(QRV_ENOMEM);
      return false;
    }
    memcpy(grown, data_, size_);
    if (data_ != inline_) free(data_);
    data_ = grown;
    capacity_ = capacity;
  }
  data_[size_++] = c;
  data_[size_] = '\0';
  return true;
}

int collect_float(ScanInput& in, int width, ScanBuffer& buf, int* last) {
  int& c = *last;
  c = in.get();
  if (width > 0) --width;
  if (c == kScanEof) return kEndOfInput;
  // Takes the next character while the width allows; false at its end or EOF.
  auto next = [&]() {
    if (width == 0 || (c = in.get()) == kScanEof) return false;
    if (width > 0) --width;
    return true;
  };
  // The rest of a word ("an", "nf", "nity"), each character matched. (At
  // most nine characters in all: the buffer's inline room, so add cannot fail.)
  auto word = [&](const char* rest) {
    for (; *rest != '\0'; ++rest) {
      if (!next() || lower(c) != *rest) return false;
      buf.add(static_cast<char>(c));
    }
    return true;
  };
  const size_t sign = (c == '-' || c == '+') ? 1 : 0;
  if (sign != 0) {
    buf.add(static_cast<char>(c));
    if (!next()) return kMismatch;
  }
  if (lower(c) == 'n') {
    buf.add(static_cast<char>(c));
    return word("an") ? kCollected : kMismatch;
  }
  if (lower(c) == 'i') {
    buf.add(static_cast<char>(c));
    if (!word("nf")) return kMismatch;
    if (width != 0 && (c = in.get()) != kScanEof) {
      if (lower(c) != 'i') {
        in.unget(c);
        return kCollected;
      }
      if (width > 0) --width;
      buf.add(static_cast<char>(c));
      if (!word("nity")) return kMismatch;
    }
    return kCollected;
  }
  bool hex = false, got_digit = false, got_dot = false, got_e = false;
  if (width != 0 && c == '0') {
    buf.add('0');
    c = in.get();
    if (width > 0) --width;
    if (width != 0 && lower(c) == 'x') {
      buf.add(static_cast<char>(c));
      hex = true;
      c = in.get();
      if (width > 0) --width;
    } else {
      got_digit = true;
    }
  }
  const char exp_char = hex ? 'p' : 'e';
  for (;;) {
    bool ok = true;
    if (is_digit(c) || (hex && !got_e && is_xdigit(c))) {
      ok = buf.add(static_cast<char>(c));
      got_digit = true;
    } else if (got_e && buf.last() == exp_char && (c == '-' || c == '+')) {
      ok = buf.add(static_cast<char>(c));
    } else if (got_digit && !got_e && lower(c) == exp_char) {
      ok = buf.add(exp_char);
      got_e = got_dot = true;
    } else if (!got_dot && c == '.') {
      ok = buf.add('.');
      got_dot = true;
    } else {
      in.unget(c);
      break;
    }
    if (!ok) return kNoMemory;
    if (!next()) break;
  }
  if (buf.size() == sign || (hex && buf.size() == 2 + sign)) return kMismatch;
  return kCollected;
}

}  // namespace qrv::libc
