// QRV's allocator: boundary-tag chunks (chunk.h) in segregated free lists —
// exact bins per 16 bytes below 1 KiB, one bin per power of two above —
// with splitting and immediate coalescing. Segments come from os_morecore.
// One spin lock guards all state (g_heap).
#include <stdint.h>

#include "libc/src/common/entrypoint.h"
#include "libc/src/common/errno.h"
#include "libc/src/malloc/chunk.h"
#include "libc/src/malloc/malloc_api.h"
#include "libc/src/malloc/morecore.h"
#include "libc/src/neutrino/lock.h"
#include "libc/src/string/string_api.h"

namespace qrv::libc {
namespace {

constexpr size_t kSmallLimit = 1024;                        // exact bins below this
constexpr size_t kSmallBins = kSmallLimit / kChunkAlign;    // index = size / 16
constexpr size_t kLargeBins = 54;                           // 2^10 .. 2^63
constexpr size_t kBins = kSmallBins + kLargeBins;
constexpr size_t kSegmentMin = 256 * 1024;
constexpr size_t kPage = 4096;
constexpr size_t kMaxRequest = size_t{1} << 48;             // beyond any address space

struct Heap {
  uintptr_t top_end_;  // end of the most recent segment: a new one starting here merges
  Chunk* bins_[kBins];
  uint64_t nonempty_[(kBins + 63) / 64];
  MallocStats stats_;
  Lock lock_;
};

Heap g_heap;  // zero-initialised: all bins empty

class HeapLock : public LockGuard {
 public:
  HeapLock() : LockGuard(g_heap.lock_) {}
};

// Heap corruption (double free, a pointer malloc never returned): stop here,
// before the damage spreads. There is no error value free() could return.
[[noreturn]] void heap_corrupted() { __builtin_trap(); }

size_t bin_index(size_t size) {
  if (size < kSmallLimit) return size / kChunkAlign;
  const size_t log2 = 63 - static_cast<size_t>(__builtin_clzll(size));
  return kSmallBins + (log2 - 10);
}

void insert_free(Chunk* c) {
  const size_t i = bin_index(c->size());
  c->prev_ = nullptr;
  c->next_ = g_heap.bins_[i];
  if (c->next_ != nullptr) c->next_->prev_ = c;
  g_heap.bins_[i] = c;
  g_heap.nonempty_[i / 64] |= uint64_t{1} << (i % 64);
  g_heap.stats_.free_bytes += c->size();
  ++g_heap.stats_.free_chunks;
}

void unlink_free(Chunk* c) {
  const size_t i = bin_index(c->size());
  if (c->prev_ != nullptr) {
    c->prev_->next_ = c->next_;
  } else {
    g_heap.bins_[i] = c->next_;
    if (c->next_ == nullptr) g_heap.nonempty_[i / 64] &= ~(uint64_t{1} << (i % 64));
  }
  if (c->next_ != nullptr) c->next_->prev_ = c->prev_;
  g_heap.stats_.free_bytes -= c->size();
  --g_heap.stats_.free_chunks;
}

// Marks c free (it must be unlinked and not adjacent to free chunks), sets
// its footer and the next chunk's kPrevInUse, and bins it.
void make_free(Chunk* c, size_t size) {
  c->head_ = size | kPrevInUse;
  Chunk* next = c->next_chunk();
  next->prev_size_ = size;
  next->head_ &= ~kPrevInUse;
  insert_free(c);
}

// Frees chunk c (in use), merging it with free neighbours.
void release(Chunk* c) {
  c->head_ &= ~kInUse;  // a later double free of c finds it free even if merged away
  size_t size = c->size();
  Chunk* next = c->next_chunk();
  if (!next->in_use()) {
    unlink_free(next);
    size += next->size();
  }
  if (!c->prev_in_use()) {
    Chunk* prev = c->prev_chunk();
    unlink_free(prev);
    size += prev->size();
    c = prev;
  }
  make_free(c, size);
}

// Shrinks in-use chunk c to `need` bytes, freeing the tail when it is big enough.
void trim(Chunk* c, size_t need) {
  const size_t size = c->size();
  if (size - need < kMinChunk) return;
  c->head_ = need | (c->head_ & kFlagMask);
  Chunk* tail = Chunk::at(c, static_cast<ptrdiff_t>(need));
  tail->head_ = (size - need) | kInUse | kPrevInUse;
  release(tail);
}

// A free chunk of at least `need` bytes, unlinked; nullptr if none.
Chunk* take_fit(size_t need) {
  size_t i = bin_index(need);
  if (i >= kSmallBins) {
    // A large bin mixes sizes: first fit within it.
    for (Chunk* c = g_heap.bins_[i]; c != nullptr; c = c->next_) {
      if (c->size() >= need) {
        unlink_free(c);
        return c;
      }
    }
    ++i;
  }
  // Every chunk in a bin at or above i fits: take the first non-empty one.
  for (size_t word = i / 64; word < sizeof(g_heap.nonempty_) / sizeof(uint64_t); ++word) {
    uint64_t bits = g_heap.nonempty_[word];
    if (word == i / 64) bits &= ~uint64_t{0} << (i % 64);
    if (bits != 0) {
      Chunk* c = g_heap.bins_[word * 64 + static_cast<size_t>(__builtin_ctzll(bits))];
      unlink_free(c);
      return c;
    }
  }
  return nullptr;
}

// Adds a segment able to hold a `need`-byte chunk; false when the OS has no
// memory. A segment that starts where the last one ended (sbrk-like sources:
// the board's arena, the host's reserved range) absorbs the old end fence and
// merges with the free chunk before it, so the heap stays one region.
bool grow(size_t need) {
  size_t bytes = need + 2 * kChunkHeader;  // chunk plus end fence, plus slack for merging
  bytes = bytes < kSegmentMin ? kSegmentMin : (bytes + kPage - 1) & ~(kPage - 1);
  void* mem = os_morecore(bytes);
  if (mem == nullptr) return false;
  g_heap.stats_.os_bytes += bytes;
  const auto start = reinterpret_cast<uintptr_t>(mem);
  Chunk* fence = Chunk::at(mem, static_cast<ptrdiff_t>(bytes - kChunkHeader));
  fence->head_ = kInUse;  // size 0: coalescing stops here
  if (start == g_heap.top_end_ && start != 0) {
    Chunk* c = Chunk::at(mem, -static_cast<ptrdiff_t>(kChunkHeader));  // the old fence
    c->head_ = bytes | kInUse | (c->head_ & kPrevInUse);
    fence->head_ |= kPrevInUse;
    release(c);
  } else {
    ++g_heap.stats_.segments;
    Chunk* c = Chunk::at(mem, 0);
    c->prev_size_ = 0;
    make_free(c, bytes - kChunkHeader);
  }
  g_heap.top_end_ = start + bytes;
  return true;
}

// The chunk size serving an n-byte request; 0 if n is too large.
size_t chunk_size_for(size_t n) {
  if (n > kMaxRequest) return 0;
  const size_t size = (n + kChunkHeader + kChunkAlign - 1) & ~kFlagMask;
  return size < kMinChunk ? kMinChunk : size;
}

// Allocates an in-use chunk of at least `need` bytes (lock held).
Chunk* allocate_chunk(size_t need) {
  Chunk* c = take_fit(need);
  if (c == nullptr) {
    if (!grow(need)) return nullptr;
    c = take_fit(need);
  }
  c->head_ |= kInUse;
  c->next_chunk()->head_ |= kPrevInUse;
  trim(c, need);
  return c;
}

Chunk* checked_chunk(void* p) {
  if ((reinterpret_cast<uintptr_t>(p) & kFlagMask) != 0) heap_corrupted();
  Chunk* c = Chunk::from_payload(p);
  if (!c->in_use() || c->size() < kMinChunk) heap_corrupted();
  return c;
}

}  // namespace

QRV_LIBC_FN(void*, malloc, (size_t n)) {
  const size_t need = chunk_size_for(n);
  if (need == 0) {
    set_errno(QRV_ENOMEM);
    return nullptr;
  }
  Chunk* c;
  {
    HeapLock lock;
    c = allocate_chunk(need);
  }
  if (c == nullptr) {
    set_errno(QRV_ENOMEM);
    return nullptr;
  }
  return c->payload();
}

QRV_LIBC_FN(void, free, (void* p)) {
  if (p == nullptr) return;
  HeapLock lock;
  release(checked_chunk(p));
}

QRV_LIBC_FN(void*, calloc, (size_t count, size_t size)) {
  size_t total;
  if (__builtin_mul_overflow(count, size, &total)) {
    set_errno(QRV_ENOMEM);
    return nullptr;
  }
  void* p = malloc(total);
  if (p != nullptr) memset(p, 0, total);
  return p;
}

QRV_LIBC_FN(void*, realloc, (void* p, size_t n)) {
  if (p == nullptr) return malloc(n);
  if (n == 0) {  // as glibc: free and return NULL
    free(p);
    return nullptr;
  }
  const size_t need = chunk_size_for(n);
  if (need == 0) {
    set_errno(QRV_ENOMEM);
    return nullptr;
  }
  size_t old_payload;
  {
    HeapLock lock;
    Chunk* c = checked_chunk(p);
    Chunk* next = c->next_chunk();
    if (c->size() < need && !next->in_use() && c->size() + next->size() >= need) {
      unlink_free(next);
      c->head_ += next->size();
      c->next_chunk()->head_ |= kPrevInUse;
    }
    if (c->size() >= need) {
      trim(c, need);
      return p;
    }
    old_payload = c->size() - kChunkHeader;
  }
  void* q = malloc(n);
  if (q == nullptr) return nullptr;  // p stays valid, errno is ENOMEM
  memcpy(q, p, old_payload);
  free(p);
  return q;
}

QRV_LIBC_FN(void*, aligned_alloc, (size_t alignment, size_t n)) {
  if (alignment == 0 || (alignment & (alignment - 1)) != 0) {
    set_errno(QRV_EINVAL);
    return nullptr;
  }
  if (alignment <= kChunkAlign) return malloc(n);
  const size_t need = chunk_size_for(n);
  if (need == 0 || alignment > kMaxRequest) {
    set_errno(QRV_ENOMEM);
    return nullptr;
  }
  HeapLock lock;
  Chunk* c = allocate_chunk(need + alignment + kMinChunk);
  if (c == nullptr) {
    set_errno(QRV_ENOMEM);
    return nullptr;
  }
  uintptr_t payload = reinterpret_cast<uintptr_t>(c->payload());
  uintptr_t aligned = (payload + alignment - 1) & ~(alignment - 1);
  while (aligned != payload && aligned - payload < kMinChunk) aligned += alignment;
  if (aligned != payload) {
    // Split off the lead as its own chunk and free it.
    const size_t lead = aligned - payload;
    Chunk* body = Chunk::at(c, static_cast<ptrdiff_t>(lead));
    body->head_ = (c->size() - lead) | kInUse | kPrevInUse;
    c->head_ = lead | (c->head_ & kFlagMask);
    release(c);
    c = body;
  }
  trim(c, need);
  return c->payload();
}

QRV_LIBC_FN(int, posix_memalign, (void** out, size_t alignment, size_t n)) {
  if (alignment < sizeof(void*) || (alignment & (alignment - 1)) != 0) return QRV_EINVAL;
  const int saved = get_errno();
  void* p = aligned_alloc(alignment, n);
  set_errno(saved);
  if (p == nullptr) return QRV_ENOMEM;
  *out = p;
  return 0;
}

QRV_LIBC_FN(size_t, malloc_usable_size, (void* p)) {
  if (p == nullptr) return 0;
  HeapLock lock;
  return checked_chunk(p)->size() - kChunkHeader;
}

MallocStats malloc_stats() {
  HeapLock lock;
  return g_heap.stats_;
}

}  // namespace qrv::libc
