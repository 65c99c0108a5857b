// A fair spin lock: harts take tickets and are served in arrival order, so no
// hart starves under contention (the big kernel lock is one). Acquire and
// release order memory the way a lock must (C++ memory model, GCC builtins:
// <atomic> is not available freestanding here). Not recursive.
#pragma once

#include <cstdint>

#if !defined(__riscv)
extern "C" int sched_yield(void) noexcept;
#endif

class TicketLock {
 public:
  void lock() {
    const uint32_t ticket = __atomic_fetch_add(&next_, 1u, __ATOMIC_RELAXED);
    while (__atomic_load_n(&serving_, __ATOMIC_ACQUIRE) != ticket) {
      pause();
    }
  }

  bool try_lock() {
    uint32_t serving = __atomic_load_n(&serving_, __ATOMIC_RELAXED);
    uint32_t expected = serving;
    return __atomic_compare_exchange_n(&next_, &expected, serving + 1, false, __ATOMIC_ACQUIRE,
                                       __ATOMIC_RELAXED);
  }

  void unlock() {
    // Only the holder writes serving_: a plain increment, published with release.
    __atomic_store_n(&serving_, serving_ + 1, __ATOMIC_RELEASE);
  }

  // Harts holding a ticket, the holder included (statistics and tests).
  uint32_t tickets_out() const {
    return __atomic_load_n(&next_, __ATOMIC_RELAXED) - __atomic_load_n(&serving_, __ATOMIC_RELAXED);
  }

  // True while some hart holds the lock (for assertions).
  bool is_locked() const {
    return __atomic_load_n(&serving_, __ATOMIC_RELAXED) != __atomic_load_n(&next_, __ATOMIC_RELAXED);
  }

 private:
  static void pause() {
#if defined(__riscv)
    asm volatile(".insn i 0x0f, 0, x0, x0, 0x010");  // Zihintpause "pause" (a fence hint)
#else
    // Host tests: waiters are OS threads, and the next ticket's owner may be
    // descheduled; give it the core instead of spinning out the time slice.
    sched_yield();
#endif
  }

  uint32_t next_ = 0;     // next ticket to hand out
  uint32_t serving_ = 0;  // ticket now allowed in
};

// RAII holder.
class TicketLockGuard {
 public:
  explicit TicketLockGuard(TicketLock& l) : lock_(l) { lock_.lock(); }
  ~TicketLockGuard() { lock_.unlock(); }
  TicketLockGuard(const TicketLockGuard&) = delete;
  TicketLockGuard& operator=(const TicketLockGuard&) = delete;

 private:
  TicketLock& lock_;
};
