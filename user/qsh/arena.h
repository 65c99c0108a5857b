// Memory for one parse: a bump allocator over malloc'd chunks, freed all at
// once, and the growable array the AST is made of. The board's C++ has no
// operator new, no STL and no exceptions, so AST nodes are plain aggregates
// whose all-zero bytes are their empty value: Arena::make<T>() hands out
// zeroed storage and nodes are filled in field by field.
//
// Allocation fails (nullptr, and push() returns false) when malloc does or
// when the arena's limit is reached, so hostile input cannot take all memory;
// the parser turns that into an "out of memory" error.
#pragma once

#include <stddef.h>
#include <stdint.h>
#include <string.h>

namespace qsh {

class Arena {
 public:
  static constexpr size_t kChunk = 16 * 1024;                // bytes malloc'd at a time
  static constexpr size_t kDefaultLimit = 64 * 1024 * 1024;  // bytes in all at most

  Arena() = default;
  ~Arena() { release(); }
  Arena(const Arena&) = delete;
  Arena& operator=(const Arena&) = delete;

  // n zeroed bytes aligned to 16, or nullptr.
  void* alloc(size_t n);
  // One zeroed T (an aggregate whose zero bytes are its empty value).
  template <class T>
  T* make() {
    static_assert(__is_trivially_copyable(T), "arena objects are plain data");
    return static_cast<T*>(alloc(sizeof(T)));
  }
  template <class T>
  T* make_array(size_t n) {
    static_assert(__is_trivially_copyable(T), "arena objects are plain data");
    if (n != 0 && sizeof(T) > SIZE_MAX / n) return nullptr;
    return static_cast<T*>(alloc(sizeof(T) * n));
  }
  // A NUL-terminated copy of s[0, n), or nullptr.
  char* dup(const char* s, size_t n);

  // Frees everything allocated; the arena can be used again.
  void release();
  size_t bytes() const { return total_; }
  void set_limit(size_t limit) { limit_ = limit; }

 private:
  struct Chunk {
    Chunk* next;
    size_t size;  // usable bytes after the header
    size_t used;
  };
  static constexpr size_t kHeader = (sizeof(Chunk) + 15) & ~size_t{15};

  Chunk* head_ = nullptr;
  size_t total_ = 0;
  size_t limit_ = kDefaultLimit;
};

// A growable array in arena storage (growth copies into a fresh block; the
// old one is reclaimed with the arena). Zero bytes are the empty array, so a
// Vec can sit in a node made by Arena::make(). T must be trivially copyable.
template <class T>
struct Vec {
  T* data;
  uint32_t len;
  uint32_t cap;

  size_t size() const { return len; }
  bool empty() const { return len == 0; }
  T& operator[](size_t i) { return data[i]; }
  const T& operator[](size_t i) const { return data[i]; }
  T* begin() { return data; }
  T* end() { return data + len; }
  const T* begin() const { return data; }
  const T* end() const { return data + len; }
  T& back() { return data[len - 1]; }

  // Appends v; false when the arena is out of memory (the array is unchanged).
  bool push(Arena& arena, const T& v) {
    static_assert(__is_trivially_copyable(T), "Vec holds plain data");
    if (len == cap) {
      // The first block is 16 bytes' worth (one element of a big T): most
      // arrays in a syntax tree hold one or two things.
      if (cap > UINT32_MAX / 2) return false;
      const uint32_t first = sizeof(T) >= 16 ? 1 : static_cast<uint32_t>(16 / sizeof(T));
      const uint32_t ncap = cap != 0 ? cap * 2 : first;
      T* d = arena.make_array<T>(ncap);
      if (d == nullptr) return false;
      if (len != 0) memcpy(static_cast<void*>(d), data, len * sizeof(T));
      data = d;
      cap = ncap;
    }
    data[len++] = v;
    return true;
  }
};

// Text owned by the arena: s[n] is '\0' (s is never null once set; "" empty).
struct Str {
  const char* s;
  size_t n;
};

}  // namespace qsh
