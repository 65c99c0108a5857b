// A fair spin lock: harts take tickets and are served in arrival order, so no
// hart starves under contention (the big kernel lock is one). Acquire and
// release order memory the way a lock must (C++ memory model, GCC builtins:
// <atomic> is not available freestanding here). Not recursive.
//
// A waiter that has spun kSpins times without being served can park (the
// Park policy): it sleeps until the unlocker that serves its ticket kicks it.
// Spinning is right when every waiter has a core of its own; when the harts
// outnumber the cores (four emulated harts on a two-core host, or a
// hypervisor's vCPUs) a spinning waiter burns the core the holder needs, and
// every hand-off costs a host time slice. A policy provides:
//   static constexpr uint32_t kSpins;     polls before parking
//   static uint32_t self();              the caller's waiter index, < 64
//   template <class F> static void wait(F served);  sleep until served();
//       wakes early and spuriously are fine, but a kick must never be lost
//       (one that arrives before the sleep must end it)
//   static void kick(uint32_t index);    wake waiter `index` (any context)
// NoPark never parks: the lock is the plain ticket spin lock.
#pragma once

#include <cstdint>

#if !defined(__riscv)
extern "C" int sched_yield(void) noexcept;
#endif

struct NoPark {
  static constexpr bool kParks = false;
};

template <class Park>
class BasicTicketLock {
 public:
  void lock() {
    const uint32_t ticket = __atomic_fetch_add(&next_, 1u, __ATOMIC_RELAXED);
    if (__atomic_load_n(&serving_, __ATOMIC_ACQUIRE) != ticket) {
      wait_for(ticket);
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
    const uint32_t next = serving_ + 1;
    __atomic_store_n(&serving_, next, __ATOMIC_RELEASE);
    if constexpr (Park::kParks) {
      // Store serving_, then load parked_; a parking waiter stores parked_,
      // then loads serving_. The fences make at least one see the other:
      // either the waiter sees its turn, or we see it parked and kick it.
      __atomic_thread_fence(__ATOMIC_SEQ_CST);
      uint64_t parked = __atomic_load_n(&parked_, __ATOMIC_ACQUIRE);
      for (uint32_t i = 0; parked != 0; ++i, parked >>= 1) {  // (no ctz: the kernel has no libgcc)
        if ((parked & 1) != 0 && __atomic_load_n(&want_[i], __ATOMIC_RELAXED) == next) {
          Park::kick(i);
          break;
        }
      }
    }
  }

  // Harts holding a ticket, the holder included (statistics and tests).
  uint32_t tickets_out() const {
    return __atomic_load_n(&next_, __ATOMIC_RELAXED) - __atomic_load_n(&serving_, __ATOMIC_RELAXED);
  }

  // True while some hart holds the lock (for assertions).
  bool is_locked() const {
    return __atomic_load_n(&serving_, __ATOMIC_RELAXED) != __atomic_load_n(&next_, __ATOMIC_RELAXED);
  }

  // Times a waiter parked (statistics and tests).
  uint64_t parks() const { return __atomic_load_n(&parks_, __ATOMIC_RELAXED); }

 private:
  bool served(uint32_t ticket) const { return __atomic_load_n(&serving_, __ATOMIC_ACQUIRE) == ticket; }

  void wait_for(uint32_t ticket) {
    if constexpr (Park::kParks) {
      for (uint32_t i = 0; i < Park::kSpins; ++i) {
        pause();
        if (served(ticket)) return;
      }
      const uint32_t self = Park::self();
      const uint64_t bit = uint64_t{1} << self;
      __atomic_store_n(&want_[self], ticket, __ATOMIC_RELAXED);
      __atomic_fetch_or(&parked_, bit, __ATOMIC_RELEASE);  // want_ first, for the unlocker
      __atomic_thread_fence(__ATOMIC_SEQ_CST);             // see unlock()
      __atomic_fetch_add(&parks_, 1u, __ATOMIC_RELAXED);
      Park::wait([this, ticket] { return served(ticket); });
      __atomic_fetch_and(&parked_, ~bit, __ATOMIC_RELAXED);
    } else {
      while (!served(ticket)) pause();
    }
  }

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
  // Parking (unused with NoPark).
  uint64_t parked_ = 0;                        // bit i: waiter i sleeps, or is about to
  uint32_t want_[Park::kParks ? 64 : 1] = {};  // the ticket waiter i waits for
  uint64_t parks_ = 0;                         // times a waiter parked
};

using TicketLock = BasicTicketLock<NoPark>;

// RAII holder, for any BasicTicketLock.
template <class Lock>
class TicketLockGuard {
 public:
  explicit TicketLockGuard(Lock& l) : lock_(l) { lock_.lock(); }
  ~TicketLockGuard() { lock_.unlock(); }
  TicketLockGuard(const TicketLockGuard&) = delete;
  TicketLockGuard& operator=(const TicketLockGuard&) = delete;

 private:
  Lock& lock_;
};
