/* Argument structs of QRV kernel calls, shared by kernel, libc and taskman.
 * Plain C17 that also compiles as C++20; LP64 only; fixed-width fields,
 * explicit reserved fields (must be zero), no bitfields or enum-typed fields.
 * Each struct is followed by static asserts of its size, alignment and offsets. */
#ifndef QRV_KERNEL_ABI_TYPES_H_
#define QRV_KERNEL_ABI_TYPES_H_

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
#define QRV_ABI_ASSERT(cond, msg) static_assert(cond, msg)
#define QRV_ABI_ALIGNOF(t) alignof(t)
#else
#define QRV_ABI_ASSERT(cond, msg) _Static_assert(cond, msg)
#define QRV_ABI_ALIGNOF(t) _Alignof(t)
#endif

QRV_ABI_ASSERT(sizeof(void*) == 8, "the QRV ABI is LP64");

/* One part of a multi-part message: `len` bytes at `base` in the caller's space. */
typedef struct {
  void* iov_base;
  uint64_t iov_len;
} iov_t;
QRV_ABI_ASSERT(sizeof(iov_t) == 16, "iov_t size");
QRV_ABI_ASSERT(QRV_ABI_ALIGNOF(iov_t) == 8, "iov_t align");
QRV_ABI_ASSERT(offsetof(iov_t, iov_base) == 0, "iov_t.iov_base");
QRV_ABI_ASSERT(offsetof(iov_t, iov_len) == 8, "iov_t.iov_len");

/* Time as seconds and nanoseconds (0..999999999); layout of POSIX timespec on LP64. */
struct qrv_timespec {
  int64_t tv_sec;
  int64_t tv_nsec;
};
QRV_ABI_ASSERT(sizeof(struct qrv_timespec) == 16, "qrv_timespec size");
QRV_ABI_ASSERT(QRV_ABI_ALIGNOF(struct qrv_timespec) == 8, "qrv_timespec align");
QRV_ABI_ASSERT(offsetof(struct qrv_timespec, tv_sec) == 0, "qrv_timespec.tv_sec");
QRV_ABI_ASSERT(offsetof(struct qrv_timespec, tv_nsec) == 8, "qrv_timespec.tv_nsec");

/* The value carried by a signal or pulse. */
union qrv_sigval {
  int32_t sival_int;
  void* sival_ptr;
};
QRV_ABI_ASSERT(sizeof(union qrv_sigval) == 8, "qrv_sigval size");
QRV_ABI_ASSERT(QRV_ABI_ALIGNOF(union qrv_sigval) == 8, "qrv_sigval align");

/* sigev_notify values. */
#define QRV_SIGEV_NONE 0
#define QRV_SIGEV_SIGNAL 1
#define QRV_SIGEV_PULSE 2
#define QRV_SIGEV_UNBLOCK 3
#define QRV_SIGEV_INTR 4

/* How the kernel notifies a thread: a signal (sigev_signo), a pulse on a
 * connection (sigev_coid, sigev_code, sigev_priority), or an unblock. */
struct qrv_sigevent {
  int32_t sigev_notify;
  int32_t sigev_signo_or_coid; /* signal number for SIGNAL, connection id for PULSE */
  union qrv_sigval sigev_value;
  int16_t sigev_code;
  int16_t sigev_priority;
  uint32_t reserved;
};
QRV_ABI_ASSERT(sizeof(struct qrv_sigevent) == 24, "qrv_sigevent size");
QRV_ABI_ASSERT(QRV_ABI_ALIGNOF(struct qrv_sigevent) == 8, "qrv_sigevent align");
QRV_ABI_ASSERT(offsetof(struct qrv_sigevent, sigev_notify) == 0, "qrv_sigevent.notify");
QRV_ABI_ASSERT(offsetof(struct qrv_sigevent, sigev_signo_or_coid) == 4, "qrv_sigevent.signo");
QRV_ABI_ASSERT(offsetof(struct qrv_sigevent, sigev_value) == 8, "qrv_sigevent.value");
QRV_ABI_ASSERT(offsetof(struct qrv_sigevent, sigev_code) == 16, "qrv_sigevent.code");
QRV_ABI_ASSERT(offsetof(struct qrv_sigevent, sigev_priority) == 18, "qrv_sigevent.priority");
QRV_ABI_ASSERT(offsetof(struct qrv_sigevent, reserved) == 20, "qrv_sigevent.reserved");

/* InterruptAttachEvent flags: QNX's "track masks" (QRV always does). */
#define QRV_NTO_INTR_FLAGS_TRK_MSK 0x04u

/* Pulse type as received by MsgReceivev (rcvid 0). */
#define QRV_PULSE_TYPE 0
/* Pulse codes below zero are the kernel's; user codes are 0..127. */
#define QRV_PULSE_CODE_MINAVAIL 0
#define QRV_PULSE_CODE_MAXAVAIL 127
#define QRV_PULSE_CODE_UNBLOCK (-32)
#define QRV_PULSE_CODE_DISCONNECT (-33)
#define QRV_PULSE_CODE_THREADDEATH (-34)
#define QRV_PULSE_CODE_COIDDEATH (-35)

/* A fixed-size asynchronous message. */
struct _pulse {
  uint16_t type;
  uint16_t subtype;
  int8_t code;
  uint8_t reserved[3];
  union qrv_sigval value;
  int32_t scoid;
  uint32_t reserved2;
};
QRV_ABI_ASSERT(sizeof(struct _pulse) == 24, "_pulse size");
QRV_ABI_ASSERT(QRV_ABI_ALIGNOF(struct _pulse) == 8, "_pulse align");
QRV_ABI_ASSERT(offsetof(struct _pulse, type) == 0, "_pulse.type");
QRV_ABI_ASSERT(offsetof(struct _pulse, subtype) == 2, "_pulse.subtype");
QRV_ABI_ASSERT(offsetof(struct _pulse, code) == 4, "_pulse.code");
QRV_ABI_ASSERT(offsetof(struct _pulse, reserved) == 5, "_pulse.reserved");
QRV_ABI_ASSERT(offsetof(struct _pulse, value) == 8, "_pulse.value");
QRV_ABI_ASSERT(offsetof(struct _pulse, scoid) == 16, "_pulse.scoid");
QRV_ABI_ASSERT(offsetof(struct _pulse, reserved2) == 20, "_pulse.reserved2");

/* What a server learns about the sender of a message (MsgReceivev, MsgInfo). */
struct _msg_info {
  uint32_t nd;
  uint32_t srcnd;
  int32_t pid;
  int32_t tid;
  int32_t chid;
  int32_t scoid;
  int32_t coid;
  int32_t priority;
  int64_t msglen;
  int64_t srcmsglen;
  int64_t dstmsglen;
  uint32_t flags;
  uint32_t reserved;
};
QRV_ABI_ASSERT(sizeof(struct _msg_info) == 64, "_msg_info size");
QRV_ABI_ASSERT(QRV_ABI_ALIGNOF(struct _msg_info) == 8, "_msg_info align");
QRV_ABI_ASSERT(offsetof(struct _msg_info, nd) == 0, "_msg_info.nd");
QRV_ABI_ASSERT(offsetof(struct _msg_info, srcnd) == 4, "_msg_info.srcnd");
QRV_ABI_ASSERT(offsetof(struct _msg_info, pid) == 8, "_msg_info.pid");
QRV_ABI_ASSERT(offsetof(struct _msg_info, tid) == 12, "_msg_info.tid");
QRV_ABI_ASSERT(offsetof(struct _msg_info, chid) == 16, "_msg_info.chid");
QRV_ABI_ASSERT(offsetof(struct _msg_info, scoid) == 20, "_msg_info.scoid");
QRV_ABI_ASSERT(offsetof(struct _msg_info, coid) == 24, "_msg_info.coid");
QRV_ABI_ASSERT(offsetof(struct _msg_info, priority) == 28, "_msg_info.priority");
QRV_ABI_ASSERT(offsetof(struct _msg_info, msglen) == 32, "_msg_info.msglen");
QRV_ABI_ASSERT(offsetof(struct _msg_info, srcmsglen) == 40, "_msg_info.srcmsglen");
QRV_ABI_ASSERT(offsetof(struct _msg_info, dstmsglen) == 48, "_msg_info.dstmsglen");
QRV_ABI_ASSERT(offsetof(struct _msg_info, flags) == 56, "_msg_info.flags");
QRV_ABI_ASSERT(offsetof(struct _msg_info, reserved) == 60, "_msg_info.reserved");

/* Scheduling parameters for SchedGet/SchedSet and ThreadCreate. */
/* Scheduling policies (SchedGet/SchedSet, ThreadCreate attributes), POSIX values. */
#define QRV_SCHED_OTHER 0
#define QRV_SCHED_FIFO 1
#define QRV_SCHED_RR 2

struct qrv_sched_param {
  int32_t sched_priority;
  int32_t reserved;
};
QRV_ABI_ASSERT(sizeof(struct qrv_sched_param) == 8, "qrv_sched_param size");
QRV_ABI_ASSERT(offsetof(struct qrv_sched_param, sched_priority) == 0, "sched_priority");

/* ThreadCreate's attributes: stack given by the caller (libc allocates it).
 * policy is QRV_SCHED_*, priority 0 (the creator's) or 1..255; flags and
 * reserved must be zero. The new thread starts at `func` with a0 = `arg` and
 * a1 = its own tid, so it knows its tid before its first instruction (libc's
 * mutex fast path needs it); a process's first thread is always tid 1. */
struct qrv_thread_attr {
  uint64_t stack_base;
  uint64_t stack_size;
  int32_t policy;
  int32_t priority;
  uint32_t flags;
  uint32_t reserved;
};
QRV_ABI_ASSERT(sizeof(struct qrv_thread_attr) == 32, "qrv_thread_attr size");
QRV_ABI_ASSERT(QRV_ABI_ALIGNOF(struct qrv_thread_attr) == 8, "qrv_thread_attr align");
QRV_ABI_ASSERT(offsetof(struct qrv_thread_attr, stack_base) == 0, "stack_base");
QRV_ABI_ASSERT(offsetof(struct qrv_thread_attr, stack_size) == 8, "stack_size");
QRV_ABI_ASSERT(offsetof(struct qrv_thread_attr, policy) == 16, "policy");
QRV_ABI_ASSERT(offsetof(struct qrv_thread_attr, priority) == 20, "priority");
QRV_ABI_ASSERT(offsetof(struct qrv_thread_attr, flags) == 24, "flags");
QRV_ABI_ASSERT(offsetof(struct qrv_thread_attr, reserved) == 28, "reserved");

/* Kernel synchronisation object (SyncMutexLock, SyncCondvarWait): a word the
 * uncontended path owns in user space, and `owner`, unused (keep it zero).
 * For a mutex, `count` is the lock word:
 *
 *    31       30                              0
 *   +-------+---------------------------------+
 *   |WAITERS|  owner tid (0: free)            |
 *   +-------+---------------------------------+
 *
 * Uncontended, user space alone locks (atomic compare-and-swap 0 -> tid) and
 * unlocks (tid -> 0). A lock that finds the word taken calls SyncMutexLock:
 * the kernel sets WAITERS with a compare-and-swap before the caller sleeps,
 * so the owner's unlock swap must fail and call SyncMutexUnlock, which hands
 * the mutex to the best waiter (WAITERS stays set while others still wait).
 * A condition variable's `count` is unused (the kernel keeps its waiters). */
typedef struct {
  int32_t count;
  uint32_t owner;
} qrv_sync_t;
#define QRV_SYNC_WAITERS 0x80000000u
#define QRV_SYNC_OWNER_MASK 0x7fffffffu
QRV_ABI_ASSERT((QRV_SYNC_WAITERS & QRV_SYNC_OWNER_MASK) == 0 && (QRV_SYNC_WAITERS | QRV_SYNC_OWNER_MASK) == 0xffffffffu,
               "qrv_sync_t.count: WAITERS and the owner tid share the word without overlap");
QRV_ABI_ASSERT(sizeof(qrv_sync_t) == 8, "qrv_sync_t size");
QRV_ABI_ASSERT(offsetof(qrv_sync_t, count) == 0, "qrv_sync_t.count");
QRV_ABI_ASSERT(offsetof(qrv_sync_t, owner) == 4, "qrv_sync_t.owner");

/* A timer's expiry and reload, in nanoseconds (TimerSettime). */
struct _itimer {
  uint64_t nsec;
  uint64_t interval_nsec;
};
QRV_ABI_ASSERT(sizeof(struct _itimer) == 16, "_itimer size");
QRV_ABI_ASSERT(offsetof(struct _itimer, nsec) == 0, "_itimer.nsec");
QRV_ABI_ASSERT(offsetof(struct _itimer, interval_nsec) == 8, "_itimer.interval_nsec");

/* A signal's disposition (SignalAction): handler address (0 default, 1 ignore),
 * SA_* flags, and the signals blocked while it runs (bit n-1 for signal n). */
struct qrv_sigaction {
  uint64_t handler;
  uint64_t flags;
  uint64_t mask;
};
QRV_ABI_ASSERT(sizeof(struct qrv_sigaction) == 24, "qrv_sigaction size");
QRV_ABI_ASSERT(offsetof(struct qrv_sigaction, handler) == 0, "qrv_sigaction.handler");
QRV_ABI_ASSERT(offsetof(struct qrv_sigaction, flags) == 8, "qrv_sigaction.flags");
QRV_ABI_ASSERT(offsetof(struct qrv_sigaction, mask) == 16, "qrv_sigaction.mask");

/* What a delivered signal reports (siginfo_t's layout, without the si_ prefix: hosts
 * define those as macros): its number, how it
 * was sent (QRV_SI_*), and the sender's pid (the kernel knows no uids:
 * si_uid is 0), the sigqueue or timer value, the faulting address. */
struct qrv_siginfo {
  int32_t signo;
  int32_t code;
  int32_t err;
  int32_t pid;
  uint32_t uid;
  int32_t status;
  uint64_t addr;
  union qrv_sigval value;
};
QRV_ABI_ASSERT(sizeof(struct qrv_siginfo) == 40, "qrv_siginfo size");
QRV_ABI_ASSERT(QRV_ABI_ALIGNOF(struct qrv_siginfo) == 8, "qrv_siginfo align");
QRV_ABI_ASSERT(offsetof(struct qrv_siginfo, code) == 4, "qrv_siginfo.code");
QRV_ABI_ASSERT(offsetof(struct qrv_siginfo, pid) == 12, "qrv_siginfo.pid");
QRV_ABI_ASSERT(offsetof(struct qrv_siginfo, uid) == 16, "qrv_siginfo.uid");
QRV_ABI_ASSERT(offsetof(struct qrv_siginfo, addr) == 24, "qrv_siginfo.addr");
QRV_ABI_ASSERT(offsetof(struct qrv_siginfo, value) == 32, "qrv_siginfo.value");

/* A thread's alternate signal stack (SignalAltstack; stack_t's layout):
 * its lowest address, its size, QRV_SS_* flags. */
struct qrv_stack {
  uint64_t sp;
  uint64_t size;
  int32_t flags;
  uint32_t reserved; /* zero */
};
QRV_ABI_ASSERT(sizeof(struct qrv_stack) == 24, "qrv_stack size");
QRV_ABI_ASSERT(offsetof(struct qrv_stack, size) == 8, "qrv_stack.size");
QRV_ABI_ASSERT(offsetof(struct qrv_stack, flags) == 16, "qrv_stack.flags");

/* The context a signal handler interrupted, as delivery saves it on the user
 * stack and SignalReturn restores it; laid out as libc's ucontext_t: link
 * (uc_link, 0), mask (uc_sigmask: the blocked set to restore), stack
 * (uc_stack: the thread's alternate stack, a qrv_stack), the signal, and regs
 * (uc_mcontext: regs[0] is the pc, regs[n] is xn). A handler may change
 * mask and regs: SignalReturn resumes what they then say. Delivery enters
 * the process's sigstub with a0 = signo, a1 = the qrv_siginfo right above
 * this context, a2 = this context, a3 = the handler, sp 16-byte aligned
 * below it. Floating-point registers are the sigstub's to keep. sstatus is
 * never part of it: the kernel keeps its own. */
struct qrv_sigcontext {
  uint64_t link;
  uint64_t mask;
  struct qrv_stack stack;
  int32_t signo;
  uint32_t reserved; /* zero */
  uint64_t regs[32];
};
QRV_ABI_ASSERT(sizeof(struct qrv_sigcontext) == 304, "qrv_sigcontext size");
QRV_ABI_ASSERT(sizeof(struct qrv_sigcontext) % 16 == 0, "qrv_sigcontext keeps sp aligned");
QRV_ABI_ASSERT(QRV_ABI_ALIGNOF(struct qrv_sigcontext) == 8, "qrv_sigcontext align");
QRV_ABI_ASSERT(offsetof(struct qrv_sigcontext, link) == 0, "qrv_sigcontext.link");
QRV_ABI_ASSERT(offsetof(struct qrv_sigcontext, mask) == 8, "qrv_sigcontext.mask");
QRV_ABI_ASSERT(offsetof(struct qrv_sigcontext, stack) == 16, "qrv_sigcontext.stack");
QRV_ABI_ASSERT(offsetof(struct qrv_sigcontext, signo) == 40, "qrv_sigcontext.signo");
QRV_ABI_ASSERT(offsetof(struct qrv_sigcontext, reserved) == 44, "qrv_sigcontext.reserved");
QRV_ABI_ASSERT(offsetof(struct qrv_sigcontext, regs) == 48, "qrv_sigcontext.regs");

/* Clock ids for ClockTime / ClockNanosleep / TimerCreate. */
#define QRV_CLOCK_REALTIME 0
#define QRV_CLOCK_MONOTONIC 1

/* ChannelCreate flags (QNX values).
 * FIXED_PRIORITY: receiving threads keep their own priority (no inheritance).
 * UNBLOCK: a REPLY-blocked client hit by a signal or timeout stays blocked and
 *   the server gets a QRV_PULSE_CODE_UNBLOCK pulse (value = rcvid) instead.
 * DISCONNECT: a QRV_PULSE_CODE_DISCONNECT pulse (scoid = the connection) when
 *   a client's connection goes away (ConnectDetach or the client's death).
 * COID_DISCONNECT: a QRV_PULSE_CODE_COIDDEATH pulse (value = coid) when a
 *   connection this process holds loses its server. */
#define QRV_NTO_CHF_FIXED_PRIORITY 0x0001
#define QRV_NTO_CHF_UNBLOCK 0x0002
#define QRV_NTO_CHF_DISCONNECT 0x0008
#define QRV_NTO_CHF_COID_DISCONNECT 0x0040

/* _msg_info.flags: the client asked to be unblocked (signal or timeout). */
#define QRV_NTO_MI_UNBLOCK_REQ 0x0100

/* TimerTimeout flags: one bit per blocking state (QNX: 1 << STATE_x). */
#define QRV_NTO_TIMEOUT_SEND (1u << 4)
#define QRV_NTO_TIMEOUT_RECEIVE (1u << 5)
#define QRV_NTO_TIMEOUT_REPLY (1u << 6)
#define QRV_NTO_TIMEOUT_MUTEX (1u << 13)
#define QRV_NTO_TIMEOUT_CONDVAR (1u << 14)
#define QRV_NTO_TIMEOUT_SIGWAITINFO (1u << 11)
#define QRV_NTO_TIMEOUT_JOIN (1u << 15)
/* TimerTimeout / TimerSettime: the time given is absolute (clock time). */
#define QRV_TIMER_ABSTIME 0x80000000u

/* Most parts one IOV array of a message call may have (more is EINVAL). A
 * negative part count -n names a single buffer of n bytes instead. */
#define QRV_MSG_MAX_PARTS 1024

/* Kernel object counts (DebugKernelCounts): what tests compare before and
 * after a workload to prove that nothing leaked. */
struct qrv_kernel_counts {
  uint64_t processes;
  uint64_t threads;
  uint64_t channels;
  uint64_t connections;
  uint64_t pulses;     /* queued, not yet received */
  uint64_t timers;     /* TimerCreate timers in use */
  uint64_t heap_bytes; /* kmalloc bytes outstanding */
  uint64_t free_bytes; /* physical memory free */
  uint64_t user_bytes; /* physical memory live processes hold: their own pages and page tables (it grows as
                          they touch demand-zero pages; free_bytes + user_bytes is what a leak would lower) */
};
QRV_ABI_ASSERT(sizeof(struct qrv_kernel_counts) == 72, "qrv_kernel_counts size");
QRV_ABI_ASSERT(offsetof(struct qrv_kernel_counts, pulses) == 32, "qrv_kernel_counts.pulses");
QRV_ABI_ASSERT(offsetof(struct qrv_kernel_counts, free_bytes) == 56, "qrv_kernel_counts.free_bytes");

/* Special connection id flag: a side channel (not inherited as an fd). */
#define QRV_NTO_SIDE_CHANNEL 0x40000000
/* The connection every process has to taskman (process manager). */
#define QRV_TASKMAN_COID QRV_NTO_SIDE_CHANNEL

/* ConnectFlags bits: kept by the kernel per connection, read back by
 * ConnectServerInfo. CLOEXEC: the descriptor is not inherited across spawn. */
#define QRV_NTO_COF_CLOEXEC 0x1u

/* ConnectServerInfo(pid, coid, info): the caller's first connection at or
 * above coid, in coid's range (fds or side channels). pid and chid are 0
 * once the server's channel is gone. */
struct qrv_server_info {
  int32_t pid;
  int32_t chid;
  int32_t scoid;
  int32_t coid;
  uint32_t flags; /* QRV_NTO_COF_* */
  uint32_t reserved;
};
QRV_ABI_ASSERT(sizeof(struct qrv_server_info) == 24, "qrv_server_info size");
QRV_ABI_ASSERT(offsetof(struct qrv_server_info, flags) == 16, "qrv_server_info.flags");

#endif /* QRV_KERNEL_ABI_TYPES_H_ */
