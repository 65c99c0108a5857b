// The kernel-call wrappers of neutrino_api.h: each marshals its arguments into
// kernel_call in declaration order under the number from kernel/abi/kercalls.h.
#include <stdint.h>

#include <type_traits>

#include "kernel/abi/kercalls.h"
#include "kernel/abi/types.h"
#include "libc/src/common/entrypoint.h"
#include "libc/src/common/errno.h"
#include "libc/src/neutrino/kernel_call.h"
#include "libc/src/neutrino/neutrino_api.h"

namespace qrv::libc {
namespace {

template <typename T>
long to_word(T v) {
  if constexpr (std::is_pointer_v<T>) {
    return static_cast<long>(reinterpret_cast<intptr_t>(v));
  } else {
    return static_cast<long>(v);
  }
}

// The part count that names one buffer of `bytes` bytes. A length beyond
// LONG_MAX cannot be expressed: it becomes QRV_MSG_MAX_PARTS + 1, which the
// kernel refuses with EINVAL.
long one_buffer(size_t bytes) {
  return bytes > static_cast<size_t>(INT64_MAX) ? QRV_MSG_MAX_PARTS + 1 : -static_cast<long>(bytes);
}

template <typename... Args>
long call(int number, Args... args) {
  return kernel_call(number, to_word(args)...);
}

}  // namespace

#define QRV_NTO_CALL(type, name, params, ...)                                           \
  QRV_LIBC_FN(type, name##_r, params) { return static_cast<type>(call(__VA_ARGS__)); } \
  QRV_LIBC_FN(type, name, params) {                                                     \
    return static_cast<type>(from_kernel_result(call(__VA_ARGS__)));                    \
  }

QRV_NTO_CALL(int, ChannelCreate, (unsigned flags), __KER_CHANNEL_CREATE, flags)
QRV_NTO_CALL(int, ChannelDestroy, (int chid), __KER_CHANNEL_DESTROY, chid)
QRV_NTO_CALL(int, ConnectAttach, (uint32_t nd, int32_t pid, int chid, unsigned index, int flags),
             __KER_CONNECT_ATTACH, nd, pid, chid, index, flags)
QRV_NTO_CALL(int, ConnectDetach, (int coid), __KER_CONNECT_DETACH, coid)
QRV_NTO_CALL(int, ConnectServerInfo, (int32_t pid, int coid, struct qrv_server_info* info),
             __KER_CONNECT_SERVER_INFO, pid, coid, info)
QRV_NTO_CALL(int, ConnectFlags, (int32_t pid, int coid, unsigned mask, unsigned bits), __KER_CONNECT_FLAGS,
             pid, coid, mask, bits)
QRV_NTO_CALL(long, MsgSendv, (int coid, const iov_t* siov, long sparts, const iov_t* riov, long rparts),
             __KER_MSG_SENDV, coid, siov, sparts, riov, rparts)
QRV_NTO_CALL(int, MsgReceivev, (int chid, const iov_t* riov, long rparts, struct _msg_info* info),
             __KER_MSG_RECEIVEV, chid, riov, rparts, info)
QRV_NTO_CALL(int, MsgReplyv, (int rcvid, long status, const iov_t* riov, long rparts), __KER_MSG_REPLYV,
             rcvid, status, riov, rparts)
QRV_NTO_CALL(int, MsgError, (int rcvid, int error), __KER_MSG_ERROR, rcvid, error)
QRV_NTO_CALL(long, MsgReadv, (int rcvid, const iov_t* riov, long rparts, size_t offset), __KER_MSG_READV,
             rcvid, riov, rparts, offset)
QRV_NTO_CALL(long, MsgWritev, (int rcvid, const iov_t* siov, long sparts, size_t offset),
             __KER_MSG_WRITEV, rcvid, siov, sparts, offset)
QRV_NTO_CALL(int, MsgInfo, (int rcvid, struct _msg_info* info), __KER_MSG_INFO, rcvid, info)
QRV_NTO_CALL(int, MsgSendPulse, (int coid, int priority, int code, int value), __KER_MSG_SEND_PULSE, coid,
             priority, code, value)
QRV_NTO_CALL(int, MsgDeliverEvent, (int rcvid, const struct qrv_sigevent* event), __KER_MSG_DELIVER_EVENT,
             rcvid, event)
QRV_NTO_CALL(int, ThreadCreate,
             (int32_t pid, void* (*func)(void*), void* arg, const struct qrv_thread_attr* attr),
             __KER_THREAD_CREATE, pid, func, arg, attr)
QRV_NTO_CALL(int, ThreadDestroy, (int tid, int priority, void* status), __KER_THREAD_DESTROY, tid, priority,
             status)
QRV_NTO_CALL(int, ThreadJoin, (int tid, void** status), __KER_THREAD_JOIN, tid, status)
QRV_NTO_CALL(int, SchedYield, (), __KER_SCHED_YIELD)
QRV_NTO_CALL(int, SchedGet, (int32_t pid, int tid, struct qrv_sched_param* param), __KER_SCHED_GET, pid,
             tid, param)
QRV_NTO_CALL(int, SchedSet, (int32_t pid, int tid, int policy, const struct qrv_sched_param* param),
             __KER_SCHED_SET, pid, tid, policy, param)
QRV_NTO_CALL(int, ClockTime, (int32_t id, const uint64_t* new_time, uint64_t* old_time), __KER_CLOCK_TIME,
             id, new_time, old_time)
QRV_NTO_CALL(int, ClockNanosleep,
             (int32_t id, int flags, const struct qrv_timespec* rqtp, struct qrv_timespec* rmtp),
             __KER_CLOCK_NANOSLEEP, id, flags, rqtp, rmtp)
QRV_NTO_CALL(int, TimerCreate, (int32_t id, const struct qrv_sigevent* event), __KER_TIMER_CREATE, id,
             event)
QRV_NTO_CALL(int, TimerSettime,
             (int32_t timer, int flags, const struct _itimer* itime, struct _itimer* oitime),
             __KER_TIMER_SETTIME, timer, flags, itime, oitime)
QRV_NTO_CALL(int, TimerDestroy, (int32_t timer), __KER_TIMER_DESTROY, timer)
QRV_NTO_CALL(int, TimerTimeout,
             (int32_t id, int flags, const struct qrv_sigevent* notify, const uint64_t* ntime,
              uint64_t* otime),
             __KER_TIMER_TIMEOUT, id, flags, notify, ntime, otime)
QRV_NTO_CALL(int, SyncMutexLock, (qrv_sync_t* sync), __KER_SYNC_MUTEX_LOCK, sync)
QRV_NTO_CALL(int, SyncMutexUnlock, (qrv_sync_t* sync), __KER_SYNC_MUTEX_UNLOCK, sync)
QRV_NTO_CALL(int, SyncCondvarWait, (qrv_sync_t* sync, qrv_sync_t* mutex), __KER_SYNC_CONDVAR_WAIT, sync,
             mutex)
QRV_NTO_CALL(int, SyncCondvarSignal, (qrv_sync_t* sync, int all), __KER_SYNC_CONDVAR_SIGNAL, sync, all)
QRV_NTO_CALL(int, SignalKill, (uint32_t nd, int32_t pid, int tid, int signo, int code, intptr_t value),
             __KER_SIGNAL_KILL, nd, pid, tid, signo, code, value)
QRV_NTO_CALL(int, SignalAction,
             (int32_t pid, void (*sigstub)(), int signo, const struct qrv_sigaction* act,
              struct qrv_sigaction* oact),
             __KER_SIGNAL_ACTION, pid, sigstub, signo, act, oact)
QRV_NTO_CALL(int, SignalProcmask, (int32_t pid, int tid, int how, const uint64_t* set, uint64_t* oldset),
             __KER_SIGNAL_PROCMASK, pid, tid, how, set, oldset)
QRV_NTO_CALL(int, InterruptAttach,
             (int intr, const struct qrv_sigevent* event, const void* area, int size, unsigned flags),
             __KER_INTERRUPT_ATTACH, intr, event, area, size, flags)
QRV_NTO_CALL(int, InterruptDetach, (int id), __KER_INTERRUPT_DETACH, id)
QRV_NTO_CALL(int, InterruptAttachEvent, (int intr, const struct qrv_sigevent* event, unsigned flags),
             __KER_INTERRUPT_ATTACH_EVENT, intr, event, flags)
QRV_NTO_CALL(int, InterruptMask, (int intr, int id), __KER_INTERRUPT_MASK, intr, id)
QRV_NTO_CALL(int, InterruptUnmask, (int intr, int id), __KER_INTERRUPT_UNMASK, intr, id)
QRV_NTO_CALL(int, DebugConsoleWrite, (const char* s, size_t n), __KER_DEBUG_CONSOLE_WRITE, s, n)
QRV_NTO_CALL(int, syscall_tm_priv, (uint32_t id, void* arg), __KER_TM_PRIV, id, arg)
QRV_NTO_CALL(int, SignalReturn, (const void* context), __KER_SIGNAL_RETURN, context)
QRV_NTO_CALL(int, SignalSuspend, (const uint64_t* set), __KER_SIGNAL_SUSPEND, set)
QRV_NTO_CALL(int, SignalWaitinfo, (const uint64_t* set, struct qrv_siginfo* info), __KER_SIGNAL_WAITINFO, set, info)
QRV_NTO_CALL(int, SignalAltstack, (const struct qrv_stack* ss, struct qrv_stack* oss), __KER_SIGNAL_ALTSTACK, ss, oss)
QRV_NTO_CALL(int, DebugKernelCounts, (struct qrv_kernel_counts* counts), __KER_DEBUG_KERNEL_COUNTS, counts)
QRV_NTO_CALL(int, DebugKernelCheck, (struct qrv_kernel_counts* counts), __KER_DEBUG_KERNEL_CHECK, counts)

// A single buffer of n bytes travels as the part count -n.
QRV_NTO_CALL(long, MsgSend, (int coid, const void* smsg, size_t sbytes, void* rmsg, size_t rbytes),
             __KER_MSG_SENDV, coid, smsg, one_buffer(sbytes), rmsg, one_buffer(rbytes))
QRV_NTO_CALL(long, MsgSendsv, (int coid, const void* smsg, size_t sbytes, const iov_t* riov, long rparts),
             __KER_MSG_SENDV, coid, smsg, one_buffer(sbytes), riov, rparts)
QRV_NTO_CALL(long, MsgSendvs, (int coid, const iov_t* siov, long sparts, void* rmsg, size_t rbytes),
             __KER_MSG_SENDV, coid, siov, sparts, rmsg, one_buffer(rbytes))
QRV_NTO_CALL(int, MsgReceive, (int chid, void* msg, size_t bytes, struct _msg_info* info),
             __KER_MSG_RECEIVEV, chid, msg, one_buffer(bytes), info)
QRV_NTO_CALL(int, MsgReply, (int rcvid, long status, const void* msg, size_t bytes), __KER_MSG_REPLYV,
             rcvid, status, msg, one_buffer(bytes))
QRV_NTO_CALL(long, MsgRead, (int rcvid, void* msg, size_t bytes, size_t offset), __KER_MSG_READV, rcvid,
             msg, one_buffer(bytes), offset)
QRV_NTO_CALL(long, MsgWrite, (int rcvid, const void* msg, size_t bytes, size_t offset), __KER_MSG_WRITEV,
             rcvid, msg, one_buffer(bytes), offset)

#undef QRV_NTO_CALL

}  // namespace qrv::libc
