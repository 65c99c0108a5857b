// pthread_once and thread-specific data. A once is a lock word and a done
// flag: the first caller runs init holding the word, later ones sleep on it
// in the kernel until init is over, then see done. Keys: a process-wide table
// of sequence numbers (odd: in use) and destructors under one lock; each
// thread's values live in its ThreadBlock, tagged with the sequence number
// they were set under, so values of a deleted key never reach its successor.
#include <stdint.h>

#include "kernel/abi/errno.h"
#include "libc/src/common/entrypoint.h"
#include "libc/src/common/thread_block.h"
#include "libc/src/neutrino/lock.h"
#include "libc/src/posix/posix_api.h"

namespace qrv::libc {
namespace {

constexpr int kDestructorIterations = 4;  // pthread.h PTHREAD_DESTRUCTOR_ITERATIONS

struct Key {
  uint64_t seq;  // odd while the key exists; atomic (getspecific reads it unlocked)
  void (*destructor)(void*);
};

// Constant-initialised: the board runs no global constructors.
Lock g_keys_lock;
Key g_keys[kThreadKeysMax] = {};  // guarded by g_keys_lock for writers

uint64_t seq_of(pthread_key_t key) { return __atomic_load_n(&g_keys[key].seq, __ATOMIC_ACQUIRE); }

bool live(pthread_key_t key) { return key < kThreadKeysMax && (seq_of(key) & 1) != 0; }

}  // namespace

QRV_LIBC_FN(int, pthread_once, (pthread_once_t * once, void (*init)())) {
  if (__atomic_load_n(&once->done, __ATOMIC_ACQUIRE) != 0) return 0;
  const int r = lock_word_lock(&once->sync);
  if (r != 0) return r;  // EDEADLK: init called pthread_once on its own once
  if (__atomic_load_n(&once->done, __ATOMIC_RELAXED) == 0) {
    init();
    __atomic_store_n(&once->done, 1, __ATOMIC_RELEASE);
  }
  return lock_word_unlock(&once->sync);
}

QRV_LIBC_FN(int, pthread_key_create, (pthread_key_t * key, void (*destructor)(void*))) {
  LockGuard guard(g_keys_lock);
  for (unsigned k = 0; k < kThreadKeysMax; ++k) {
    if ((g_keys[k].seq & 1) != 0) continue;
    g_keys[k].destructor = destructor;
    __atomic_store_n(&g_keys[k].seq, g_keys[k].seq + 1, __ATOMIC_RELEASE);
    *key = k;
    return 0;
  }
  return QRV_EAGAIN;
}

// POSIX: deleting runs no destructors; the threads' values become stale.
QRV_LIBC_FN(int, pthread_key_delete, (pthread_key_t key)) {
  LockGuard guard(g_keys_lock);
  if (!live(key)) return QRV_EINVAL;
  g_keys[key].destructor = nullptr;
  __atomic_store_n(&g_keys[key].seq, g_keys[key].seq + 1, __ATOMIC_RELEASE);
  return 0;
}

QRV_LIBC_FN(int, pthread_setspecific, (pthread_key_t key, const void* value)) {
  if (!live(key)) return QRV_EINVAL;
  KeyValue& slot = current_thread_block()->keys_[key];
  slot.seq_ = seq_of(key);
  slot.value_ = const_cast<void*>(value);
  return 0;
}

QRV_LIBC_FN(void*, pthread_getspecific, (pthread_key_t key)) {
  if (key >= kThreadKeysMax) return nullptr;
  const KeyValue& slot = current_thread_block()->keys_[key];
  const uint64_t seq = seq_of(key);
  return (seq & 1) != 0 && slot.seq_ == seq ? slot.value_ : nullptr;
}

// POSIX: each non-NULL value of a live key with a destructor is set to NULL
// and the destructor called with it; destructors may set values again, so
// this repeats, at most PTHREAD_DESTRUCTOR_ITERATIONS times.
void run_key_destructors() {
  ThreadBlock* self = current_thread_block();
  for (int round = 0; round < kDestructorIterations; ++round) {
    bool called = false;
    for (unsigned k = 0; k < kThreadKeysMax; ++k) {
      KeyValue& slot = self->keys_[k];
      if (slot.value_ == nullptr) continue;
      void (*destructor)(void*) = nullptr;
      {
        LockGuard guard(g_keys_lock);
        if (slot.seq_ == g_keys[k].seq && (slot.seq_ & 1) != 0) destructor = g_keys[k].destructor;
      }
      void* value = slot.value_;
      slot.value_ = nullptr;
      if (destructor != nullptr) {
        destructor(value);
        called = true;
      }
    }
    if (!called) return;
  }
}

}  // namespace qrv::libc
