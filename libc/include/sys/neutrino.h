/* QRV libc: sys/neutrino.h — the kernel calls, with QNX names. Numbers and
 * argument structs come from the kernel ABI (kernel/abi). Each `Name` returns
 * -1 and sets errno on failure; each `Name_r` returns the kernel's result
 * itself (>= 0, or -errno). */
#ifndef _SYS_NEUTRINO_H
#define _SYS_NEUTRINO_H

#include <signal.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/cdefs.h>
#include <sys/types.h>
#include <time.h>

#include "kernel/abi/abi.h"

typedef qrv_sync_t sync_t;
#define _NTO_SIDE_CHANNEL QRV_NTO_SIDE_CHANNEL
#define _NTO_COF_CLOEXEC QRV_NTO_COF_CLOEXEC
#define _PULSE_TYPE QRV_PULSE_TYPE
#define _PULSE_CODE_MINAVAIL QRV_PULSE_CODE_MINAVAIL
#define _PULSE_CODE_MAXAVAIL QRV_PULSE_CODE_MAXAVAIL
#define _PULSE_CODE_UNBLOCK QRV_PULSE_CODE_UNBLOCK
#define _PULSE_CODE_DISCONNECT QRV_PULSE_CODE_DISCONNECT
#define _PULSE_CODE_THREADDEATH QRV_PULSE_CODE_THREADDEATH
#define _PULSE_CODE_COIDDEATH QRV_PULSE_CODE_COIDDEATH
#define _NTO_CHF_FIXED_PRIORITY QRV_NTO_CHF_FIXED_PRIORITY
#define _NTO_CHF_UNBLOCK QRV_NTO_CHF_UNBLOCK
#define _NTO_CHF_DISCONNECT QRV_NTO_CHF_DISCONNECT
#define _NTO_CHF_COID_DISCONNECT QRV_NTO_CHF_COID_DISCONNECT
#define _NTO_MI_UNBLOCK_REQ QRV_NTO_MI_UNBLOCK_REQ
#define _NTO_TIMEOUT_SEND QRV_NTO_TIMEOUT_SEND
#define _NTO_TIMEOUT_RECEIVE QRV_NTO_TIMEOUT_RECEIVE
#define _NTO_TIMEOUT_REPLY QRV_NTO_TIMEOUT_REPLY
#define _NTO_TIMEOUT_MUTEX QRV_NTO_TIMEOUT_MUTEX
#define _NTO_TIMEOUT_CONDVAR QRV_NTO_TIMEOUT_CONDVAR
#define _NTO_TIMEOUT_JOIN QRV_NTO_TIMEOUT_JOIN
#define _NTO_TIMEOUT_SIGWAITINFO QRV_NTO_TIMEOUT_SIGWAITINFO

#define _NTO_INTR_FLAGS_TRK_MSK QRV_NTO_INTR_FLAGS_TRK_MSK
/* ThreadCtl commands. Only _NTO_TCTL_IO exists (ENOSYS for the others): the
 * calling process gets I/O privilege (interrupts, device memory) if its
 * effective uid is root, else EPERM. taskman grants it (sys/procmsg.h). */
#define _NTO_TCTL_IO 14

#define SETIOV(iov, addr, len) ((iov)->iov_base = (void*)(addr), (iov)->iov_len = (uint64_t)(len))

#define QRV_NTO_DECLARE(type, name, params) \
  type name params;                         \
  type name##_r params;

__BEGIN_DECLS
QRV_NTO_DECLARE(int, ThreadCtl, (int cmd, void* data))
QRV_NTO_DECLARE(int, ChannelCreate, (unsigned flags))
QRV_NTO_DECLARE(int, ChannelDestroy, (int chid))
QRV_NTO_DECLARE(int, ConnectAttach, (uint32_t nd, pid_t pid, int chid, unsigned index, int flags))
QRV_NTO_DECLARE(int, ConnectDetach, (int coid))
QRV_NTO_DECLARE(int, ConnectServerInfo, (pid_t pid, int coid, struct qrv_server_info* info))
QRV_NTO_DECLARE(int, ConnectFlags, (pid_t pid, int coid, unsigned mask, unsigned bits))
QRV_NTO_DECLARE(long, MsgSendv, (int coid, const iov_t* siov, long sparts, const iov_t* riov, long rparts))
QRV_NTO_DECLARE(int, MsgReceivev, (int chid, const iov_t* riov, long rparts, struct _msg_info* info))
QRV_NTO_DECLARE(int, MsgReplyv, (int rcvid, long status, const iov_t* riov, long rparts))
QRV_NTO_DECLARE(int, MsgError, (int rcvid, int error))
QRV_NTO_DECLARE(long, MsgReadv, (int rcvid, const iov_t* riov, long rparts, size_t offset))
QRV_NTO_DECLARE(long, MsgWritev, (int rcvid, const iov_t* siov, long sparts, size_t offset))
QRV_NTO_DECLARE(int, MsgInfo, (int rcvid, struct _msg_info* info))
QRV_NTO_DECLARE(int, MsgSendPulse, (int coid, int priority, int code, int value))
QRV_NTO_DECLARE(int, MsgDeliverEvent, (int rcvid, const struct sigevent* event))
QRV_NTO_DECLARE(int, ThreadCreate, (pid_t pid, void* (*func)(void*), void* arg, const struct qrv_thread_attr* attr))
QRV_NTO_DECLARE(int, ThreadDestroy, (int tid, int priority, void* status))
QRV_NTO_DECLARE(int, ThreadJoin, (int tid, void** status))
QRV_NTO_DECLARE(int, SchedYield, (void))
QRV_NTO_DECLARE(int, SchedGet, (pid_t pid, int tid, struct sched_param* param))
QRV_NTO_DECLARE(int, SchedSet, (pid_t pid, int tid, int policy, const struct sched_param* param))
QRV_NTO_DECLARE(int, ClockTime, (clockid_t id, const uint64_t* new_time, uint64_t* old_time))
QRV_NTO_DECLARE(int, ClockNanosleep, (clockid_t id, int flags, const struct timespec* rqtp, struct timespec* rmtp))
QRV_NTO_DECLARE(int, TimerCreate, (clockid_t id, const struct sigevent* event))
QRV_NTO_DECLARE(int, TimerSettime, (timer_t timer, int flags, const struct _itimer* itime, struct _itimer* oitime))
QRV_NTO_DECLARE(int, TimerDestroy, (timer_t timer))
QRV_NTO_DECLARE(int, TimerTimeout,
                (clockid_t id, int flags, const struct sigevent* notify, const uint64_t* ntime, uint64_t* otime))
QRV_NTO_DECLARE(int, SyncMutexLock, (sync_t* sync))
QRV_NTO_DECLARE(int, SyncMutexUnlock, (sync_t* sync))
QRV_NTO_DECLARE(int, SyncCondvarWait, (sync_t* sync, sync_t* mutex))
QRV_NTO_DECLARE(int, SyncCondvarSignal, (sync_t* sync, int all))
QRV_NTO_DECLARE(int, SignalKill, (uint32_t nd, pid_t pid, int tid, int signo, int code, intptr_t value))
QRV_NTO_DECLARE(int, SignalAction, (pid_t pid, void (*sigstub)(void), int signo, const struct qrv_sigaction* act,
                                    struct qrv_sigaction* oact))
QRV_NTO_DECLARE(int, SignalProcmask, (pid_t pid, int tid, int how, const sigset_t* set, sigset_t* oldset))
QRV_NTO_DECLARE(int, InterruptAttach,
                (int intr, const struct sigevent* event, const void* area, int size, unsigned flags))
QRV_NTO_DECLARE(int, InterruptDetach, (int id))
/* A driver's interrupt as an event (a pulse or a signal): the source is
 * masked when it fires; InterruptUnmask once the device is serviced. Needs
 * I/O privilege (ThreadCtl(_NTO_TCTL_IO)): EPERM otherwise. */
QRV_NTO_DECLARE(int, InterruptAttachEvent, (int intr, const struct sigevent* event, unsigned flags))
QRV_NTO_DECLARE(int, InterruptMask, (int intr, int id))
QRV_NTO_DECLARE(int, InterruptUnmask, (int intr, int id))
QRV_NTO_DECLARE(int, DebugConsoleWrite, (const char* s, size_t n))
QRV_NTO_DECLARE(int, syscall_tm_priv, (uint32_t id, void* arg))
QRV_NTO_DECLARE(int, SignalReturn, (const void* context))
/* sigsuspend and sigwaitinfo (a TimerTimeout with _NTO_TIMEOUT_SIGWAITINFO
 * bounds the wait: sigtimedwait). */
QRV_NTO_DECLARE(int, SignalSuspend, (const sigset_t* set))
QRV_NTO_DECLARE(int, SignalWaitinfo, (const sigset_t* set, siginfo_t* info))
QRV_NTO_DECLARE(int, SignalAltstack, (const stack_t* ss, stack_t* oss)) /* sigaltstack */
QRV_NTO_DECLARE(int, DebugKernelCounts, (struct qrv_kernel_counts* counts))
/* The same after the kernel emptied its caches (so free memory compares
 * exactly), and EIO if kernel_check finds a broken invariant (printed on the
 * console). Slow: it walks every kernel object. For tests. */
QRV_NTO_DECLARE(int, DebugKernelCheck, (struct qrv_kernel_counts* counts))
/* Single-buffer forms of the message calls. */
QRV_NTO_DECLARE(long, MsgSend, (int coid, const void* smsg, size_t sbytes, void* rmsg, size_t rbytes))
QRV_NTO_DECLARE(long, MsgSendsv, (int coid, const void* smsg, size_t sbytes, const iov_t* riov, long rparts))
QRV_NTO_DECLARE(long, MsgSendvs, (int coid, const iov_t* siov, long sparts, void* rmsg, size_t rbytes))
QRV_NTO_DECLARE(int, MsgReceive, (int chid, void* msg, size_t bytes, struct _msg_info* info))
QRV_NTO_DECLARE(int, MsgReply, (int rcvid, long status, const void* msg, size_t bytes))
QRV_NTO_DECLARE(long, MsgRead, (int rcvid, void* msg, size_t bytes, size_t offset))
QRV_NTO_DECLARE(long, MsgWrite, (int rcvid, const void* msg, size_t bytes, size_t offset))
__END_DECLS

#undef QRV_NTO_DECLARE

#endif /* _SYS_NEUTRINO_H */
