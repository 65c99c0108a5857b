// A user program that feeds every implemented kernel call bad arguments and
// checks each answers the exact error, never a crash: null, kernel, unmapped,
// read-only and misaligned pointers (EFAULT, or EINVAL where alignment is the
// rule), absurd lengths and times, out-of-range and too-wide ids and numbers
// (EINVAL, ESRCH), and unknown call numbers (ENOSYS). Calls go through a raw
// ecall so every register holds exactly what the test says. Then it faults on
// purpose with a store to page 0, which must kill it with a report and nothing
// else. (The message-passing calls and TimerTimeout are covered by their own
// tests.)
#include <errno.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/neutrino.h>
#include <time.h>

#include "user/tests/check.h"
#include "user/tests/raw_call.h"

using qrv_test::expect;
using qrv_test::expect_eq;

namespace {
constexpr long kKernel = static_cast<long>(0xffffffc080200000ul);  // kernel text
constexpr long kUnmapped = 0x3000000000l;                          // user half, nothing there
constexpr long kUserTop = 1l << 38;                                 // first address past user space
constexpr long kPage0 = 0x10;
constexpr long kWide = 1l << 32;  // added to a small number: wrong unless checked before narrowing

using qrv_test::ker;

template <typename T>
long ptr(T* p) {
  return static_cast<long>(reinterpret_cast<uintptr_t>(p));
}

// Read-only data (.rodata): readable, never writable from user mode. (Over
// 8 bytes each: smaller constants go to .srodata, which links with .sdata.)
const sync_t kReadOnlySync[2] = {{0, 0}, {0, 0}};
const qrv_timespec kReadOnlyTime = {0, 1};

// A thread started by a raw ThreadCreate: it has no libc thread block, so it
// only makes a kernel call: it ends with its argument as its value.
void* raw_thread(void* arg) {
  ker(__KER_THREAD_DESTROY, 0, -1, ptr(arg));
  __builtin_trap();
}

alignas(16) unsigned char g_stack[8192];

qrv_thread_attr good_attr() { return {reinterpret_cast<uintptr_t>(g_stack), sizeof g_stack, 0, 0, 0, 0}; }

long create(const qrv_thread_attr& a, long pid = 0, long func = ptr(&raw_thread)) {
  return ker(__KER_THREAD_CREATE, pid, func, 0, ptr(&a));
}

void debug_console_write() {
  char buf[8] = "ok\n";
  expect_eq(ker(__KER_DEBUG_CONSOLE_WRITE, kKernel, 16), -EFAULT, "DebugConsoleWrite: kernel pointer");
  expect_eq(ker(__KER_DEBUG_CONSOLE_WRITE, kUnmapped, 8), -EFAULT, "DebugConsoleWrite: unmapped pointer");
  expect_eq(ker(__KER_DEBUG_CONSOLE_WRITE, kPage0, 8), -EFAULT, "DebugConsoleWrite: page 0");
  expect_eq(ker(__KER_DEBUG_CONSOLE_WRITE, kUserTop - 4, 8), -EFAULT, "DebugConsoleWrite: past user space");
  expect_eq(ker(__KER_DEBUG_CONSOLE_WRITE, ptr(buf), ~0l), -EINVAL, "DebugConsoleWrite: huge length");
  expect_eq(ker(__KER_DEBUG_CONSOLE_WRITE, ptr(buf), (1l << 20) + 1), -EINVAL,
            "DebugConsoleWrite: length over 1 MiB");
  expect_eq(ker(__KER_DEBUG_CONSOLE_WRITE, 0, 0), 0, "DebugConsoleWrite: zero length");
  expect_eq(ker(__KER_DEBUG_CONSOLE_WRITE, ptr(buf + 1), 0), 0, "DebugConsoleWrite: misaligned, empty");
}

void thread_calls() {
  qrv_thread_attr a = good_attr();
  expect_eq(ker(__KER_THREAD_CREATE, 0, ptr(&raw_thread), 0, 0), -EFAULT, "ThreadCreate: null attr");
  expect_eq(ker(__KER_THREAD_CREATE, 0, ptr(&raw_thread), 0, kKernel), -EFAULT, "ThreadCreate: kernel attr");
  expect_eq(ker(__KER_THREAD_CREATE, 0, ptr(&raw_thread), 0, kUnmapped), -EFAULT, "ThreadCreate: unmapped attr");
  expect_eq(create(a, 9999), -ESRCH, "ThreadCreate: another process");
  expect_eq(create(a, -1), -ESRCH, "ThreadCreate: pid -1");
  expect_eq(create(a, 0, 0), -EINVAL, "ThreadCreate: null function");
  expect_eq(create(a, 0, kKernel), -EINVAL, "ThreadCreate: kernel function");
  expect_eq(create(a, 0, ptr(&raw_thread) + 1), -EINVAL, "ThreadCreate: odd function address");
  a = good_attr();
  a.stack_size = 16;
  expect_eq(create(a), -EINVAL, "ThreadCreate: tiny stack");
  a = good_attr();
  a.stack_base = static_cast<uint64_t>(kKernel);
  expect_eq(create(a), -EINVAL, "ThreadCreate: stack in the kernel");
  a = good_attr();
  a.stack_size = ~uint64_t{0} - 8;
  expect_eq(create(a), -EINVAL, "ThreadCreate: stack size wraps");
  a = good_attr();
  a.stack_base = static_cast<uint64_t>(kUserTop) - 4096;
  a.stack_size = 8192;
  expect_eq(create(a), -EINVAL, "ThreadCreate: stack past user space");
  a = good_attr();
  a.stack_size -= 8;
  expect_eq(create(a), -EINVAL, "ThreadCreate: misaligned stack top");
  a = good_attr();
  a.priority = 256;
  expect_eq(create(a), -EINVAL, "ThreadCreate: priority 256");
  a.priority = -1;
  expect_eq(create(a), -EINVAL, "ThreadCreate: priority -1");
  a = good_attr();
  a.policy = 7;
  expect_eq(create(a), -EINVAL, "ThreadCreate: unknown policy");
  a = good_attr();
  a.flags = 1;
  expect_eq(create(a), -EINVAL, "ThreadCreate: unknown flags");
  a = good_attr();
  a.reserved = 1;
  expect_eq(create(a), -EINVAL, "ThreadCreate: reserved not zero");

  // A good attribute block at an odd address is still good (it is copied).
  alignas(8) unsigned char raw[sizeof(qrv_thread_attr) + 1];
  a = good_attr();
  memcpy(raw + 1, &a, sizeof a);
  const long tid = ker(__KER_THREAD_CREATE, 0, ptr(&raw_thread), 77, ptr(raw + 1));
  expect(tid > 1, "ThreadCreate: misaligned attr copies in");
  expect_eq(ker(__KER_THREAD_JOIN, tid, kKernel), -EFAULT, "ThreadJoin: status into the kernel");
  expect_eq(ker(__KER_THREAD_JOIN, tid, ptr(&kReadOnlyTime)), -EFAULT, "ThreadJoin: status into rodata");
  uint64_t value = 0;
  expect_eq(ker(__KER_THREAD_JOIN, tid, ptr(&value)), 0, "ThreadJoin: a bad status left it joinable");
  expect_eq(static_cast<long>(value), 77, "ThreadJoin: its value");
  expect_eq(ker(__KER_THREAD_JOIN, tid, 0), -ESRCH, "ThreadJoin: joined already");

  expect_eq(ker(__KER_THREAD_JOIN, 0, 0), -ESRCH, "ThreadJoin: tid 0");
  expect_eq(ker(__KER_THREAD_JOIN, -1, 0), -ESRCH, "ThreadJoin: tid -1");
  expect_eq(ker(__KER_THREAD_JOIN, 100, 0), -ESRCH, "ThreadJoin: unused tid");
  expect_eq(ker(__KER_THREAD_JOIN, 129, 0), -ESRCH, "ThreadJoin: tid past the limit");
  expect_eq(ker(__KER_THREAD_JOIN, 1000, 0), -ESRCH, "ThreadJoin: tid 1000");
  expect_eq(ker(__KER_THREAD_JOIN, kWide + 1, 0), -ESRCH, "ThreadJoin: 2^32 + 1 is not tid 1");
  expect_eq(ker(__KER_THREAD_JOIN, 1, 0), -EDEADLK, "ThreadJoin: oneself");

  expect_eq(ker(__KER_THREAD_DESTROY, 5, -1, 0), -EINVAL, "ThreadDestroy: another thread");
  expect_eq(ker(__KER_THREAD_DESTROY, -2, -1, 0), -EINVAL, "ThreadDestroy: tid -2");
  expect_eq(ker(__KER_THREAD_DESTROY, kWide + 1, -1, 0), -EINVAL, "ThreadDestroy: 2^32 + 1 is not tid 1");
}

void sched_calls() {
  expect_eq(ker(__KER_SCHED_YIELD, -1, kKernel, -1), 0, "SchedYield: ignores its registers");
  qrv_sched_param p = {0, 0};
  const long policy = ker(__KER_SCHED_GET, 0, 0, ptr(&p));
  expect(policy >= 0 && p.sched_priority >= 1, "SchedGet: oneself");
  expect(ker(__KER_SCHED_GET, 0, 1, 0) == policy, "SchedGet: tid 1, no param");
  expect_eq(ker(__KER_SCHED_GET, 9999, 0, 0), -ESRCH, "SchedGet: another process");
  expect_eq(ker(__KER_SCHED_GET, 0, -1, 0), -ESRCH, "SchedGet: tid -1");
  expect_eq(ker(__KER_SCHED_GET, 0, 100, 0), -ESRCH, "SchedGet: unused tid");
  expect_eq(ker(__KER_SCHED_GET, 0, 129, 0), -ESRCH, "SchedGet: tid past the limit");
  expect_eq(ker(__KER_SCHED_GET, 0, kWide + 1, 0), -ESRCH, "SchedGet: 2^32 + 1 is not tid 1");
  expect_eq(ker(__KER_SCHED_GET, 0, 0, kKernel), -EFAULT, "SchedGet: param into the kernel");
  expect_eq(ker(__KER_SCHED_GET, 0, 0, ptr(&kReadOnlyTime)), -EFAULT, "SchedGet: param into rodata");
  alignas(8) unsigned char raw[sizeof(qrv_sched_param) + 1];
  expect(ker(__KER_SCHED_GET, 0, 0, ptr(raw + 1)) == policy, "SchedGet: misaligned param copies out");

  expect_eq(ker(__KER_SCHED_SET, 0, 0, 7, ptr(&p)), -EINVAL, "SchedSet: unknown policy");
  expect_eq(ker(__KER_SCHED_SET, 0, 0, -1, ptr(&p)), -EINVAL, "SchedSet: policy -1");
  expect_eq(ker(__KER_SCHED_SET, 0, 0, policy, 0), -EFAULT, "SchedSet: null param");
  expect_eq(ker(__KER_SCHED_SET, 0, 0, policy, kKernel), -EFAULT, "SchedSet: kernel param");
  qrv_sched_param bad = {0, 0};
  expect_eq(ker(__KER_SCHED_SET, 0, 0, policy, ptr(&bad)), -EINVAL, "SchedSet: priority 0");
  bad.sched_priority = 256;
  expect_eq(ker(__KER_SCHED_SET, 0, 0, policy, ptr(&bad)), -EINVAL, "SchedSet: priority 256");
  expect_eq(ker(__KER_SCHED_SET, 9999, 0, policy, ptr(&p)), -ESRCH, "SchedSet: another process");
  expect_eq(ker(__KER_SCHED_SET, 0, 100, policy, ptr(&p)), -ESRCH, "SchedSet: unused tid");
  expect_eq(ker(__KER_SCHED_SET, 0, 0, policy, ptr(&p)), 0, "SchedSet: oneself, unchanged");
}

void clock_calls() {
  uint64_t now = 0;
  expect(ker(__KER_CLOCK_TIME, CLOCK_MONOTONIC, 0, ptr(&now)) == 0 && now != 0, "ClockTime reads");
  expect_eq(ker(__KER_CLOCK_TIME, 2, 0, ptr(&now)), -EINVAL, "ClockTime: unknown clock");
  expect_eq(ker(__KER_CLOCK_TIME, -1, 0, ptr(&now)), -EINVAL, "ClockTime: clock -1");
  expect_eq(ker(__KER_CLOCK_TIME, CLOCK_REALTIME, ptr(&now), 0), -EPERM, "ClockTime: setting the clock");
  expect_eq(ker(__KER_CLOCK_TIME, CLOCK_MONOTONIC, 0, kKernel + 0x9000), -EFAULT, "ClockTime: into the kernel");
  expect_eq(ker(__KER_CLOCK_TIME, CLOCK_MONOTONIC, 0, 0x10000), -EFAULT, "ClockTime: into read-only text");
  expect_eq(ker(__KER_CLOCK_TIME, CLOCK_MONOTONIC, 0, kUnmapped), -EFAULT, "ClockTime: unmapped");
  alignas(8) unsigned char raw[sizeof(uint64_t) + 1];
  expect_eq(ker(__KER_CLOCK_TIME, CLOCK_MONOTONIC, 0, ptr(raw + 1)), 0, "ClockTime: misaligned copies out");

  const qrv_timespec tiny = {0, 1000};
  expect_eq(ker(__KER_CLOCK_NANOSLEEP, 2, 0, ptr(&tiny), 0), -EINVAL, "ClockNanosleep: unknown clock");
  expect_eq(ker(__KER_CLOCK_NANOSLEEP, CLOCK_MONOTONIC, 1, ptr(&tiny), 0), -EINVAL, "ClockNanosleep: flags");
  expect_eq(ker(__KER_CLOCK_NANOSLEEP, CLOCK_MONOTONIC, 0, 0, 0), -EFAULT, "ClockNanosleep: null request");
  expect_eq(ker(__KER_CLOCK_NANOSLEEP, CLOCK_MONOTONIC, 0, kKernel, 0), -EFAULT, "ClockNanosleep: kernel request");
  const qrv_timespec bad_ns = {0, 1000000000};
  expect_eq(ker(__KER_CLOCK_NANOSLEEP, CLOCK_MONOTONIC, 0, ptr(&bad_ns), 0), -EINVAL, "ClockNanosleep: 1e9 ns");
  const qrv_timespec neg_ns = {0, -1};
  expect_eq(ker(__KER_CLOCK_NANOSLEEP, CLOCK_MONOTONIC, 0, ptr(&neg_ns), 0), -EINVAL, "ClockNanosleep: -1 ns");
  const qrv_timespec neg_s = {-1, 0};
  expect_eq(ker(__KER_CLOCK_NANOSLEEP, CLOCK_MONOTONIC, 0, ptr(&neg_s), 0), -EINVAL, "ClockNanosleep: -1 s");
  expect_eq(ker(__KER_CLOCK_NANOSLEEP, CLOCK_MONOTONIC, 0, ptr(&kReadOnlyTime), kKernel), -EFAULT,
            "ClockNanosleep: remainder into the kernel");
  alignas(8) unsigned char req[sizeof(qrv_timespec) + 1];
  memcpy(req + 1, &tiny, sizeof tiny);
  expect_eq(ker(__KER_CLOCK_NANOSLEEP, CLOCK_MONOTONIC, 0, ptr(req + 1), 0), 0,
            "ClockNanosleep: misaligned request copies in");
}

void timer_calls() {
  qrv_sigevent ev = {};
  ev.sigev_notify = QRV_SIGEV_NONE;
  expect_eq(ker(__KER_TIMER_CREATE, 5, ptr(&ev)), -EINVAL, "TimerCreate: unknown clock");
  expect_eq(ker(__KER_TIMER_CREATE, CLOCK_MONOTONIC, 0), -EFAULT, "TimerCreate: null event");
  expect_eq(ker(__KER_TIMER_CREATE, CLOCK_MONOTONIC, kKernel), -EFAULT, "TimerCreate: kernel event");
  ev.sigev_notify = QRV_SIGEV_SIGNAL;
  ev.sigev_signo_or_coid = 0;
  expect_eq(ker(__KER_TIMER_CREATE, CLOCK_MONOTONIC, ptr(&ev)), -EINVAL, "TimerCreate: signal 0");
  ev.sigev_signo_or_coid = 65;
  expect_eq(ker(__KER_TIMER_CREATE, CLOCK_MONOTONIC, ptr(&ev)), -EINVAL, "TimerCreate: signal 65");
  ev.sigev_notify = 99;
  expect_eq(ker(__KER_TIMER_CREATE, CLOCK_MONOTONIC, ptr(&ev)), -EINVAL, "TimerCreate: unknown notify");
  ev = {};
  const long id = ker(__KER_TIMER_CREATE, CLOCK_MONOTONIC, ptr(&ev));
  expect(id >= 0, "TimerCreate: SIGEV_NONE");

  const _itimer arm = {1000000000ull, 0};  // a second: it never fires here
  _itimer old = {};
  expect_eq(ker(__KER_TIMER_SETTIME, -1, 0, ptr(&arm), 0), -EINVAL, "TimerSettime: id -1");
  expect_eq(ker(__KER_TIMER_SETTIME, 16, 0, ptr(&arm), 0), -EINVAL, "TimerSettime: id 16");
  expect_eq(ker(__KER_TIMER_SETTIME, kWide + id, 0, ptr(&arm), 0), -EINVAL, "TimerSettime: id + 2^32");
  expect_eq(ker(__KER_TIMER_SETTIME, id + 1, 0, ptr(&arm), 0), -EINVAL, "TimerSettime: unused id");
  expect_eq(ker(__KER_TIMER_SETTIME, id, 1, ptr(&arm), 0), -EINVAL, "TimerSettime: unknown flags");
  expect_eq(ker(__KER_TIMER_SETTIME, id, 0, 0, 0), -EFAULT, "TimerSettime: null time");
  expect_eq(ker(__KER_TIMER_SETTIME, id, 0, kKernel, 0), -EFAULT, "TimerSettime: kernel time");
  expect_eq(ker(__KER_TIMER_SETTIME, id, 0, ptr(&arm), kKernel), -EFAULT, "TimerSettime: old into the kernel");
  const _itimer huge = {1ull << 63, 0};
  expect_eq(ker(__KER_TIMER_SETTIME, id, 0, ptr(&huge), 0), -EINVAL, "TimerSettime: 2^63 ns");
  const _itimer huge_interval = {1000, 1ull << 63};
  expect_eq(ker(__KER_TIMER_SETTIME, id, 0, ptr(&huge_interval), 0), -EINVAL, "TimerSettime: 2^63 ns interval");
  expect_eq(ker(__KER_TIMER_SETTIME, id, 0, ptr(&arm), ptr(&old)), 0, "TimerSettime: arms");
  const _itimer off = {0, 0};
  expect_eq(ker(__KER_TIMER_SETTIME, id, 0, ptr(&off), ptr(&old)), 0, "TimerSettime: disarms");
  expect(old.nsec > 0 && old.nsec <= arm.nsec, "TimerSettime: reports what was left");

  expect_eq(ker(__KER_TIMER_DESTROY, -1), -EINVAL, "TimerDestroy: id -1");
  expect_eq(ker(__KER_TIMER_DESTROY, 16), -EINVAL, "TimerDestroy: id 16");
  expect_eq(ker(__KER_TIMER_DESTROY, kWide + id), -EINVAL, "TimerDestroy: id + 2^32");
  expect_eq(ker(__KER_TIMER_DESTROY, id), 0, "TimerDestroy");
  expect_eq(ker(__KER_TIMER_DESTROY, id), -EINVAL, "TimerDestroy: twice");
  expect_eq(ker(__KER_TIMER_SETTIME, id, 0, ptr(&arm), 0), -EINVAL, "TimerSettime: destroyed");
}

void sync_calls() {
  sync_t m = {0, 0};
  sync_t c = {0, 0};
  const long misaligned = ptr(&m) + 2;
  const long calls[] = {__KER_SYNC_MUTEX_LOCK, __KER_SYNC_MUTEX_UNLOCK, __KER_SYNC_CONDVAR_SIGNAL};
  for (const long call : calls) {
    expect_eq(ker(call, 0, 0), -EFAULT, "Sync*: null");
    expect_eq(ker(call, kKernel, 0), -EFAULT, "Sync*: kernel pointer");
    expect_eq(ker(call, kUnmapped, 0), -EFAULT, "Sync*: unmapped");
    expect_eq(ker(call, kUserTop, 0), -EFAULT, "Sync*: just past user space");
    expect_eq(ker(call, misaligned, 0), -EINVAL, "Sync*: misaligned");
  }
  expect_eq(ker(__KER_SYNC_MUTEX_LOCK, ptr(&kReadOnlySync[0])), -EFAULT, "SyncMutexLock: read-only word");
  expect_eq(ker(__KER_SYNC_MUTEX_UNLOCK, ptr(&kReadOnlySync[0])), -EPERM, "SyncMutexUnlock: read-only free word");
  expect_eq(ker(__KER_SYNC_MUTEX_UNLOCK, ptr(&m)), -EPERM, "SyncMutexUnlock: free");
  expect_eq(ker(__KER_SYNC_MUTEX_LOCK, ptr(&m)), 0, "SyncMutexLock");
  expect_eq(ker(__KER_SYNC_MUTEX_LOCK, ptr(&m)), -EDEADLK, "SyncMutexLock: twice");
  expect_eq(m.count, 1, "SyncMutexLock: the word holds tid 1");
  expect_eq(ker(__KER_SYNC_MUTEX_UNLOCK, ptr(&m)), 0, "SyncMutexUnlock");
  m.count = 7;  // another thread's
  expect_eq(ker(__KER_SYNC_MUTEX_UNLOCK, ptr(&m)), -EPERM, "SyncMutexUnlock: another thread's");
  m.count = 0;

  expect_eq(ker(__KER_SYNC_CONDVAR_WAIT, 0, ptr(&m)), -EFAULT, "SyncCondvarWait: null condvar");
  expect_eq(ker(__KER_SYNC_CONDVAR_WAIT, kKernel, ptr(&m)), -EFAULT, "SyncCondvarWait: kernel condvar");
  expect_eq(ker(__KER_SYNC_CONDVAR_WAIT, ptr(&c) + 2, ptr(&m)), -EINVAL, "SyncCondvarWait: misaligned condvar");
  expect_eq(ker(__KER_SYNC_CONDVAR_WAIT, ptr(&c), misaligned), -EINVAL, "SyncCondvarWait: misaligned mutex");
  expect_eq(ker(__KER_SYNC_CONDVAR_WAIT, ptr(&c), 0), -EFAULT, "SyncCondvarWait: null mutex");
  expect_eq(ker(__KER_SYNC_CONDVAR_WAIT, ptr(&c), kKernel), -EFAULT, "SyncCondvarWait: kernel mutex");
  expect_eq(ker(__KER_SYNC_CONDVAR_WAIT, ptr(&c), ptr(&m)), -EPERM, "SyncCondvarWait: mutex not held");
  expect_eq(ker(__KER_SYNC_CONDVAR_SIGNAL, ptr(&c), 5), 0, "SyncCondvarSignal: nobody waits");
}

void signal_calls() {
  expect_eq(ker(__KER_SIGNAL_KILL, 1, 0, 0, 0), -EINVAL, "SignalKill: another node");
  expect_eq(ker(__KER_SIGNAL_KILL, 0, 0, 0, -1), -EINVAL, "SignalKill: signal -1");
  expect_eq(ker(__KER_SIGNAL_KILL, 0, 0, 0, 65), -EINVAL, "SignalKill: signal 65");
  expect_eq(ker(__KER_SIGNAL_KILL, 0, -5, 0, 0), -ESRCH, "SignalKill: pid -5");
  expect_eq(ker(__KER_SIGNAL_KILL, 0, 9999, 0, 0), -ESRCH, "SignalKill: no such pid");
  expect_eq(ker(__KER_SIGNAL_KILL, 0, kWide + 2, 0, 0), -ESRCH, "SignalKill: 2^32 + 2 is not pid 2");
  expect_eq(ker(__KER_SIGNAL_KILL, 0, 0, 0, 0), 0, "SignalKill: signal 0 to oneself");
  expect_eq(ker(__KER_SIGNAL_KILL, 0, 0, 0, 0, 1), -EINVAL, "SignalKill: si_code 1 is not a sender's");
  expect_eq(ker(__KER_SIGNAL_KILL, 0, 0, 0, 0, QRV_SI_QUEUE, kKernel), 0, "SignalKill: SI_QUEUE, any value");
  expect_eq(ker(__KER_SIGNAL_PROCMASK, 0, 0, QRV_SIG_PENDING, 0, kKernel), -EFAULT,
            "SignalProcmask(SIG_PENDING): kernel oldset");
  expect_eq(ker(__KER_SIGNAL_SUSPEND, kKernel), -EFAULT, "SignalSuspend: kernel set");
  expect_eq(ker(__KER_SIGNAL_SUSPEND, kUnmapped), -EFAULT, "SignalSuspend: unmapped set");
  expect_eq(ker(__KER_SIGNAL_WAITINFO, kPage0, 0), -EFAULT, "SignalWaitinfo: set in page 0");
  const uint64_t set = ~uint64_t{0};
  expect_eq(ker(__KER_SIGNAL_WAITINFO, ptr(&set), kKernel), -EFAULT, "SignalWaitinfo: kernel report");
  expect_eq(ker(__KER_SIGNAL_WAITINFO, ptr(&set), kUnmapped), -EFAULT, "SignalWaitinfo: unmapped report");
  expect_eq(ker(__KER_SIGNAL_ALTSTACK, kKernel, 0), -EFAULT, "SignalAltstack: kernel ss");
  expect_eq(ker(__KER_SIGNAL_ALTSTACK, 0, kUnmapped), -EFAULT, "SignalAltstack: unmapped oss");
}

// syscall_tm_priv is taskman's alone: every slot, in range or not, with any
// argument, is EPERM for an ordinary program (and never a fault).
void tm_priv_refused() {
  const long ids[] = {-1, QRV_KER_TM_COUNT, QRV_KER_TM_COUNT + 1, 1000, kWide, kWide + __KER_TM_PROC_QUERY};
  const long args[] = {0, kKernel, kUnmapped, kPage0, ptr(&g_stack[0])};
  int refused = 0;
  int tries = 0;
  for (long id = 0; id < QRV_KER_TM_COUNT; ++id) {
    for (long a : args) {
      refused += ker(__KER_TM_PRIV, id, a) == -EPERM;
      ++tries;
    }
  }
  for (long id : ids) {
    for (long a : args) {
      refused += ker(__KER_TM_PRIV, id, a) == -EPERM;
      ++tries;
    }
  }
  expect_eq(refused, tries, "syscall_tm_priv: EPERM for every slot and out-of-range id, whatever the argument");
  expect_eq(syscall_tm_priv_r(__KER_TM_PROC_QUERY, nullptr), -EPERM, "libc's syscall_tm_priv: EPERM");
}

void unknown_calls() {
  expect_eq(ker(0), -ENOSYS, "call 0");
  expect_eq(ker(QRV_KER_TABLE_SIZE), -ENOSYS, "the first number past the table");
  expect_eq(ker(1000), -ENOSYS, "call 1000");
  expect_eq(ker(-1), -ENOSYS, "call -1");
  expect_eq(ker(kWide + __KER_SCHED_YIELD), -ENOSYS, "2^32 + SchedYield's number");
}
}  // namespace

int main() {
  tm_priv_refused();
  debug_console_write();
  thread_calls();
  sched_calls();
  clock_calls();
  timer_calls();
  sync_calls();
  signal_calls();
  unknown_calls();
  qrv_test::report("bad_args");
  fflush(stdout);
  unsigned long page0 = 0x8;
  asm("" : "+r"(page0));  // hide the constant from the compiler's bounds checks
  *reinterpret_cast<volatile int*>(page0) = 1;  // killed here
  return 99;
}
