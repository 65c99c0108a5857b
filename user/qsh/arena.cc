// The parse arena (arena.h): chunks from malloc, released together.
#include "user/qsh/arena.h"

#include <stdlib.h>

namespace qsh {

void* Arena::alloc(size_t n) {
  if (n > limit_) return nullptr;  // also keeps the rounding below from wrapping
  n = (n + 15) & ~size_t{15};
  if (n == 0) n = 16;
  if (head_ == nullptr || head_->size - head_->used < n) {
    const size_t size = n > kChunk ? n : kChunk;
    if (size > limit_ || total_ > limit_ - size) return nullptr;
    void* raw = malloc(kHeader + size);
    if (raw == nullptr) return nullptr;
    Chunk* c = static_cast<Chunk*>(raw);
    c->size = size;
    c->used = 0;
    total_ += size;
    if (head_ != nullptr && n > kChunk) {
      // A big block gets a chunk of its own behind the current one, so the
      // current chunk's free space is not thrown away.
      c->next = head_->next;
      head_->next = c;
      c->used = n;
      char* p = static_cast<char*>(raw) + kHeader;
      memset(p, 0, n);
      return p;
    }
    c->next = head_;
    head_ = c;
  }
  char* p = reinterpret_cast<char*>(head_) + kHeader + head_->used;
  head_->used += n;
  memset(p, 0, n);
  return p;
}

char* Arena::dup(const char* s, size_t n) {
  if (n == SIZE_MAX) return nullptr;
  char* d = static_cast<char*>(alloc(n + 1));
  if (d == nullptr) return nullptr;
  if (n != 0) memcpy(d, s, n);
  d[n] = '\0';
  return d;
}

void Arena::release() {
  while (head_ != nullptr) {
    Chunk* next = head_->next;
    free(head_);
    head_ = next;
  }
  total_ = 0;
}

}  // namespace qsh
