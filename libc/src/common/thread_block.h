// The per-thread block libc keeps for each thread: errno and the thread's
// identity. On the board the thread pointer (tp) points at it; crt0 installs
// the main thread's, pthread_create one per new thread.
#pragma once

#include <stdint.h>

namespace qrv::libc {

// Thread-specific data (pthread.h PTHREAD_KEYS_MAX): a thread's value for a
// key counts only while its seq_ is the key's current one (posix/key.cc), so
// a key deleted and created again starts out NULL in every thread.
inline constexpr int kThreadKeysMax = 128;
struct KeyValue {
  uint64_t seq_;
  void* value_;
};

struct ThreadBlock {
  ThreadBlock* self_;  // == this; lets assembly find the block from tp
  int32_t errno_value_;
  int32_t tid_;  // the kernel's tid: 1 for the main thread; a new thread stores its own first
  void* (*start_)(void*);  // pthread start routine, for the thread trampoline
  void* arg_;
  void* result_;
  void* stack_alloc_;  // the allocation holding this block and the thread's stack
  KeyValue keys_[kThreadKeysMax];  // this thread's alone
};

// The calling thread's block.
ThreadBlock* current_thread_block();

// Makes `block` the calling thread's block (the first thing a new thread does).
void install_thread_block(ThreadBlock* block);

// The main thread's block (crt0 points tp at it before anything else runs).
ThreadBlock* main_thread_block();

}  // namespace qrv::libc
