// The allocator's one hook to the operating system: more memory for the heap.
// Host builds take it from glibc's mmap; board builds from a static arena,
// then taskman (see morecore_qrv.cc).
#pragma once

#include <stddef.h>

namespace qrv::libc {

// `bytes` (a multiple of 4096) of fresh, 16-byte-aligned, writable memory, or
// nullptr when the system has none. Memory is never given back.
void* os_morecore(size_t bytes);

}  // namespace qrv::libc
