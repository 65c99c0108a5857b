// The four memory functions GCC may call on its own even in freestanding
// code (struct copies, zero-initialisation): the kernel's definitions.
// Built with -fno-tree-loop-distribute-patterns so GCC does not turn these
// loops back into calls to themselves. Board only: the host has glibc's.
#include <cstddef>
#include <cstdint>

namespace {
constexpr size_t kWord = sizeof(uint64_t);

bool both_aligned(const void* a, const void* b) {
  return ((reinterpret_cast<uintptr_t>(a) | reinterpret_cast<uintptr_t>(b)) & (kWord - 1)) == 0;
}
}  // namespace

extern "C" {

void* memcpy(void* dst, const void* src, size_t n) {
  auto* d = static_cast<unsigned char*>(dst);
  const auto* s = static_cast<const unsigned char*>(src);
  if (both_aligned(d, s)) {
    for (; n >= kWord; n -= kWord, d += kWord, s += kWord) {
      *reinterpret_cast<uint64_t*>(d) = *reinterpret_cast<const uint64_t*>(s);
    }
  }
  for (; n != 0; --n) {
    *d++ = *s++;
  }
  return dst;
}

void* memmove(void* dst, const void* src, size_t n) {
  auto* d = static_cast<unsigned char*>(dst);
  const auto* s = static_cast<const unsigned char*>(src);
  if (d <= s || d >= s + n) {
    return memcpy(dst, src, n);
  }
  while (n != 0) {
    --n;
    d[n] = s[n];
  }
  return dst;
}

void* memset(void* dst, int c, size_t n) {
  auto* d = static_cast<unsigned char*>(dst);
  const auto byte = static_cast<unsigned char>(c);
  if ((reinterpret_cast<uintptr_t>(d) & (kWord - 1)) == 0) {
    const uint64_t word = 0x0101010101010101ull * byte;
    for (; n >= kWord; n -= kWord, d += kWord) {
      *reinterpret_cast<uint64_t*>(d) = word;
    }
  }
  for (; n != 0; --n) {
    *d++ = byte;
  }
  return dst;
}

int memcmp(const void* a, const void* b, size_t n) {
  const auto* x = static_cast<const unsigned char*>(a);
  const auto* y = static_cast<const unsigned char*>(b);
  for (size_t i = 0; i < n; ++i) {
    if (x[i] != y[i]) {
      return x[i] < y[i] ? -1 : 1;
    }
  }
  return 0;
}

size_t strlen(const char* s) {
  size_t n = 0;
  while (s[n] != '\0') {
    ++n;
  }
  return n;
}

}  // extern "C"
