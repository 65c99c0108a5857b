// kfuzz's call generator (see kfuzz_calls.h). Every call goes through a raw
// ecall, so each register holds exactly what the generator chose. Buffers
// the kernel may write are in g_scratch, never in the fuzzer's own state.
#include "user/fuzz/kfuzz_calls.h"

#include <signal.h>
#include <sys/neutrino.h>
#include <time.h>

#include "user/tests/raw_call.h"

namespace kfuzz {

void Pool::put(uint64_t r, int64_t id) { __atomic_store_n(&ids[r % kPool], id, __ATOMIC_RELAXED); }
int64_t Pool::pick(uint64_t r) const { return __atomic_load_n(&ids[r % kPool], __ATOMIC_RELAXED); }

void on_signal(int) { __atomic_fetch_add(&g.signals, 1u, __ATOMIC_RELAXED); }

namespace {

constexpr uint64_t kScratchSize = 8 * 4096;
alignas(4096) unsigned char g_scratch[kScratchSize];
qrv_sync_t g_sync[8];
// Stacks for raw threads (no libc thread block: they make only raw calls).
alignas(16) unsigned char g_raw_stacks[8][8192];
uint32_t g_next_raw_stack = 0;
// Read-only (.rodata; over 8 bytes, so not in .srodata).
const uint64_t kReadOnly[4] = {1, 2, 3, 4};

constexpr uint64_t kKernel = 0xffffffc080200000ull;   // kernel text
constexpr uint64_t kUnmapped = 0x3000000000ull;       // user half, nothing mapped
constexpr uint64_t kUserTop = 1ull << 38;             // first address past user space
constexpr uint64_t kStackEnd = 0x2000000000ull - 16;  // the last bytes of the main stack, then nothing

using qrv_test::ker;

template <typename T>
long L(T v) {
  return static_cast<long>(v);
}

// A raw thread: sleeps up to 2 ms (a0 = ns) and ends.
[[noreturn]] void raw_thread(long ns) {
  const struct timespec ts = {0, ns % 2'000'000};
  ker(__KER_CLOCK_NANOSLEEP, CLOCK_MONOTONIC, 0, reinterpret_cast<long>(&ts), 0);
  ker(__KER_THREAD_DESTROY, 0, -1, 0);
  __builtin_trap();
}

}  // namespace

Worker::Worker(uint64_t index)
    : index_(index), rng_(g.seed * 1000003 + index), budget_(g.budget) {}  // the shared count ends every worker

void Worker::run() {
  for (uint64_t i = 0; i < budget_; ++i) {
    if (__atomic_fetch_add(&g.calls, 1, __ATOMIC_RELAXED) >= g.budget) break;
    (void)call();
  }
  __atomic_fetch_sub(&g.live_workers, 1u, __ATOMIC_RELAXED);
}

int64_t Worker::hostile() {
  static const int64_t kValues[] = {0,
                                    -1,
                                    1,
                                    2,
                                    INT64_MIN,
                                    INT64_MAX,
                                    0x7fffffff,
                                    L(0x80000000u),
                                    L(0xffffffffu),
                                    1ll << 32,
                                    1ll << 40,
                                    L(kKernel),
                                    L(kUnmapped),
                                    L(kUserTop),
                                    L(kUserTop - 8),
                                    L(kStackEnd),
                                    QRV_NTO_SIDE_CHANNEL,
                                    QRV_NTO_SIDE_CHANNEL + 31,
                                    QRV_NTO_SIDE_CHANNEL + 32,
                                    4096,
                                    4095};
  const uint64_t n = sizeof kValues / sizeof kValues[0];
  if (rng_.one_in(4)) return L(reinterpret_cast<uintptr_t>(g_scratch) + 1 + rng_.below(7));  // misaligned
  if (rng_.one_in(8)) return L(reinterpret_cast<uintptr_t>(kReadOnly));
  return kValues[rng_.below(n)];
}

uint64_t Worker::ptr(uint64_t len) {
  if (rng_.one_in(6)) return static_cast<uint64_t>(hostile());
  if (len >= kScratchSize) len = kScratchSize;
  const uint64_t off = rng_.below(kScratchSize - len + 1) & ~uint64_t{7};
  return reinterpret_cast<uintptr_t>(g_scratch) + off;
}

uint64_t Worker::iov(int64_t* parts) {
  const uint64_t kind = rng_.below(10);
  if (kind == 0) {  // a single buffer: negative length
    const uint64_t len = rng_.below(600);
    *parts = -static_cast<int64_t>(len == 0 ? 1 : len);
    return ptr(len);
  }
  if (kind == 1) {
    *parts = hostile();
    return ptr(64);
  }
  const int64_t n = static_cast<int64_t>(rng_.below(6));  // 0..5 parts: above 2 the kernel allocates
  auto* v = reinterpret_cast<iov_t*>(ptr(static_cast<uint64_t>(n) * sizeof(iov_t)));
  if (reinterpret_cast<uintptr_t>(v) < reinterpret_cast<uintptr_t>(g_scratch) ||
      reinterpret_cast<uintptr_t>(v) >= reinterpret_cast<uintptr_t>(g_scratch) + kScratchSize) {
    *parts = n;
    return reinterpret_cast<uintptr_t>(v);  // the array itself is bad
  }
  for (int64_t i = 0; i < n; ++i) {
    const uint64_t len = rng_.one_in(20) ? static_cast<uint64_t>(hostile()) : rng_.below(300);
    v[i].iov_base = reinterpret_cast<void*>(ptr(len < 4096 ? len : 64));
    v[i].iov_len = len;
  }
  *parts = n;
  return reinterpret_cast<uintptr_t>(v);
}

uint64_t Worker::event() {
  auto* ev = reinterpret_cast<struct sigevent*>(ptr(sizeof(struct sigevent)));
  const uintptr_t a = reinterpret_cast<uintptr_t>(ev);
  if (a < reinterpret_cast<uintptr_t>(g_scratch) || a >= reinterpret_cast<uintptr_t>(g_scratch) + kScratchSize ||
      a % 8 != 0) {
    return a;
  }
  ev->sigev_notify = static_cast<int>(rng_.below(6));  // NONE SIGNAL PULSE UNBLOCK INTR, and one unknown
  ev->sigev_signo = rng_.one_in(2) ? static_cast<int>(coid()) : static_cast<int>(rng_.below(70));
  ev->sigev_value.sival_int = static_cast<int>(rng_.next());
  ev->sigev_code = static_cast<short>(rng_.below(300) - 150);
  ev->sigev_priority = static_cast<short>(rng_.one_in(3) ? -1 : static_cast<short>(rng_.below(300)));
  ev->__reserved = 0;
  return a;
}

uint64_t Worker::times(bool tiny) {
  auto* t = reinterpret_cast<uint64_t*>(ptr(16));
  const uintptr_t a = reinterpret_cast<uintptr_t>(t);
  if (a < reinterpret_cast<uintptr_t>(g_scratch) || a >= reinterpret_cast<uintptr_t>(g_scratch) + kScratchSize ||
      a % 8 != 0) {
    return a;
  }
  // Mostly under 200 us (the fuzzer should not sleep its budget away),
  // sometimes a few ns (timer storms), now and then ms, rarely absurd.
  for (int i = 0; i < 2; ++i) {
    const uint64_t k = rng_.below(10);
    t[i] = tiny || k < 4 ? rng_.below(8)
           : k < 9        ? rng_.below(rng_.one_in(16) ? 3'000'000 : 200'000)
           : rng_.one_in(8) ? static_cast<uint64_t>(hostile())
                            : rng_.below(200'000);
  }
  return a;
}

int64_t Worker::pid() {
  switch (rng_.below(6)) {
    case 0: return 0;
    case 1: return hostile();
    case 2: return static_cast<int64_t>(rng_.below(70));
    default: return g.first_pid + static_cast<int64_t>(rng_.below(static_cast<uint64_t>(g.siblings)));
  }
}

int64_t Worker::chid() { return rng_.one_in(5) ? (rng_.one_in(2) ? hostile() : L(rng_.below(34))) : g.chids.pick(rng_.next()); }
int64_t Worker::coid() { return rng_.one_in(5) ? hostile() : g.coids.pick(rng_.next()); }
int64_t Worker::tid() { return rng_.one_in(4) ? L(rng_.below(20)) : rng_.one_in(5) ? hostile() : g.tids.pick(rng_.next()); }

int64_t Worker::rcvid() {
  const int64_t r = g.rcvids.pick(rng_.next());
  switch (rng_.below(8)) {
    case 0: return hostile();
    case 1: return (r & ~0xffll) | L(rng_.below(256));  // forged tid bits
    case 2: return r ^ (1ll << (8 + rng_.below(23)));   // forged scoid or generation
    default: return r;
  }
}

uint64_t Worker::sync_word() {
  if (rng_.one_in(8)) return static_cast<uint64_t>(hostile());
  qrv_sync_t* s = &g_sync[rng_.below(8)];
  if (rng_.one_in(256)) s->count = static_cast<int32_t>(rng_.next());  // a corrupt lock word
  return reinterpret_cast<uintptr_t>(s);
}

long Worker::blocking_prologue() {
  if (rng_.one_in(50)) return 0;  // block for as long as it takes (until the process ends, maybe)
  constexpr uint64_t kAll = QRV_NTO_TIMEOUT_SEND | QRV_NTO_TIMEOUT_RECEIVE | QRV_NTO_TIMEOUT_REPLY |
                           QRV_NTO_TIMEOUT_MUTEX | QRV_NTO_TIMEOUT_CONDVAR | QRV_NTO_TIMEOUT_JOIN |
                           QRV_NTO_TIMEOUT_SIGWAITINFO;
  // Mostly every blocking state with a short time; sometimes a random subset
  // or random bits (EINVAL), an event, an absolute time, or no time (poll).
  // (Each variant that leaves a state uncovered may block a worker for good:
  // they are rare, or every worker would soon be stuck.)
  uint64_t flags = kAll;
  if (rng_.one_in(32)) flags = rng_.next() & kAll;
  if (rng_.one_in(100)) flags = rng_.next();
  if (rng_.one_in(10)) flags |= QRV_TIMER_ABSTIME;
  return ker(__KER_TIMER_TIMEOUT, rng_.one_in(100) ? hostile() : CLOCK_MONOTONIC, L(flags),
             rng_.one_in(10) ? L(event()) : 0, rng_.one_in(10) ? 0 : L(times(false)), rng_.one_in(4) ? L(ptr(8)) : 0);
}

long Worker::call() {
  const uint64_t r = rng_.next();
  switch (rng_.below(40)) {
    case 0: {
      const long c = ker(__KER_CHANNEL_CREATE, rng_.one_in(4) ? hostile() : L(rng_.below(16)));
      if (c > 0) g.chids.put(r, c);
      return c;
    }
    case 1: return ker(__KER_CHANNEL_DESTROY, chid());
    case 2:
    case 3: {
      const uint64_t index = rng_.one_in(2) ? QRV_NTO_SIDE_CHANNEL : rng_.one_in(4) ? static_cast<uint64_t>(hostile()) : 0;
      const long c = ker(__KER_CONNECT_ATTACH, 0, pid(), chid(), L(index), rng_.one_in(8) ? hostile() : 0);
      if (c >= 0) g.coids.put(r, c);
      return c;
    }
    case 4:
      switch (rng_.below(4)) {  // mostly detach; sometimes ask about a connection or flag it
        case 0: return ker(__KER_CONNECT_SERVER_INFO, rng_.one_in(8) ? hostile() : 0, coid(), L(ptr(24)));
        case 1:
          return ker(__KER_CONNECT_FLAGS, rng_.one_in(8) ? pid() : 0, coid(), rng_.one_in(4) ? hostile() : 1,
                     rng_.one_in(4) ? hostile() : L(rng_.below(2)));
        default: return ker(__KER_CONNECT_DETACH, coid());
      }
    case 5:
    case 6:
    case 7: {
      int64_t sp, rp;
      const uint64_t s = iov(&sp), d = iov(&rp);
      blocking_prologue();
      return ker(__KER_MSG_SENDV, coid(), L(s), sp, L(d), rp);
    }
    case 8:
    case 9:
    case 10: {
      int64_t parts;
      const uint64_t d = iov(&parts);
      blocking_prologue();
      const long id = ker(__KER_MSG_RECEIVEV, chid(), L(d), parts, rng_.one_in(2) ? L(ptr(sizeof(struct _msg_info))) : 0);
      if (id > 0) g.rcvids.put(r, id);
      return id;
    }
    case 11:
    case 12: {
      int64_t parts;
      const uint64_t s = iov(&parts);
      return ker(__KER_MSG_REPLYV, rcvid(), rng_.one_in(4) ? hostile() : 0, L(s), parts);
    }
    case 13: return ker(__KER_MSG_ERROR, rcvid(), rng_.one_in(3) ? hostile() : L(rng_.below(200)));
    case 14:
    case 15: {
      int64_t parts;
      const uint64_t b = iov(&parts);
      return ker(rng_.one_in(2) ? __KER_MSG_READV : __KER_MSG_WRITEV, rcvid(), L(b), parts,
                 rng_.one_in(4) ? hostile() : L(rng_.below(700)));
    }
    case 16: return ker(__KER_MSG_INFO, rcvid(), L(ptr(sizeof(struct _msg_info))));
    case 17:
    case 18:
      return ker(__KER_MSG_SEND_PULSE, coid(), rng_.one_in(3) ? -1 : rng_.one_in(4) ? hostile() : L(rng_.below(60) + 1),
                 L(rng_.below(300)) - 150, L(rng_.next()));
    case 19: return ker(__KER_MSG_DELIVER_EVENT, rcvid(), L(event()));
    case 20: {  // a new worker, or a raw thread, or a bad ThreadCreate
      if (rng_.one_in(3)) return start_worker(__atomic_fetch_add(&g.next_worker, 1, __ATOMIC_RELAXED) + 4) ? 0 : -1;
      auto* attr = reinterpret_cast<struct qrv_thread_attr*>(ptr(sizeof(struct qrv_thread_attr)));
      const uintptr_t a = reinterpret_cast<uintptr_t>(attr);
      const bool good = a >= reinterpret_cast<uintptr_t>(g_scratch) && a < reinterpret_cast<uintptr_t>(g_scratch) + kScratchSize &&
                        a % 8 == 0 && !rng_.one_in(4);
      if (good) {
        unsigned char* stack = g_raw_stacks[__atomic_fetch_add(&g_next_raw_stack, 1u, __ATOMIC_RELAXED) % 8];
        *attr = {reinterpret_cast<uint64_t>(stack), sizeof g_raw_stacks[0], static_cast<int32_t>(rng_.below(4)),
                 static_cast<int32_t>(rng_.below(50) + 1), 0, 0};
      }
      const long entry = good ? reinterpret_cast<long>(&raw_thread) : rng_.one_in(2) ? hostile() | 1 : L(kKernel);
      const long t = ker(__KER_THREAD_CREATE, rng_.one_in(6) ? hostile() : 0, entry, L(rng_.next()), L(a));
      if (t > 0) g.tids.put(r, t);
      return t;
    }
    case 21: {
      if (rng_.one_in(20000)) return ker(__KER_THREAD_DESTROY, -1, -1, 0);  // the whole process ends
      // EINVAL: another thread (0 and -1, ourselves and the whole process, are the rare calls above)
      int64_t t = rng_.one_in(2) ? tid() + 1000 : hostile();
      if (t == 0 || t == -1) t = 2000;
      return ker(__KER_THREAD_DESTROY, t, -1, 0);
    }
    case 22: blocking_prologue(); return ker(__KER_THREAD_JOIN, tid(), rng_.one_in(2) ? L(ptr(8)) : 0);
    case 23: return ker(__KER_SCHED_YIELD);
    case 24: return ker(__KER_SCHED_GET, pid(), tid(), L(ptr(8)));
    case 25: {
      auto* p = reinterpret_cast<int32_t*>(ptr(8));
      const uintptr_t a = reinterpret_cast<uintptr_t>(p);
      if (a >= reinterpret_cast<uintptr_t>(g_scratch) && a < reinterpret_cast<uintptr_t>(g_scratch) + kScratchSize && a % 4 == 0) {
        p[0] = rng_.one_in(8) ? static_cast<int32_t>(hostile()) : static_cast<int32_t>(rng_.below(50) + 1);
      }
      // Never a controller (tid 1, ours or a sibling's, which tid 0 of
      // another process may mean): it must stay above the workers to end a
      // stalled run.
      const long pid_arg = rng_.one_in(3) ? pid() : 0;
      long tid_arg = rng_.one_in(2) ? 0 : tid();
      if (tid_arg == 1 || (pid_arg != 0 && tid_arg == 0)) tid_arg = 2;
      return ker(__KER_SCHED_SET, pid_arg, tid_arg,
                 rng_.one_in(6) ? hostile() : L(rng_.below(4)), L(a));
    }
    case 26: return ker(__KER_CLOCK_TIME, rng_.one_in(4) ? hostile() : L(rng_.below(3)), rng_.one_in(8) ? L(ptr(8)) : 0, L(ptr(8)));
    case 27: {  // a timespec: seconds, then ns (times() fills both with ns-sized values)
      const uint64_t ts = times(false);
      auto* t = reinterpret_cast<uint64_t*>(ts);
      if (ts >= reinterpret_cast<uintptr_t>(g_scratch) && ts < reinterpret_cast<uintptr_t>(g_scratch) + kScratchSize &&
          ts % 8 == 0 && !rng_.one_in(64)) {
        t[0] = 0;
      }
      return ker(__KER_CLOCK_NANOSLEEP, rng_.one_in(4) ? hostile() : CLOCK_MONOTONIC, rng_.one_in(6) ? hostile() : 0,
                 L(ts), rng_.one_in(2) ? L(ptr(16)) : 0);
    }
    case 28: {
      const long t = ker(__KER_TIMER_CREATE, rng_.one_in(4) ? hostile() : CLOCK_MONOTONIC, L(event()));
      if (t >= 0) g.timers.put(r, t);
      return t;
    }
    case 29:
    case 30: {
      const int64_t id = rng_.one_in(5) ? hostile() : g.timers.pick(rng_.next());
      return ker(__KER_TIMER_SETTIME, id, rng_.one_in(6) ? hostile() : 0, L(times(rng_.one_in(3))),
                 rng_.one_in(3) ? L(ptr(16)) : 0);
    }
    case 31: return ker(__KER_TIMER_DESTROY, rng_.one_in(5) ? hostile() : g.timers.pick(rng_.next()));
    case 32: blocking_prologue(); return ker(__KER_TIMER_TIMEOUT, CLOCK_MONOTONIC, L(rng_.below(32) << 1), 0, L(times(false)), 0);
    case 33: {  // mostly a lock and its unlock (as programs do), sometimes either alone
      const uint64_t w = sync_word();
      const long locked = ker(__KER_SYNC_MUTEX_LOCK, L(w));
      if (!rng_.one_in(64)) return ker(__KER_SYNC_MUTEX_UNLOCK, L(w));  // one left held blocks its next lockers for good
      return rng_.one_in(2) ? ker(__KER_SYNC_MUTEX_UNLOCK, L(sync_word())) : locked;
    }
    case 34:  // a condvar wait has no timeout: rarer than the signals that end it
      if (rng_.one_in(8)) return ker(__KER_SYNC_CONDVAR_WAIT, L(sync_word()), L(sync_word()));
      return ker(__KER_SYNC_CONDVAR_SIGNAL, L(sync_word()), L(rng_.below(2)));
    case 35: {
      long signo = L(rng_.below(40));
      if (signo == SIGKILL && !rng_.one_in(200)) signo = SIGUSR1;  // SIGKILL is rare
      const int64_t target = rng_.one_in(8) ? pid() : 0;  // siblings rarely: most signals would end them
      // si_code SI_QUEUE, SI_USER or one the kernel keeps for itself (EINVAL)
      return ker(__KER_SIGNAL_KILL, rng_.one_in(8) ? hostile() : 0, target, rng_.one_in(2) ? 0 : tid(), signo,
                 L(rng_.below(3)) - 1, L(rng_.next()));
    }
    case 36: {
      const int signo = static_cast<int>(rng_.below(40));
      if (rng_.one_in(3)) {  // raw, mostly on ourselves: a sibling's handlers reset would end it soon
        // (a readable act mostly holds zeros: SIG_DFL, after which that signal ends us)
        const long act = rng_.one_in(64) ? L(ptr(24)) : hostile();
        return ker(__KER_SIGNAL_ACTION, rng_.one_in(8) ? pid() : 0, hostile(), signo, act, L(ptr(24)));
      }
      if (signo == SIGKILL || signo == SIGSTOP) return 0;
      // Mostly back to our handler; sometimes ignored; rarely (it ends us) the default.
      const uint64_t k = rng_.below(1000);
      void (*handler)(int) = k == 0 ? SIG_DFL : k < 200 ? SIG_IGN : on_signal;
      signal(signo, handler);
      return 0;
    }
    case 37: {
      auto* set = reinterpret_cast<uint64_t*>(ptr(8));
      const uintptr_t a = reinterpret_cast<uintptr_t>(set);
      if (a >= reinterpret_cast<uintptr_t>(g_scratch) && a < reinterpret_cast<uintptr_t>(g_scratch) + kScratchSize && a % 8 == 0) {
        *set = rng_.next() & rng_.next();
      }
      return ker(__KER_SIGNAL_PROCMASK, rng_.one_in(4) ? pid() : 0, rng_.one_in(2) ? 0 : tid(),
                 rng_.one_in(5) ? hostile() : rng_.one_in(8) ? QRV_SIG_PENDING : L(rng_.below(3)), L(a),
                 rng_.one_in(2) ? L(ptr(8)) : 0);
    }
    case 38: {  // the odd ones: SignalReturn with a context that cannot be read, interrupts, the console, tm_priv,
                // counts, waiting for signals
      switch (rng_.below(9)) {
        case 0: return ker(__KER_SIGNAL_RETURN, rng_.one_in(2) ? 0 : L(rng_.one_in(2) ? kKernel : kUnmapped));
        case 1: return ker(__KER_INTERRUPT_ATTACH, hostile(), L(event()), L(ptr(64)), hostile(), hostile());
        case 2: return ker(__KER_INTERRUPT_DETACH, hostile());
        case 3: return ker(__KER_DEBUG_CONSOLE_WRITE, hostile() & ~0xfffll, 0);  // nothing printed
        case 4: return ker(__KER_TM_PRIV, L(rng_.below(100)), L(ptr(64)));
        case 5: return ker(__KER_DEBUG_KERNEL_COUNTS, L(ptr(64)));
        case 6:  // a set and a report anywhere; bounded like the other waits
          blocking_prologue();
          return ker(__KER_SIGNAL_WAITINFO, rng_.one_in(4) ? hostile() : L(ptr(8)), rng_.one_in(4) ? hostile() : L(ptr(40)));
        case 7: {  // an alternate stack: anywhere, any size and flags (SA_ONSTACK handlers then use it)
          auto* ss = reinterpret_cast<uint64_t*>(ptr(24));
          const uintptr_t a = reinterpret_cast<uintptr_t>(ss);
          if (a >= reinterpret_cast<uintptr_t>(g_scratch) && a + 24 <= reinterpret_cast<uintptr_t>(g_scratch) + kScratchSize &&
              a % 8 == 0 && rng_.one_in(2)) {
            ss[0] = rng_.one_in(4) ? static_cast<uint64_t>(hostile()) : reinterpret_cast<uintptr_t>(g_scratch);
            ss[1] = rng_.one_in(4) ? static_cast<uint64_t>(hostile()) : kScratchSize;
            ss[2] = rng_.below(4);  // flags 0..3, reserved 0
          }
          return ker(__KER_SIGNAL_ALTSTACK, rng_.one_in(4) ? hostile() : L(a), rng_.one_in(2) ? L(ptr(24)) : 0);
        }
        default:  // mostly a set it cannot read: a readable one may let no signal in, for good
          return ker(__KER_SIGNAL_SUSPEND, rng_.one_in(64) ? L(ptr(8)) : hostile());
      }
    }
    default: {  // a number nobody implements
      const long numbers[] = {0, QRV_KER_TABLE_SIZE, QRV_KER_TABLE_SIZE + 1, 255, 4096, -1, L(INT64_MIN)};
      return ker(numbers[rng_.below(sizeof numbers / sizeof numbers[0])], hostile(), hostile());
    }
  }
}

}  // namespace kfuzz
