/* QRV kernel-call numbers: the single list shared by the kernel's dispatch
 * table and libc's wrappers. Calling convention: `ecall` with a7 = number,
 * a0..a5 = arguments, result in a0 (>= 0 on success, -errno on failure).
 * Numbers are never reused: retire a call by leaving its slot unused. */
#ifndef QRV_KERNEL_ABI_KERCALLS_H_
#define QRV_KERNEL_ABI_KERCALLS_H_

/* X(QnxName, UPPER_NAME, number, argument count) */
#define QRV_KER_CALLS(X)                                 \
  X(ChannelCreate, CHANNEL_CREATE, 1, 1)                 \
  X(ChannelDestroy, CHANNEL_DESTROY, 2, 1)               \
  X(ConnectAttach, CONNECT_ATTACH, 3, 5)                 \
  X(ConnectDetach, CONNECT_DETACH, 4, 1)                 \
  X(MsgSendv, MSG_SENDV, 5, 5)                           \
  X(MsgReceivev, MSG_RECEIVEV, 6, 4)                     \
  X(MsgReplyv, MSG_REPLYV, 7, 4)                         \
  X(MsgError, MSG_ERROR, 8, 2)                           \
  X(MsgReadv, MSG_READV, 9, 4)                           \
  X(MsgWritev, MSG_WRITEV, 10, 4)                        \
  X(MsgInfo, MSG_INFO, 11, 2)                            \
  X(MsgSendPulse, MSG_SEND_PULSE, 12, 4)                 \
  X(MsgDeliverEvent, MSG_DELIVER_EVENT, 13, 2)           \
  X(ThreadCreate, THREAD_CREATE, 14, 4)                  \
  X(ThreadDestroy, THREAD_DESTROY, 15, 3)                \
  X(ThreadJoin, THREAD_JOIN, 16, 2)                      \
  X(SchedYield, SCHED_YIELD, 17, 0)                      \
  X(SchedGet, SCHED_GET, 18, 3)                          \
  X(SchedSet, SCHED_SET, 19, 4)                          \
  X(ClockTime, CLOCK_TIME, 20, 3)                        \
  X(ClockNanosleep, CLOCK_NANOSLEEP, 21, 4)              \
  X(TimerCreate, TIMER_CREATE, 22, 2)                    \
  X(TimerSettime, TIMER_SETTIME, 23, 4)                  \
  X(TimerDestroy, TIMER_DESTROY, 24, 1)                  \
  X(TimerTimeout, TIMER_TIMEOUT, 25, 5)                  \
  X(SyncMutexLock, SYNC_MUTEX_LOCK, 26, 1)               \
  X(SyncMutexUnlock, SYNC_MUTEX_UNLOCK, 27, 1)           \
  X(SyncCondvarWait, SYNC_CONDVAR_WAIT, 28, 2)           \
  X(SyncCondvarSignal, SYNC_CONDVAR_SIGNAL, 29, 2)       \
  X(SignalKill, SIGNAL_KILL, 30, 6)                      \
  X(SignalAction, SIGNAL_ACTION, 31, 5)                  \
  X(SignalProcmask, SIGNAL_PROCMASK, 32, 5)              \
  X(InterruptAttach, INTERRUPT_ATTACH, 33, 5)            \
  X(InterruptDetach, INTERRUPT_DETACH, 34, 1)            \
  X(DebugConsoleWrite, DEBUG_CONSOLE_WRITE, 35, 2)       \
  X(TmPriv, TM_PRIV, 36, 2)                              \
  X(SignalReturn, SIGNAL_RETURN, 37, 1)                  \
  X(DebugKernelCounts, DEBUG_KERNEL_COUNTS, 38, 1)       \
  X(DebugKernelCheck, DEBUG_KERNEL_CHECK, 39, 1)       \
  X(ConnectServerInfo, CONNECT_SERVER_INFO, 40, 3)     \
  X(ConnectFlags, CONNECT_FLAGS, 41, 4)                  \
  X(InterruptAttachEvent, INTERRUPT_ATTACH_EVENT, 42, 3) \
  X(InterruptMask, INTERRUPT_MASK, 43, 2)                \
  X(InterruptUnmask, INTERRUPT_UNMASK, 44, 2)           \
  X(SignalSuspend, SIGNAL_SUSPEND, 45, 1)               \
  X(SignalWaitinfo, SIGNAL_WAITINFO, 46, 2)             \
  X(SignalAltstack, SIGNAL_ALTSTACK, 47, 2)

/* __KER_CHANNEL_CREATE, ...: the value placed in a7. */
enum {
#define QRV_KER_ENUM_(name, upper, number, nargs) __KER_##upper = number,
  QRV_KER_CALLS(QRV_KER_ENUM_)
#undef QRV_KER_ENUM_
};

/* One past the largest number: the size of a dispatch table indexed by number. */
#define QRV_KER_TABLE_SIZE 48
/* Largest number of arguments a kernel call takes (a0..a5). */
#define QRV_KER_MAX_ARGS 6

#endif /* QRV_KERNEL_ABI_KERCALLS_H_ */
