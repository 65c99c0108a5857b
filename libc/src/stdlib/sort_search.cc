// qsort (introsort: median-of-three quicksort, heapsort past 2*log2(n) levels,
// insertion sort below 16 elements; O(n log n) worst case, no allocation) and
// bsearch.
#include <stdint.h>

#include "libc/src/common/entrypoint.h"
#include "libc/src/stdlib/stdlib_api.h"

namespace qrv::libc {
namespace {

using Compare = int (*)(const void*, const void*);

struct Array {
  unsigned char* base;
  size_t size;
  Compare cmp;

  unsigned char* at(size_t i) const { return base + i * size; }
  bool less(size_t i, size_t j) const { return cmp(at(i), at(j)) < 0; }
  void swap(size_t i, size_t j) const {
    if (i == j) return;
    unsigned char* a = at(i);
    unsigned char* b = at(j);
    for (size_t k = 0; k < size; ++k) {
      const unsigned char t = a[k];
      a[k] = b[k];
      b[k] = t;
    }
  }
};

void insertion_sort(const Array& a, size_t lo, size_t hi) {
  for (size_t i = lo + 1; i < hi; ++i) {
    for (size_t j = i; j > lo && a.less(j, j - 1); --j) a.swap(j, j - 1);
  }
}

void sift_down(const Array& a, size_t lo, size_t root, size_t n) {
  for (;;) {
    size_t child = 2 * root + 1;
    if (child >= n) return;
    if (child + 1 < n && a.less(lo + child, lo + child + 1)) ++child;
    if (!a.less(lo + root, lo + child)) return;
    a.swap(lo + root, lo + child);
    root = child;
  }
}

void heap_sort(const Array& a, size_t lo, size_t hi) {
  const size_t n = hi - lo;
  for (size_t i = n / 2; i-- > 0;) sift_down(a, lo, i, n);
  for (size_t end = n; end-- > 1;) {
    a.swap(lo, lo + end);
    sift_down(a, lo, 0, end);
  }
}

// Sorts [lo, hi).
void intro_sort(const Array& a, size_t lo, size_t hi, int depth) {
  while (hi - lo > 16) {
    if (depth-- == 0) {
      heap_sort(a, lo, hi);
      return;
    }
    // Median of three into lo; pivot value then stays at lo.
    const size_t mid = lo + (hi - lo) / 2;
    if (a.less(mid, lo)) a.swap(mid, lo);
    if (a.less(hi - 1, lo)) a.swap(hi - 1, lo);
    if (a.less(hi - 1, mid)) a.swap(hi - 1, mid);
    a.swap(lo, mid);
    // Hoare partition around a[lo].
    size_t i = lo, j = hi;
    for (;;) {
      do ++i; while (i < hi && a.less(i, lo));
      do --j; while (a.less(lo, j));
      if (i >= j) break;
      a.swap(i, j);
    }
    a.swap(lo, j);
    // Recurse into the smaller side, loop on the larger: O(log n) stack.
    if (j - lo < hi - j - 1) {
      intro_sort(a, lo, j, depth);
      lo = j + 1;
    } else {
      intro_sort(a, j + 1, hi, depth);
      hi = j;
    }
  }
  insertion_sort(a, lo, hi);
}

}  // namespace

QRV_LIBC_FN(void, qsort, (void* base, size_t count, size_t size, int (*compare)(const void*, const void*))) {
  if (count < 2 || size == 0) return;
  const Array a = {static_cast<unsigned char*>(base), size, compare};
  const int depth = 2 * (64 - __builtin_clzll(count));
  intro_sort(a, 0, count, depth);
}

QRV_LIBC_FN(void*, bsearch, (const void* key, const void* base, size_t count, size_t size,
                             int (*compare)(const void*, const void*))) {
  const auto* p = static_cast<const unsigned char*>(base);
  size_t lo = 0, hi = count;
  while (lo < hi) {
    const size_t mid = lo + (hi - lo) / 2;
    const int c = compare(key, p + mid * size);
    if (c == 0) return const_cast<unsigned char*>(p + mid * size);
    if (c < 0) {
      hi = mid;
    } else {
      lo = mid + 1;
    }
  }
  return nullptr;
}

}  // namespace qrv::libc
