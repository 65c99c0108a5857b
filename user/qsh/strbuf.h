// Growable text and lists of strings over malloc, for the executor (the
// board's C++ has no STL): a StrBuf is NUL-terminated at all times; a
// StrList owns its malloc'd strings. Allocation failure leaves them as
// they were and sets `failed`, which the shell reports as out of memory.
#pragma once

#include <stdlib.h>
#include <string.h>

namespace qsh {

struct StrBuf {
  char* s = nullptr;
  size_t n = 0;
  size_t cap = 0;
  bool failed = false;

  StrBuf() = default;
  ~StrBuf() { free(s); }
  StrBuf(const StrBuf&) = delete;
  StrBuf& operator=(const StrBuf&) = delete;

  bool reserve(size_t more) {
    if (n + more + 1 <= cap) return true;
    size_t ncap = cap == 0 ? 64 : cap;
    while (ncap < n + more + 1) ncap *= 2;
    char* d = static_cast<char*>(realloc(s, ncap));
    if (d == nullptr) {
      failed = true;
      return false;
    }
    s = d;
    cap = ncap;
    return true;
  }
  void append(const char* t, size_t len) {
    if (!reserve(len) || s == nullptr) return;
    memcpy(s + n, t, len);
    n += len;
    memset(s + n, 0, 1);  // (a plain store here trips GCC's -Wstringop-overflow)
  }
  void append(const char* t) { append(t, strlen(t)); }
  void push(char c) { append(&c, 1); }
  void clear() {
    n = 0;
    if (s != nullptr) s[0] = '\0';
  }
  const char* c_str() const { return s != nullptr ? s : ""; }
  // Hands the text over (malloc'd, never null unless out of memory).
  char* take() {
    if (s == nullptr && !reserve(0)) return nullptr;
    char* t = s;
    s = nullptr;
    n = cap = 0;
    return t;
  }
};

struct StrList {
  char** items = nullptr;
  size_t len = 0;
  size_t cap = 0;
  bool failed = false;

  StrList() = default;
  ~StrList() { clear(); }
  StrList(const StrList&) = delete;
  StrList& operator=(const StrList&) = delete;

  // Takes ownership of s (malloc'd); keeps the array NULL-terminated.
  void push_owned(char* s) {
    if (s == nullptr) {
      failed = true;
      return;
    }
    if (len + 2 > cap) {
      const size_t ncap = cap == 0 ? 8 : cap * 2;
      char** d = static_cast<char**>(realloc(items, ncap * sizeof(char*)));
      if (d == nullptr) {
        free(s);
        failed = true;
        return;
      }
      items = d;
      cap = ncap;
    }
    items[len++] = s;
    items[len] = nullptr;
  }
  void push(const char* s) {
    const size_t n = strlen(s);
    char* c = static_cast<char*>(malloc(n + 1));
    if (c != nullptr) memcpy(c, s, n + 1);
    push_owned(c);
  }
  void clear() {
    for (size_t i = 0; i < len; ++i) free(items[i]);
    free(items);
    items = nullptr;
    len = cap = 0;
  }
  // argv-style view (never null).
  char** argv() {
    static char* empty[] = {nullptr};
    return items != nullptr ? items : empty;
  }
};

}  // namespace qsh
