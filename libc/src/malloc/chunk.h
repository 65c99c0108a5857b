// Heap chunk layout (boundary tags, as dlmalloc). A chunk is a 16-byte header
// followed by its payload; sizes are multiples of 16, at least 32.
//
//   chunk -> +------------------+
//            | prev_size        |  size of the chunk before, valid only when it is free
//            | head             |  this chunk's size | kInUse | kPrevInUse
//   payload->+------------------+
//            | next, prev       |  free-list links (free chunks only)
//            | ...              |
//            +------------------+  next chunk: its prev_size is our footer when we are free
//
// Invariants: no two free chunks are adjacent (free coalesces), so a free
// chunk always has kPrevInUse; each segment ends in a 16-byte in-use fence.
#pragma once

#include <stddef.h>
#include <stdint.h>

namespace qrv::libc {

inline constexpr size_t kChunkAlign = 16;
inline constexpr size_t kChunkHeader = 16;
inline constexpr size_t kMinChunk = 32;
inline constexpr size_t kInUse = 1;
inline constexpr size_t kPrevInUse = 2;
inline constexpr size_t kFlagMask = kChunkAlign - 1;

struct Chunk {
  size_t prev_size_;
  size_t head_;
  Chunk* next_;  // free chunks only
  Chunk* prev_;  // free chunks only

  size_t size() const { return head_ & ~kFlagMask; }
  bool in_use() const { return (head_ & kInUse) != 0; }
  bool prev_in_use() const { return (head_ & kPrevInUse) != 0; }
  void* payload() { return reinterpret_cast<unsigned char*>(this) + kChunkHeader; }
  Chunk* next_chunk() { return at(this, size()); }
  Chunk* prev_chunk() { return at(this, -static_cast<ptrdiff_t>(prev_size_)); }

  static Chunk* at(void* base, ptrdiff_t offset) {
    return reinterpret_cast<Chunk*>(static_cast<unsigned char*>(base) + offset);
  }
  static Chunk* from_payload(void* p) { return at(p, -static_cast<ptrdiff_t>(kChunkHeader)); }
};

static_assert(sizeof(Chunk) == kMinChunk, "a free chunk holds its links");

}  // namespace qrv::libc
