// Signal handlers, one program in three roles chosen by argv[0]:
//   sigaction_test         handlers, masks, SA_* flags, nesting, registers
//                          kept across a signal, EINTR from every
//                          interruptible call, bad arguments to the signal
//                          calls; ends with a SIGKILL no handler can catch
//   sigaction_bad_handler  a handler at an unmapped address: killed by the fault
//   sigaction_bad_stack    a signal arriving on an unmapped stack: killed (SIGSEGV)
#include <errno.h>
#include <pthread.h>
#include <setjmp.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/neutrino.h>
#include <time.h>

#include "user/tests/check.h"

using qrv_test::expect;
using qrv_test::expect_eq;

// spin_check(): every integer and floating-point register holds a known value
// while the caller spins until g_spin_flag is set (by a signal handler); then
// it returns how many registers changed. ra, s0-s11, gp, tp and fs0-fs11 are
// saved around it; t5 holds 0 and t6 the loaded flag, the rest a pattern.
extern "C" int spin_check();
extern "C" {
volatile int g_spin_flag = 0;
uint64_t g_spin_sp = 0;
}
asm(R"(
  .text
  .balign 4
  .globl spin_check
  .type spin_check, @function
spin_check:
  addi sp, sp, -224
  sd ra, 0(sp)
  sd gp, 8(sp)
  sd tp, 16(sp)
  .irp n, 0,1,2,3,4,5,6,7,8,9,10,11
  sd s\n, (24 + 8 * \n)(sp)
  fsd fs\n, (120 + 8 * \n)(sp)
  .endr
  la t0, g_spin_sp
  sd sp, 0(t0)
  .irp n, 0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31
  li t0, (0x4000000000000000 | (\n << 44) | (\n * 0x10001))
  fmv.d.x f\n, t0
  .endr
  .irp n, 1,5,6,7,8,9,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29
  li x\n, (0x5A00000000000000 | (\n << 40) | (\n * 0x01010101))
  .endr
  li t5, 0
  la a0, g_spin_flag
1:
  lw t6, 0(a0)
  beqz t6, 1b
  snez t5, t5
  addi t6, t6, -1
  snez t6, t6
  add t5, t5, t6
  .irp n, 1,5,6,7,8,9,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29
  li t6, (0x5A00000000000000 | (\n << 40) | (\n * 0x01010101))
  xor t6, t6, x\n
  snez t6, t6
  add t5, t5, t6
  .endr
  la t6, g_spin_flag
  xor t6, t6, a0
  snez t6, t6
  add t5, t5, t6
  la t6, g_spin_sp
  ld t6, 0(t6)
  xor t6, t6, sp
  snez t6, t6
  add t5, t5, t6
  ld t6, 8(sp)
  xor t6, t6, gp
  snez t6, t6
  add t5, t5, t6
  ld t6, 16(sp)
  xor t6, t6, tp
  snez t6, t6
  add t5, t5, t6
  .irp n, 0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31
  fmv.x.d t6, f\n
  li a0, (0x4000000000000000 | (\n << 44) | (\n * 0x10001))
  xor t6, t6, a0
  snez t6, t6
  add t5, t5, t6
  .endr
  mv a0, t5
  ld ra, 0(sp)
  ld gp, 8(sp)
  ld tp, 16(sp)
  .irp n, 0,1,2,3,4,5,6,7,8,9,10,11
  ld s\n, (24 + 8 * \n)(sp)
  fld fs\n, (120 + 8 * \n)(sp)
  .endr
  addi sp, sp, 224
  ret
  .size spin_check, . - spin_check
)");

namespace {
constexpr sigset_t bit(int signo) { return sigset_t{1} << (signo - 1); }
constexpr uint64_t kUnmapped = 0x3000000000;  // user half, nothing mapped there
constexpr uint64_t kKernelAddress = 0xffffffc000000000;

// What handlers saw.
volatile int g_count = 0;       // calls to count_handler
volatile int g_last = 0;        // its last signo
volatile pthread_t g_where = 0;  // the thread it ran on
volatile sigset_t g_mask_inside = 0;

void sleep_ms(long ms) {
  const struct timespec ts = {ms / 1000, (ms % 1000) * 1000000};
  nanosleep(&ts, nullptr);
}

sigset_t current_mask() {
  sigset_t m = 0;
  sigprocmask(SIG_BLOCK, nullptr, &m);
  return m;
}

void count_handler(int signo) {
  g_last = signo;
  g_where = pthread_self();
  g_mask_inside = current_mask();
  g_count = g_count + 1;
}

int install(int signo, void (*handler)(int), int flags = 0, sigset_t mask = 0) {
  struct sigaction act = {};
  act.sa_handler = handler;
  act.sa_flags = flags;
  act.sa_mask = mask;
  return sigaction(signo, &act, nullptr);
}

void block(int signo) {
  const sigset_t s = bit(signo);
  sigprocmask(SIG_BLOCK, &s, nullptr);
}

void unblock(int signo) {
  const sigset_t s = bit(signo);
  sigprocmask(SIG_UNBLOCK, &s, nullptr);
}

void reset_counts() {
  g_count = 0;
  g_last = 0;
  g_where = 0;
}

// ---- bad arguments to every signal call
void bad_arguments() {
  const struct sigaction good = {};
  struct qrv_sigaction act = {reinterpret_cast<uintptr_t>(&count_handler), 0, 0};
  auto stub = reinterpret_cast<void (*)()>(&count_handler);  // any user code address is a valid stub
  expect_eq(SignalAction_r(9999, stub, SIGUSR1, &act, nullptr), -ESRCH, "SignalAction: another pid");
  expect_eq(SignalAction_r(0, stub, 0, &act, nullptr), -EINVAL, "SignalAction: signal 0");
  expect_eq(SignalAction_r(0, stub, 65, &act, nullptr), -EINVAL, "SignalAction: signal 65");
  expect_eq(SignalAction_r(0, stub, -1, &act, nullptr), -EINVAL, "SignalAction: signal -1");
  expect_eq(SignalAction_r(0, stub, SIGUSR1, reinterpret_cast<const qrv_sigaction*>(kUnmapped), nullptr),
            -EFAULT, "SignalAction: act unmapped");
  expect_eq(SignalAction_r(0, stub, SIGUSR1, reinterpret_cast<const qrv_sigaction*>(kKernelAddress), nullptr),
            -EFAULT, "SignalAction: act in the kernel");
  expect_eq(SignalAction_r(0, stub, SIGUSR1, &act, reinterpret_cast<qrv_sigaction*>(kUnmapped)), -EFAULT,
            "SignalAction: oact unmapped");
  struct sigaction now = {};
  sigaction(SIGUSR1, nullptr, &now);
  expect(now.sa_handler == SIG_DFL, "SignalAction: a failed call changed nothing");
  expect_eq(SignalAction_r(0, stub, SIGKILL, &act, nullptr), -EINVAL, "SignalAction: SIGKILL");
  expect_eq(SignalAction_r(0, stub, SIGSTOP, &act, nullptr), -EINVAL, "SignalAction: SIGSTOP");
  qrv_sigaction old = {7, 7, 7};
  expect_eq(SignalAction_r(0, stub, SIGKILL, nullptr, &old), 0, "SignalAction: reading SIGKILL's action");
  expect(old.handler == QRV_SIG_DFL && old.flags == 0 && old.mask == 0, "SIGKILL's action is the default");
  qrv_sigaction odd = {reinterpret_cast<uintptr_t>(&count_handler) + 1, 0, 0};
  expect_eq(SignalAction_r(0, stub, SIGUSR1, &odd, nullptr), -EINVAL, "SignalAction: odd handler");
  qrv_sigaction kernel = {kKernelAddress, 0, 0};
  expect_eq(SignalAction_r(0, stub, SIGUSR1, &kernel, nullptr), -EINVAL, "SignalAction: kernel handler");
  qrv_sigaction page0 = {16, 0, 0};
  expect_eq(SignalAction_r(0, stub, SIGUSR1, &page0, nullptr), -EINVAL, "SignalAction: handler in page 0");
  expect_eq(SignalAction_r(0, nullptr, SIGUSR1, &act, nullptr), -EINVAL, "SignalAction: no sigstub");
  expect_eq(SignalAction_r(0, reinterpret_cast<void (*)()>(kKernelAddress), SIGUSR1, &act, nullptr), -EINVAL,
            "SignalAction: sigstub in the kernel");
  qrv_sigaction siginfo = {reinterpret_cast<uintptr_t>(&count_handler), QRV_SA_SIGINFO | 0x8, 0};
  expect_eq(SignalAction_r(0, stub, SIGUSR1, &siginfo, nullptr), -EINVAL, "SignalAction: SA_SIGINFO with an unknown flag");
  qrv_sigaction flags = {QRV_SIG_IGN, 0x100, 0};
  expect_eq(SignalAction_r(0, stub, SIGUSR1, &flags, nullptr), -EINVAL, "SignalAction: unknown flag");
  qrv_sigaction ign = {QRV_SIG_IGN, 0, 0};
  expect_eq(SignalAction_r(0, nullptr, SIGUSR2, &ign, nullptr), 0, "SignalAction: SIG_IGN needs no sigstub");
  expect_eq(sigaction(SIGUSR2, &good, nullptr), 0, "sigaction: back to SIG_DFL");
  errno = 0;
  expect(sigaction(0, &good, nullptr) == -1 && errno == EINVAL, "sigaction: signal 0 is EINVAL");
  expect(signal(SIGKILL, count_handler) == SIG_ERR && errno == EINVAL, "signal: SIGKILL is SIG_ERR");

  const uint64_t usr1 = bit(SIGUSR1);
  uint64_t oldset = 0;
  expect_eq(SignalProcmask_r(9999, 0, SIG_BLOCK, &usr1, nullptr), -ESRCH, "SignalProcmask: another pid");
  expect_eq(SignalProcmask_r(0, 100, SIG_BLOCK, &usr1, nullptr), -ESRCH, "SignalProcmask: no thread 100");
  expect_eq(SignalProcmask_r(0, 999, SIG_BLOCK, &usr1, nullptr), -ESRCH, "SignalProcmask: tid 999");
  expect_eq(SignalProcmask_r(0, -1, SIG_BLOCK, &usr1, nullptr), -ESRCH, "SignalProcmask: tid -1");
  expect_eq(SignalProcmask_r(0, 0, 7, &usr1, nullptr), -EINVAL, "SignalProcmask: how 7");
  expect_eq(SignalProcmask_r(0, 0, 7, nullptr, &oldset), 0, "SignalProcmask: how is ignored without a set");
  expect_eq(SignalProcmask_r(0, 0, SIG_BLOCK, reinterpret_cast<const uint64_t*>(kUnmapped), nullptr), -EFAULT,
            "SignalProcmask: set unmapped");
  expect_eq(SignalProcmask_r(0, 0, SIG_BLOCK, &usr1, reinterpret_cast<uint64_t*>(kKernelAddress)), -EFAULT,
            "SignalProcmask: oldset in the kernel");
  expect_eq(static_cast<long>(current_mask()), 0, "a failed SignalProcmask changed nothing");
  const uint64_t all = ~uint64_t{0};
  expect_eq(SignalProcmask_r(0, 1, SIG_SETMASK, &all, nullptr), 0, "SignalProcmask: block everything (tid 1)");
  expect_eq(static_cast<long>(current_mask()), static_cast<long>(~(bit(SIGKILL) | bit(SIGSTOP))),
            "SIGKILL and SIGSTOP cannot be blocked");
  const uint64_t none = 0;
  expect_eq(pthread_sigmask(SIG_SETMASK, &none, nullptr), 0, "pthread_sigmask: unblock everything");
  expect_eq(pthread_sigmask(9, &none, nullptr), EINVAL, "pthread_sigmask: bad how is an error number");

  expect_eq(SignalKill_r(0, 0, 999, SIGUSR1, 0, 0), -ESRCH, "SignalKill: tid 999");
  expect_eq(SignalKill_r(0, 0, -1, SIGUSR1, 0, 0), -ESRCH, "SignalKill: tid -1");
  expect_eq(SignalKill_r(0, 0, 77, SIGUSR1, 0, 0), -ESRCH, "SignalKill: no thread 77");
  expect_eq(pthread_kill(0, SIGUSR1), ESRCH, "pthread_kill: no such thread");

  expect_eq(SignalReturn_r(nullptr), -EFAULT, "SignalReturn: NULL");
  expect_eq(SignalReturn_r(reinterpret_cast<const void*>(kUnmapped)), -EFAULT, "SignalReturn: unmapped");
  expect_eq(SignalReturn_r(reinterpret_cast<const void*>(kKernelAddress)), -EFAULT, "SignalReturn: kernel");
  qrv_sigcontext ctx = {};
  ctx.signo = SIGUSR1;
  ctx.regs[0] = kKernelAddress + 0x1000;
  expect_eq(SignalReturn_r(&ctx), -EINVAL, "SignalReturn: pc in the kernel");
  ctx.regs[0] = reinterpret_cast<uintptr_t>(&count_handler) + 1;
  expect_eq(SignalReturn_r(&ctx), -EINVAL, "SignalReturn: odd pc");
  ctx.regs[0] = 0;
  expect_eq(SignalReturn_r(&ctx), -EINVAL, "SignalReturn: pc 0");
  ctx.regs[0] = reinterpret_cast<uintptr_t>(&count_handler);
  ctx.reserved = 1;
  expect_eq(SignalReturn_r(&ctx), -EINVAL, "SignalReturn: reserved field");
  ctx.reserved = 0;
  ctx.signo = 0;
  expect_eq(SignalReturn_r(&ctx), -EINVAL, "SignalReturn: signal 0");
}

// ---- a forged context: SignalReturn resumes any user pc, as the user, and
// cannot block SIGKILL.
jmp_buf g_forged_jmp;
volatile int g_landed = 0;
alignas(16) char g_forged_stack[4096];

extern "C" void forged_landing() {
  g_landed = 1;
  longjmp(g_forged_jmp, 1);
}

void forged_context() {
  qrv_sigcontext ctx = {};
  ctx.signo = SIGUSR1;
  ctx.regs[0] = reinterpret_cast<uintptr_t>(&forged_landing);
  ctx.regs[2] = reinterpret_cast<uintptr_t>(g_forged_stack + sizeof g_forged_stack);
  asm volatile("mv %0, gp" : "=r"(ctx.regs[3]));
  asm volatile("mv %0, tp" : "=r"(ctx.regs[4]));
  ctx.mask = ~uint64_t{0};
  if (setjmp(g_forged_jmp) == 0) {
    SignalReturn_r(&ctx);
    expect(false, "SignalReturn with a good forged context returned");
  }
  expect(g_landed == 1, "a forged context resumes at its user pc");
  expect_eq(static_cast<long>(current_mask()), static_cast<long>(~(bit(SIGKILL) | bit(SIGSTOP))),
            "a forged mask cannot block SIGKILL or SIGSTOP");
  const sigset_t none = 0;
  sigprocmask(SIG_SETMASK, &none, nullptr);
}

// ---- handlers, SIG_IGN, pending while blocked, SA_RESETHAND, SA_NODEFER, nesting
volatile int g_order[8];
volatile int g_order_len = 0;
volatile int g_depth = 0;
volatile int g_max_depth = 0;

void note(int what) {
  if (g_order_len < 8) g_order[g_order_len] = what;
  g_order_len = g_order_len + 1;
}

void usr2_inner(int) { note(2); }

void usr1_outer(int) {
  note(1);
  raise(SIGUSR2);  // nested: runs now, inside this handler
  note(3);
}

void recursive(int signo) {
  g_depth = g_depth + 1;
  if (g_depth > g_max_depth) g_max_depth = g_depth;
  g_count = g_count + 1;
  if (g_count < 3) raise(signo);
  g_depth = g_depth - 1;
}

void handlers() {
  reset_counts();
  expect_eq(install(SIGUSR1, count_handler, 0, bit(SIGUSR2)), 0, "sigaction SIGUSR1");
  expect_eq(raise(SIGUSR1), 0, "raise SIGUSR1");
  expect(g_count == 1 && g_last == SIGUSR1, "the handler ran with SIGUSR1");
  expect(g_where == pthread_self(), "raise: on the calling thread");
  expect_eq(static_cast<long>(g_mask_inside), static_cast<long>(bit(SIGUSR1) | bit(SIGUSR2)),
            "inside: the signal and sa_mask are blocked");
  expect_eq(static_cast<long>(current_mask()), 0, "after: the mask is back");
  expect_eq(kill(0, SIGUSR1), 0, "kill(0) SIGUSR1");
  expect(g_count == 2, "a process-directed signal reached the only thread");

  struct sigaction old = {};
  expect_eq(install(SIGUSR2, SIG_IGN), 0, "SIGUSR2 ignored");
  expect_eq(raise(SIGUSR2), 0, "raise an ignored signal");
  sigaction(SIGUSR2, nullptr, &old);
  expect(old.sa_handler == SIG_IGN, "sigaction reports SIG_IGN");

  reset_counts();
  block(SIGUSR1);
  raise(SIGUSR1);
  raise(SIGUSR1);
  expect(g_count == 0, "a blocked signal waits");
  unblock(SIGUSR1);
  expect(g_count == 1, "it arrives once when unblocked (signals do not queue)");

  // A blocked signal with the default action ends the process only when
  // unblocked; ignoring it meanwhile discards it.
  block(SIGTERM);
  raise(SIGTERM);
  expect(true, "a blocked SIGTERM waits");
  install(SIGTERM, SIG_IGN);
  unblock(SIGTERM);
  expect(true, "ignoring a pending signal discards it");
  install(SIGTERM, SIG_DFL);

  reset_counts();
  expect_eq(install(SIGUSR2, count_handler, SA_RESETHAND), 0, "sigaction SA_RESETHAND");
  raise(SIGUSR2);
  sigaction(SIGUSR2, nullptr, &old);
  expect(g_count == 1 && old.sa_handler == SIG_DFL, "SA_RESETHAND: ran once, then SIG_DFL");
  expect(signal(SIGUSR2, count_handler) == SIG_DFL, "signal returns the old handler");
  raise(SIGUSR2);
  expect(g_count == 2 && signal(SIGUSR2, SIG_DFL) == count_handler, "signal keeps its handler");

  g_order_len = 0;
  install(SIGUSR1, usr1_outer);
  install(SIGUSR2, usr2_inner);
  raise(SIGUSR1);
  expect(g_order_len == 3 && g_order[0] == 1 && g_order[1] == 2 && g_order[2] == 3,
         "a signal raised in a handler nests inside it");

  reset_counts();
  g_max_depth = 0;
  install(SIGUSR1, recursive);
  raise(SIGUSR1);
  expect(g_count == 3 && g_max_depth == 1, "without SA_NODEFER a handler's own signal waits for it");
  reset_counts();
  g_max_depth = 0;
  install(SIGUSR1, recursive, SA_NODEFER);
  raise(SIGUSR1);
  expect(g_count == 3 && g_max_depth == 3, "SA_NODEFER: the handler nests in itself");

  // Two signals pending at once are delivered one inside the other.
  reset_counts();
  install(SIGUSR1, count_handler);
  install(SIGUSR2, count_handler);
  const sigset_t both = bit(SIGUSR1) | bit(SIGUSR2);
  sigprocmask(SIG_BLOCK, &both, nullptr);
  raise(SIGUSR1);
  raise(SIGUSR2);
  sigprocmask(SIG_UNBLOCK, &both, nullptr);
  expect(g_count == 2, "two pending signals both arrive");
  install(SIGUSR1, SIG_DFL);
  install(SIGUSR2, SIG_DFL);
}

// ---- registers across a signal taken while spinning
void clobbering_handler(int) {
  asm volatile(
      ".irp n, 0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31\n"
      "fmv.d.x f\\n, zero\n"
      ".endr\n"
      "li t0, -1\n li t1, -1\n li t2, -1\n li t3, -1\n li t4, -1\n li t5, -1\n li t6, -1\n"
      "li a1, -1\n li a2, -1\n li a3, -1\n li a4, -1\n li a5, -1\n li a6, -1\n li a7, -1\n" ::
          : "t0", "t1", "t2", "t3", "t4", "t5", "t6", "a1", "a2", "a3", "a4", "a5", "a6", "a7", "f0", "f1",
            "f2", "f3", "f4", "f5", "f6", "f7", "f8", "f9", "f10", "f11", "f12", "f13", "f14", "f15", "f16", "f17",
            "f18", "f19", "f20", "f21", "f22", "f23", "f24", "f25", "f26", "f27", "f28", "f29", "f30", "f31");
  g_where = pthread_self();
  g_spin_flag = 1;
}

void* send_usr1_soon(void*) {
  sleep_ms(30);
  SignalKill_r(0, 0, 0, SIGUSR1, 0, 0);  // to the process: only the spinner takes it
  return nullptr;
}

void registers() {
  install(SIGUSR1, clobbering_handler);
  g_spin_flag = 0;
  g_where = 0;
  block(SIGUSR1);
  pthread_t sender;
  pthread_create(&sender, nullptr, send_usr1_soon, nullptr);  // inherits the block
  unblock(SIGUSR1);
  const int changed = spin_check();
  expect_eq(changed, 0, "every register is intact after a handler that clobbers them");
  expect(g_where == pthread_self(), "the handler ran on the spinning thread");
  pthread_join(sender, nullptr);
  install(SIGUSR1, SIG_DFL);
}

// ---- EINTR: a thread blocked in each interruptible call is interrupted by
// SIGUSR1 sent to the process (the other threads block it), after its handler.
enum class Call { kNanosleep, kJoin, kReceive, kSend, kReply, kReplyUnblock };

struct Victim {
  Call call;
  int chid = -1;
  int coid = -1;
  volatile long result = 0;
  volatile int error = 0;
  volatile bool done = false;
  volatile bool handled_here = false;
  struct timespec rem = {0, 0};
};

volatile bool g_release = false;

void* victim_main(void* arg) {
  auto* v = static_cast<Victim*>(arg);
  long r = 0;
  char msg[8] = "ping";
  char reply[8] = {};
  switch (v->call) {
    case Call::kNanosleep: {
      const struct timespec ts = {5, 0};
      r = nanosleep(&ts, &v->rem);
      break;
    }
    case Call::kJoin:
      r = ThreadJoin(1, nullptr);  // the main thread, which outlives the test (and blocks SIGUSR1)
      break;
    case Call::kReceive:
      r = MsgReceive(v->chid, msg, sizeof msg, nullptr);
      break;
    case Call::kSend:
    case Call::kReply:
    case Call::kReplyUnblock:
      r = MsgSend(v->coid, msg, sizeof msg, reply, sizeof reply);
      break;
  }
  v->result = r;
  v->error = errno;
  v->handled_here = g_where == pthread_self();
  v->done = true;
  return nullptr;
}

// A server thread (blocks SIGUSR1): receives one message and holds it; on an
// UNBLOCK channel it answers the unblock pulse with MsgError(EINTR).
struct Server {
  int chid = -1;
  bool unblock_channel = false;
  volatile int rcvid = 0;
  volatile bool received = false;
  volatile int pulse_code = 0;
  volatile int pulse_value = 0;
  volatile long late_reply = 0;
};

void* server_main(void* arg) {
  auto* s = static_cast<Server*>(arg);
  char buf[32];
  s->rcvid = MsgReceive(s->chid, buf, sizeof buf, nullptr);
  s->received = true;
  if (s->unblock_channel) {
    struct _pulse p = {};
    if (MsgReceive(s->chid, &p, sizeof p, nullptr) == 0) {
      s->pulse_code = p.code;
      s->pulse_value = p.value.sival_int;
      MsgError(s->rcvid, EINTR);
    }
    return nullptr;
  }
  while (!g_release) sleep_ms(5);
  s->late_reply = MsgReply_r(s->rcvid, 0, nullptr, 0);
  return nullptr;
}

void interrupt(Call call, const char* name) {
  char what[96];
  install(SIGUSR1, count_handler);
  reset_counts();
  g_release = false;
  Victim v;
  v.call = call;
  Server s;
  pthread_t server = 0;
  if (call != Call::kNanosleep && call != Call::kJoin) {
    s.unblock_channel = call == Call::kReplyUnblock;
    s.chid = ChannelCreate(s.unblock_channel ? _NTO_CHF_UNBLOCK : 0);
    v.chid = s.chid;
    v.coid = ConnectAttach(0, 0, s.chid, _NTO_SIDE_CHANNEL, 0);
  }
  pthread_t victim;
  pthread_create(&victim, nullptr, victim_main, &v);  // does not block SIGUSR1
  block(SIGUSR1);
  if (call == Call::kReply || call == Call::kReplyUnblock) {
    pthread_create(&server, nullptr, server_main, &s);  // inherits the block
    while (!s.received) sleep_ms(5);
  }
  // Until the call ends: one signal, if it came before the victim blocked,
  // is taken at its way into the call and the next one interrupts it.
  for (int tries = 0; !v.done && tries < 200; ++tries) {
    if (tries % 4 == 0) SignalKill_r(0, 0, 0, SIGUSR1, 0, 0);
    sleep_ms(10);
  }
  snprintf(what, sizeof what, "%s: interrupted with EINTR", name);
  expect(v.done && v.result == -1 && v.error == EINTR, what);
  snprintf(what, sizeof what, "%s: the handler ran first, on that thread", name);
  expect(v.handled_here && g_count >= 1 && g_last == SIGUSR1, what);
  if (call == Call::kNanosleep) {
    expect(v.rem.tv_sec < 5 && (v.rem.tv_sec > 0 || v.rem.tv_nsec > 0), "nanosleep: *rem holds the time left");
  }
  if (call == Call::kReplyUnblock) {
    expect(s.pulse_code == _PULSE_CODE_UNBLOCK && s.pulse_value == s.rcvid,
           "UNBLOCK channel: the server got the unblock pulse with the rcvid");
  }
  g_release = true;
  pthread_join(victim, nullptr);
  if (server != 0) pthread_join(server, nullptr);
  if (call == Call::kReply) expect_eq(s.late_reply, -ESRCH, "a reply to the interrupted client is ESRCH");
  if (s.chid >= 0) {
    ConnectDetach(v.coid);
    ChannelDestroy(s.chid);
  }
  unblock(SIGUSR1);  // a signal sent after the call ended lands here
  install(SIGUSR1, SIG_DFL);
}

// ---- a timer's signal interrupts a sleep
void timer_signal() {
  install(SIGALRM, count_handler);
  reset_counts();
  struct sigevent ev = {};
  ev.sigev_notify = SIGEV_SIGNAL;
  ev.sigev_signo = SIGALRM;
  const int t = TimerCreate_r(CLOCK_MONOTONIC, &ev);
  const struct _itimer arm = {50000000, 0};
  TimerSettime_r(t, 0, &arm, nullptr);
  const struct timespec ts = {5, 0};
  struct timespec rem = {0, 0};
  errno = 0;
  const int r = nanosleep(&ts, &rem);
  expect(r == -1 && errno == EINTR && g_count == 1 && g_last == SIGALRM,
         "a timer's SIGALRM runs its handler and interrupts nanosleep");
  expect(rem.tv_sec >= 4, "the sleep was cut short early");
  TimerDestroy_r(t);
  install(SIGALRM, SIG_DFL);
}

void bad_handler() {
  install(SIGUSR1, reinterpret_cast<void (*)(int)>(kUnmapped));
  raise(SIGUSR1);
  printf("FAIL: a handler at an unmapped address returned\n");
}

void bad_stack() {
  install(SIGUSR1, count_handler);
  // SignalKill(0, 0, 0, SIGUSR1) with sp on an unmapped page: delivery has
  // nowhere to save the context.
  asm volatile(
      "mv s1, sp\n"
      "mv sp, %0\n"
      "li a7, %1\n li a0, 0\n li a1, 0\n li a2, 0\n li a3, %2\n li a4, 0\n li a5, 0\n"
      "ecall\n"
      "mv sp, s1\n" ::"r"(kUnmapped),
      "i"(__KER_SIGNAL_KILL), "i"(SIGUSR1)
      : "s1", "a0", "a1", "a2", "a3", "a4", "a5", "a7", "memory");
  printf("FAIL: a signal on a bad stack returned\n");
}
}  // namespace

int main(int, char** argv) {
  if (strcmp(argv[0], "sigaction_bad_handler") == 0) {
    bad_handler();
    return 1;
  }
  if (strcmp(argv[0], "sigaction_bad_stack") == 0) {
    bad_stack();
    return 1;
  }
  bad_arguments();
  forged_context();
  handlers();
  registers();
  interrupt(Call::kNanosleep, "nanosleep");
  interrupt(Call::kJoin, "ThreadJoin");
  interrupt(Call::kReceive, "MsgReceive");
  interrupt(Call::kSend, "MsgSend (SEND-blocked)");
  interrupt(Call::kReply, "MsgSend (REPLY-blocked)");
  interrupt(Call::kReplyUnblock, "MsgSend (REPLY-blocked, UNBLOCK channel)");
  timer_signal();
  // Every catchable signal handled and blocked: SIGKILL still ends us.
  for (int signo = 1; signo <= 64; ++signo) {
    if (signo != SIGKILL && signo != SIGSTOP) install(signo, count_handler);
  }
  const sigset_t all = ~sigset_t{0};
  sigprocmask(SIG_SETMASK, &all, nullptr);
  qrv_test::report("sigaction_test");
  fflush(stdout);
  kill(0, SIGKILL);
  printf("FAIL: still running after SIGKILL\n");
  return 1;
}
