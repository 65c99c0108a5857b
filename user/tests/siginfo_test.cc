// What a signal tells its handler, and waiting for signals: SA_SIGINFO
// reports (si_code, si_pid, si_value) for kill, raise, sigqueue and a timer;
// the interrupted pc in the ucontext; realtime signals queued in order up to
// SIGQUEUE_MAX (then EAGAIN) while standard ones coalesce; sigpending,
// sigsuspend, sigwait/sigwaitinfo/sigtimedwait; SA_RESTART against EINTR on
// a pipe read and a MsgReceive; sigsetjmp/siglongjmp and the mask;
// sigaltstack and SA_ONSTACK; bad pointers are EFAULT.
#include <errno.h>
#include <pthread.h>
#include <setjmp.h>
#include <signal.h>
#include <stdio.h>
#include <sys/neutrino.h>
#include <time.h>
#include <ucontext.h>
#include <unistd.h>

#include "user/tests/check.h"

using qrv_test::expect;
using qrv_test::expect_eq;

namespace {

constexpr uintptr_t kKernelAddress = 0xffffffc000000000ull;

void pause_ms(long ms) {
  const struct timespec ts = {ms / 1000, (ms % 1000) * 1000000};
  nanosleep(&ts, nullptr);
}

sigset_t set_of(int a, int b = 0) {
  sigset_t s;
  sigemptyset(&s);
  sigaddset(&s, a);
  if (b != 0) sigaddset(&s, b);
  return s;
}

void block(int signo) {
  const sigset_t s = set_of(signo);
  sigprocmask(SIG_BLOCK, &s, nullptr);
}

void unblock(int signo) {
  const sigset_t s = set_of(signo);
  sigprocmask(SIG_UNBLOCK, &s, nullptr);
}

sigset_t current_mask() {
  sigset_t s = 0;
  sigprocmask(SIG_BLOCK, nullptr, &s);
  return s;
}

// What the handler saw, per signal number.
struct Seen {
  volatile int count;
  volatile int code;
  volatile int pid;
  volatile int value;
  volatile uintptr_t pc;
  volatile sigset_t uc_mask;
  volatile bool had_context;
};
Seen g_seen[NSIG];
// The values of the realtime instances, in the order they arrived.
volatile int g_order[64];
volatile int g_order_len = 0;

void on_info(int signo, siginfo_t* info, void* context) {
  Seen& s = g_seen[signo];
  s.count = s.count + 1;
  s.code = info->si_code;
  s.pid = info->si_pid;
  s.value = info->si_value.sival_int;
  auto* uc = static_cast<ucontext_t*>(context);
  s.had_context = uc != nullptr;
  if (uc != nullptr) {
    s.pc = uc->uc_mcontext.__gregs[REG_PC];
    s.uc_mask = uc->uc_sigmask;
  }
  if (signo >= SIGRTMIN && g_order_len < 64) {
    g_order[g_order_len] = signo * 100 + info->si_value.sival_int;
    g_order_len = g_order_len + 1;
  }
}

void install(int signo, int flags, sigset_t mask = 0) {
  struct sigaction sa = {};
  sa.sa_sigaction = on_info;
  sa.sa_flags = SA_SIGINFO | flags;
  sa.sa_mask = mask;
  sigaction(signo, &sa, nullptr);
}

void reset(int signo) {
  g_seen[signo] = Seen{};
  signal(signo, SIG_DFL);
}

// SignalKill(0, 0, 0, signo, SI_USER, 0) as one ecall; *resume is the
// address right after it, where the handler's context must say we were.
long raw_kill_self(int signo, uintptr_t* resume) {
  register long a0 asm("a0") = 0;
  register long a1 asm("a1") = 0;
  register long a2 asm("a2") = 0;
  register long a3 asm("a3") = signo;
  register long a4 asm("a4") = 0;
  register long a5 asm("a5") = 0;
  register long a7 asm("a7") = __KER_SIGNAL_KILL;
  uintptr_t after;
  asm volatile("lla %[after], 1f\n\tecall\n1:"
               : "+r"(a0), [after] "=&r"(after)
               : "r"(a1), "r"(a2), "r"(a3), "r"(a4), "r"(a5), "r"(a7)
               : "memory");
  *resume = after;
  return a0;
}

void test_reports() {
  install(SIGUSR1, 0);
  uintptr_t resume = 0;
  expect_eq(raw_kill_self(SIGUSR1, &resume), 0, "SignalKill to ourselves");
  const Seen& s = g_seen[SIGUSR1];
  expect_eq(s.count, 1, "kill: an SA_SIGINFO handler ran");
  expect_eq(s.code, SI_USER, "kill: si_code SI_USER");
  expect_eq(s.pid, getpid(), "kill: si_pid is the sender");
  expect(s.had_context, "the handler gets a ucontext");
  expect(s.pc == resume, "ucontext: uc_mcontext's pc is right after the ecall that was interrupted");
  expect(!sigismember(const_cast<const sigset_t*>(&s.uc_mask), SIGUSR1), "ucontext: uc_sigmask is the mask to restore");

  g_seen[SIGUSR1] = Seen{};
  expect_eq(kill(getpid(), SIGUSR1), 0, "kill()");
  expect(g_seen[SIGUSR1].count == 1 && g_seen[SIGUSR1].code == SI_USER && g_seen[SIGUSR1].pid == getpid(),
         "kill(): SI_USER from our pid");
  g_seen[SIGUSR1] = Seen{};
  expect_eq(raise(SIGUSR1), 0, "raise()");
  expect(g_seen[SIGUSR1].count == 1 && g_seen[SIGUSR1].code == SI_USER && g_seen[SIGUSR1].pid == getpid(),
         "raise(): SI_USER from our pid");

  g_seen[SIGUSR1] = Seen{};
  union sigval v;
  v.sival_int = 4242;
  expect_eq(sigqueue(getpid(), SIGUSR1, v), 0, "sigqueue()");
  expect(g_seen[SIGUSR1].count == 1 && g_seen[SIGUSR1].code == SI_QUEUE, "sigqueue: SI_QUEUE");
  expect_eq(g_seen[SIGUSR1].value, 4242, "sigqueue: si_value arrives");
  expect_eq(g_seen[SIGUSR1].pid, getpid(), "sigqueue: si_pid");
  reset(SIGUSR1);

  // A timer's signal: SI_TIMER and the sigevent's value.
  install(SIGALRM, 0);
  struct sigevent ev = {};
  SIGEV_SIGNAL_INIT(&ev, SIGALRM);
  ev.sigev_value.sival_int = 77;
  const int t = TimerCreate_r(CLOCK_MONOTONIC, &ev);
  expect(t >= 0, "TimerCreate with a signal");
  const struct _itimer once = {5000000, 0};
  TimerSettime_r(t, 0, &once, nullptr);
  for (int i = 0; i < 200 && g_seen[SIGALRM].count == 0; ++i) pause_ms(1);
  expect(g_seen[SIGALRM].count == 1 && g_seen[SIGALRM].code == SI_TIMER, "timer: SI_TIMER");
  expect_eq(g_seen[SIGALRM].value, 77, "timer: the sigevent's value");
  TimerDestroy_r(t);
  reset(SIGALRM);
  expect(SIGRTMIN == 34 && SIGRTMAX == 64, "SIGRTMIN..SIGRTMAX");
}

void test_queueing() {
  const int rt = SIGRTMIN;
  // Each handler blocks the others: one runs at a time (a signal let in by
  // a running handler's mask would nest, and its handler would end first).
  sigset_t trio = set_of(rt, rt + 1);
  sigaddset(&trio, SIGUSR2);
  install(rt, 0, trio);
  install(rt + 1, 0, trio);
  install(SIGUSR2, 0, trio);
  block(rt);
  block(rt + 1);
  block(SIGUSR2);
  union sigval v;
  for (int i = 0; i < 5; ++i) {
    v.sival_int = i;
    expect_eq(sigqueue(getpid(), rt + 1, v), 0, "sigqueue a blocked realtime signal");
  }
  for (int i = 0; i < 3; ++i) {
    v.sival_int = 10 + i;
    expect_eq(sigqueue(getpid(), rt, v), 0, "sigqueue a lower realtime signal");
  }
  for (int i = 0; i < 3; ++i) kill(getpid(), SIGUSR2);
  sigset_t pending = 0;
  expect_eq(sigpending(&pending), 0, "sigpending");
  expect(sigismember(&pending, rt) == 1 && sigismember(&pending, rt + 1) == 1 && sigismember(&pending, SIGUSR2) == 1,
         "sigpending shows the blocked pending signals");
  expect(sigismember(&pending, SIGUSR1) == 0, "sigpending: nothing else");
  const sigset_t all = set_of(rt, rt + 1);
  sigset_t s = all;
  sigaddset(&s, SIGUSR2);
  sigprocmask(SIG_UNBLOCK, &s, nullptr);
  expect_eq(g_seen[rt + 1].count, 5, "every queued instance of a realtime signal is delivered");
  expect_eq(g_seen[rt].count, 3, "... of the lower one too");
  expect_eq(g_seen[SIGUSR2].count, 1, "a standard signal sent three times while blocked coalesces into one");
  bool in_order = g_order_len == 8;
  for (int i = 0; i < 3 && in_order; ++i) in_order = g_order[i] == rt * 100 + 10 + i;
  for (int i = 0; i < 5 && in_order; ++i) in_order = g_order[3 + i] == (rt + 1) * 100 + i;
  expect(in_order, "realtime: lowest number first, each number in the order sent, with its value");
  sigpending(&pending);
  expect_eq(static_cast<long>(pending), 0, "nothing pending afterwards");

  // The queue is bounded: EAGAIN past SIGQUEUE_MAX.
  block(rt);
  int queued = 0;
  v.sival_int = 0;
  while (queued < 100 && sigqueue(getpid(), rt, v) == 0) ++queued;
  expect_eq(queued, SIGQUEUE_MAX, "SIGQUEUE_MAX instances are queued");
  expect_eq(errno, EAGAIN, "then sigqueue is EAGAIN");
  expect_eq(kill(getpid(), SIGUSR2), 0, "a standard signal still goes through");
  // sigtimedwait with a zero timeout takes them one by one.
  const sigset_t only_rt = set_of(rt);
  const struct timespec zero = {0, 0};
  int drained = 0;
  while (drained < 100 && sigtimedwait(&only_rt, nullptr, &zero) == rt) ++drained;
  expect_eq(drained, SIGQUEUE_MAX, "sigtimedwait drains every queued instance");
  expect_eq(errno, EAGAIN, "then EAGAIN: none left");
  expect_eq(g_seen[rt].count, 3, "... without running the handler");
  unblock(rt);
  reset(rt);
  reset(rt + 1);
  reset(SIGUSR2);
}

volatile int g_waited = 0;
volatile int g_wait_error = -1;

void* sigwait_thread(void* arg) {
  const sigset_t s = set_of(*static_cast<int*>(arg));
  int got = 0;
  g_wait_error = sigwait(&s, &got);
  g_waited = got;
  return nullptr;
}

void test_waiting() {
  install(SIGUSR1, 0);
  block(SIGUSR1);
  union sigval v;
  v.sival_int = 7;
  sigqueue(getpid(), SIGUSR1, v);
  const sigset_t s = set_of(SIGUSR1);
  siginfo_t info = {};
  expect_eq(sigwaitinfo(&s, &info), SIGUSR1, "sigwaitinfo takes a blocked pending signal");
  expect(info.si_signo == SIGUSR1 && info.si_code == SI_QUEUE && info.si_value.sival_int == 7 && info.si_pid == getpid(),
         "sigwaitinfo: its report");
  expect_eq(g_seen[SIGUSR1].count, 0, "sigwaitinfo: the handler does not run");

  // Bad pointers: EFAULT, and the pending signal is not lost.
  raise(SIGUSR1);
  expect(sigwaitinfo(&s, reinterpret_cast<siginfo_t*>(kKernelAddress)) == -1 && errno == EFAULT,
         "sigwaitinfo into a kernel address: EFAULT");
  expect(sigwaitinfo(reinterpret_cast<const sigset_t*>(8), &info) == -1 && errno == EFAULT,
         "sigwaitinfo with an unreadable set: EFAULT");
  expect_eq(sigwaitinfo(&s, &info), SIGUSR1, "... the signal was still pending");

  // sigtimedwait: EAGAIN once its time is up.
  struct timespec t0, t1;
  clock_gettime(CLOCK_MONOTONIC, &t0);
  const struct timespec wait20 = {0, 20000000};
  expect(sigtimedwait(&s, &info, &wait20) == -1 && errno == EAGAIN, "sigtimedwait times out with EAGAIN");
  clock_gettime(CLOCK_MONOTONIC, &t1);
  const long waited_ns = (t1.tv_sec - t0.tv_sec) * 1000000000L + (t1.tv_nsec - t0.tv_nsec);
  expect(waited_ns >= 20000000, "... after its timeout");
  const struct timespec bad = {0, 1000000000};
  expect(sigtimedwait(&s, &info, &bad) == -1 && errno == EINVAL, "sigtimedwait: tv_nsec out of range is EINVAL");

  // Another thread waits (every thread blocks the signal): a signal sent to
  // the process wakes it. SIGWINCH, ignored by default, is not dropped
  // while somebody waits for it.
  const int kWaited[] = {SIGUSR2, SIGWINCH};
  for (int signo : kWaited) {
    block(signo);  // inherited by the thread
    g_waited = 0;
    g_wait_error = -1;
    int arg = signo;
    pthread_t w;
    pthread_create(&w, nullptr, sigwait_thread, &arg);
    for (int i = 0; i < 200 && g_waited == 0; ++i) {
      pause_ms(5);
      kill(getpid(), signo);
    }
    pthread_join(w, nullptr);
    expect(g_wait_error == 0 && g_waited == signo, signo == SIGUSR2 ? "sigwait in another thread gets SIGUSR2"
                                                                     : "sigwait gets SIGWINCH (ignored by default)");
    sigset_t p = 0;
    sigpending(&p);
    const sigset_t one = set_of(signo);
    if (sigismember(&p, signo) == 1) sigwaitinfo(&one, nullptr);  // the extra sends
    unblock(signo);
  }
  unblock(SIGUSR1);
  reset(SIGUSR1);
}

pthread_t g_main;
volatile bool g_stop_poker = false;

// Sends SIGUSR1 to the main thread every 10 ms until told to stop.
void* poker(void*) {
  while (!g_stop_poker) {
    pause_ms(10);
    pthread_kill(g_main, SIGUSR1);
  }
  return nullptr;
}

void test_interrupted_waits() {
  g_main = pthread_self();
  install(SIGUSR1, 0);
  block(SIGUSR1);  // the poker inherits it blocked: only the main thread takes it
  pthread_t p;
  g_stop_poker = false;
  pthread_create(&p, nullptr, poker, nullptr);
  unblock(SIGUSR1);
  // Nothing is printed while the poker runs (a write it interrupts fails):
  // the checks come after.

  // sigtimedwait for another signal: a handled one ends it with EINTR.
  const sigset_t usr2 = set_of(SIGUSR2);
  const struct timespec two_s = {2, 0};
  const int before = g_seen[SIGUSR1].count;
  const int timed = sigtimedwait(&usr2, nullptr, &two_s);
  const int timed_errno = errno;
  const bool timed_handled = g_seen[SIGUSR1].count > before;

  // sigsuspend: SIGUSR1 blocked, the suspend mask lets it in; after the
  // handler it is blocked again.
  block(SIGUSR1);
  const int before2 = g_seen[SIGUSR1].count;
  const sigset_t none = 0;
  const int suspended = sigsuspend(&none);
  const int suspend_errno = errno;
  const bool suspend_handled = g_seen[SIGUSR1].count > before2;
  const sigset_t handler_returns_to = g_seen[SIGUSR1].uc_mask;
  const sigset_t after = current_mask();
  g_stop_poker = true;
  pthread_join(p, nullptr);
  expect(timed == -1 && timed_errno == EINTR, "sigtimedwait: a handler ran: EINTR");
  expect(timed_handled, "... the handler ran");
  expect(suspended == -1 && suspend_errno == EINTR, "sigsuspend ends with EINTR");
  expect(suspend_handled, "sigsuspend: the handler ran");
  expect(sigismember(&handler_returns_to, SIGUSR1) == 1, "sigsuspend: the handler returns to the mask of before");
  expect(sigismember(&after, SIGUSR1) == 1, "sigsuspend: SIGUSR1 is blocked again");

  // A signal already pending: sigsuspend returns at once.
  sigset_t pending = 0;
  sigpending(&pending);
  if (sigismember(&pending, SIGUSR1) != 1) raise(SIGUSR1);
  const int before3 = g_seen[SIGUSR1].count;
  expect(sigsuspend(&none) == -1 && errno == EINTR && g_seen[SIGUSR1].count == before3 + 1,
         "sigsuspend with the signal pending: its handler, then EINTR");
  expect(sigsuspend(reinterpret_cast<const sigset_t*>(kKernelAddress)) == -1 && errno == EFAULT,
         "sigsuspend with a kernel address: EFAULT");
  unblock(SIGUSR1);
  reset(SIGUSR1);
}

// ---- SA_RESTART against EINTR: a thread blocked in a read of an empty
// pipe, or in MsgReceive, takes SIGUSR1 (the main thread blocks it).
struct Blocked {
  int fd = -1;
  int chid = -1;
  volatile bool done = false;
  volatile long result = 0;
  volatile int error = 0;
};

void* pipe_reader(void* arg) {
  auto* b = static_cast<Blocked*>(arg);
  unblock(SIGUSR1);  // blocked by the main thread, whose mask it inherited
  char c = 0;
  b->result = read(b->fd, &c, 1);
  b->error = errno;
  b->done = true;
  return nullptr;
}

void* receiver(void* arg) {
  auto* b = static_cast<Blocked*>(arg);
  unblock(SIGUSR1);
  char msg[64];
  b->result = MsgReceive(b->chid, msg, sizeof msg, nullptr);
  b->error = errno;
  b->done = true;
  return nullptr;
}

// Starts `body` on a thread, waits until it must be blocked, signals it
// (until its handler ran and, without SA_RESTART, until it returned), and
// reports whether it was still blocked afterwards.
bool signal_blocked(void* (*body)(void*), Blocked* b, pthread_t* t, bool restart) {
  g_seen[SIGUSR1] = Seen{};
  install(SIGUSR1, restart ? SA_RESTART : 0);
  pthread_create(t, nullptr, body, b);
  pause_ms(50);
  for (int i = 0; i < 50 && !b->done && (g_seen[SIGUSR1].count == 0 || !restart); ++i) {
    pthread_kill(*t, SIGUSR1);
    for (int j = 0; j < 20 && !b->done && g_seen[SIGUSR1].count == 0; ++j) pause_ms(1);
    if (!restart) pause_ms(10);
  }
  pause_ms(50);  // time for a wrongly ended call to come back
  return !b->done;
}

void test_restart() {
  block(SIGUSR1);
  int fds[2];
  expect_eq(pipe(fds), 0, "pipe");
  Blocked b;
  b.fd = fds[0];
  pthread_t t;
  const bool still = signal_blocked(pipe_reader, &b, &t, true);
  expect(g_seen[SIGUSR1].count >= 1, "SA_RESTART: the reader's handler ran");
  expect(still, "SA_RESTART: the pipe read goes on waiting after the handler");
  expect_eq(write(fds[1], "x", 1), 1, "write a byte");
  pthread_join(t, nullptr);
  expect_eq(b.result, 1, "SA_RESTART: the restarted read gets the byte");

  Blocked e;
  e.fd = fds[0];
  (void)signal_blocked(pipe_reader, &e, &t, false);
  if (!e.done) write(fds[1], "y", 1);  // do not hang: the checks below fail
  pthread_join(t, nullptr);
  expect(e.result == -1 && e.error == EINTR, "without SA_RESTART: the pipe read ends with EINTR");
  close(fds[0]);
  close(fds[1]);

  // The kernel's own blocking: MsgReceive on a channel of ours.
  Blocked r;
  r.chid = ChannelCreate(0);
  const bool waiting = signal_blocked(receiver, &r, &t, true);
  expect(g_seen[SIGUSR1].count >= 1 && waiting, "SA_RESTART: MsgReceive goes on waiting after the handler");
  const int self = ConnectAttach(0, 0, r.chid, _NTO_SIDE_CHANNEL, 0);
  MsgSendPulse(self, -1, 5, 0);
  pthread_join(t, nullptr);
  expect_eq(r.result, 0, "SA_RESTART: the restarted MsgReceive gets the pulse");
  Blocked r2;
  r2.chid = r.chid;
  (void)signal_blocked(receiver, &r2, &t, false);
  if (!r2.done) MsgSendPulse(self, -1, 5, 0);
  pthread_join(t, nullptr);
  expect(r2.result == -1 && r2.error == EINTR, "without SA_RESTART: MsgReceive ends with EINTR");
  ConnectDetach(self);
  ChannelDestroy(r.chid);
  unblock(SIGUSR1);
  reset(SIGUSR1);
}

void test_sigsetjmp() {
  sigjmp_buf env;
  block(SIGUSR2);
  unblock(SIGUSR1);
  volatile int rounds = 0;
  const int r = sigsetjmp(env, 1);
  if (r == 0) {
    rounds = rounds + 1;
    block(SIGUSR1);
    siglongjmp(env, 5);
  }
  sigset_t m = current_mask();
  expect(r == 5 && rounds == 1, "siglongjmp returns its value through sigsetjmp");
  expect(sigismember(&m, SIGUSR1) == 0 && sigismember(&m, SIGUSR2) == 1, "sigsetjmp(env, 1): the mask is restored");

  sigjmp_buf env0;
  const int r0 = sigsetjmp(env0, 0);
  if (r0 == 0) {
    block(SIGUSR1);
    siglongjmp(env0, 0);
  }
  m = current_mask();
  expect(r0 == 1, "siglongjmp(env, 0) returns 1");
  expect(sigismember(&m, SIGUSR1) == 1, "sigsetjmp(env, 0): the mask is left as it is");
  unblock(SIGUSR1);
  unblock(SIGUSR2);
}

// ---- sigaltstack: an SA_ONSTACK handler runs on the alternate stack.
alignas(16) unsigned char g_alt[16384];
volatile uintptr_t g_handler_sp = 0;
volatile int g_inside_flags = -1;
volatile int g_inside_set = 0;
volatile int g_uc_stack_flags = -1;

void on_alt(int, siginfo_t*, void* context) {
  unsigned char here = 0;
  g_handler_sp = reinterpret_cast<uintptr_t>(&here);
  stack_t now = {};
  sigaltstack(nullptr, &now);
  g_inside_flags = now.ss_flags;
  const stack_t other = {g_alt, sizeof g_alt, 0, 0};
  g_inside_set = sigaltstack(&other, nullptr) == -1 ? errno : 0;
  g_uc_stack_flags = static_cast<ucontext_t*>(context)->uc_stack.ss_flags;
}

bool on_alt_stack(uintptr_t a) {
  return a >= reinterpret_cast<uintptr_t>(g_alt) && a < reinterpret_cast<uintptr_t>(g_alt) + sizeof g_alt;
}

volatile int g_thread_alt_flags = -1;
void* alt_of_new_thread(void*) {
  stack_t s = {};
  sigaltstack(nullptr, &s);
  g_thread_alt_flags = s.ss_flags;
  return nullptr;
}

void test_altstack() {
  stack_t old = {};
  expect(sigaltstack(nullptr, &old) == 0 && old.ss_flags == SS_DISABLE, "sigaltstack: none at first");
  const stack_t ss = {g_alt, sizeof g_alt, 0, 0};
  expect_eq(sigaltstack(&ss, nullptr), 0, "sigaltstack: set one");
  expect(sigaltstack(nullptr, &old) == 0 && old.ss_sp == g_alt && old.ss_size == sizeof g_alt && old.ss_flags == 0,
         "sigaltstack reports it");
  struct sigaction sa = {};
  sa.sa_sigaction = on_alt;
  sa.sa_flags = SA_SIGINFO | SA_ONSTACK;
  sigaction(SIGUSR2, &sa, nullptr);
  raise(SIGUSR2);
  expect(on_alt_stack(g_handler_sp), "SA_ONSTACK: the handler runs on the alternate stack");
  expect_eq(g_inside_flags, SS_ONSTACK, "sigaltstack in the handler: SS_ONSTACK");
  expect_eq(g_inside_set, EPERM, "sigaltstack: no change while on it (EPERM)");
  expect_eq(g_uc_stack_flags, 0, "uc_stack: the interrupted code was not on it");
  sa.sa_flags = SA_SIGINFO;
  sigaction(SIGUSR2, &sa, nullptr);
  raise(SIGUSR2);
  expect(g_handler_sp != 0 && !on_alt_stack(g_handler_sp), "without SA_ONSTACK: the handler runs on the thread's stack");
  pthread_t t;
  pthread_create(&t, nullptr, alt_of_new_thread, nullptr);
  pthread_join(t, nullptr);
  expect_eq(g_thread_alt_flags, SS_DISABLE, "a new thread has no alternate stack");
  const stack_t tiny = {g_alt, MINSIGSTKSZ - 1, 0, 0};
  expect(sigaltstack(&tiny, nullptr) == -1 && errno == ENOMEM, "sigaltstack below MINSIGSTKSZ: ENOMEM");
  const stack_t odd = {g_alt, sizeof g_alt, 4, 0};
  expect(sigaltstack(&odd, nullptr) == -1 && errno == EINVAL, "sigaltstack: unknown flags are EINVAL");
  const stack_t kernel = {reinterpret_cast<void*>(kKernelAddress), sizeof g_alt, 0, 0};
  expect(sigaltstack(&kernel, nullptr) == -1 && errno == EINVAL, "sigaltstack in the kernel's half: EINVAL");
  expect(sigaltstack(reinterpret_cast<const stack_t*>(kKernelAddress), nullptr) == -1 && errno == EFAULT,
         "sigaltstack: unreadable ss is EFAULT");
  const stack_t off = {nullptr, 0, SS_DISABLE, 0};
  expect(sigaltstack(&off, &old) == 0 && old.ss_sp == g_alt, "sigaltstack: disable, reporting the old one");
  expect(sigaltstack(nullptr, &old) == 0 && old.ss_flags == SS_DISABLE, "... and it is gone");
  reset(SIGUSR2);
}

void test_errors() {
  expect(sigpending(reinterpret_cast<sigset_t*>(kKernelAddress)) == -1 && errno == EFAULT,
         "sigpending into a kernel address: EFAULT");
  union sigval v;
  v.sival_int = 0;
  expect(sigqueue(4242, SIGUSR1, v) == -1 && errno == ESRCH, "sigqueue to no such process: ESRCH");
  expect(sigqueue(getpid(), 65, v) == -1 && errno == EINVAL, "sigqueue signal 65: EINVAL");
  expect_eq(SignalKill_r(0, 0, 0, SIGUSR1, SI_TIMER, 0), -EINVAL, "SignalKill with a kernel si_code: EINVAL");
  expect_eq(SignalKill_r(0, 0, 0, SIGUSR1, 12345, 0), -EINVAL, "SignalKill with an unknown si_code: EINVAL");
  expect_eq(SignalWaitinfo_r(nullptr, nullptr), -EFAULT, "SignalWaitinfo(NULL): EFAULT");
  expect_eq(SignalSuspend_r(nullptr), -EFAULT, "SignalSuspend(NULL): EFAULT");
  sigset_t p;
  expect_eq(pthread_sigmask(QRV_SIG_PENDING, nullptr, &p), EINVAL, "pthread_sigmask refuses sigpending's how");
  psignal(SIGUSR1, "siginfo_test: psignal");
}

}  // namespace

int main() {
  setvbuf(stdout, nullptr, _IOLBF, 0);  // each failure as it happens
  test_reports();
  test_queueing();
  test_waiting();
  test_interrupted_waits();
  test_restart();
  test_sigsetjmp();
  test_altstack();
  test_errors();
  return qrv_test::report("siginfo_test");
}
