// malloc and friends inside QRV's libc (namespace qrv::libc), plus the
// allocator's statistics for tests and benchmarks.
#pragma once

#include <stddef.h>

namespace qrv::libc {

void* malloc(size_t n);
void free(void* p);
void* calloc(size_t count, size_t size);
void* realloc(void* p, size_t n);
void* aligned_alloc(size_t alignment, size_t n);
int posix_memalign(void** out, size_t alignment, size_t n);
size_t malloc_usable_size(void* p);

struct MallocStats {
  size_t os_bytes;     // obtained from os_morecore, ever (never returned)
  size_t free_bytes;   // in free chunks, headers included
  size_t free_chunks;  // number of free chunks (1 per segment when all is freed)
  size_t segments;     // separate regions (contiguous os_morecore results merge)
};
MallocStats malloc_stats();

}  // namespace qrv::libc
