// QRV's kernel calls with QNX names (sys/neutrino.h) inside QRV's libc
// (namespace qrv::libc). Each `Name` returns -1 and sets errno on failure; each
// `Name_r` returns the kernel's result itself (>= 0, or -errno).
#pragma once

#include <stddef.h>
#include <stdint.h>

#include "kernel/abi/types.h"

namespace qrv::libc {

#define QRV_NTO_DECLARE(type, name, params) \
  type name params;                         \
  type name##_r params;

QRV_NTO_DECLARE(int, ChannelCreate, (unsigned flags))
QRV_NTO_DECLARE(int, ChannelDestroy, (int chid))
QRV_NTO_DECLARE(int, ConnectAttach, (uint32_t nd, int32_t pid, int chid, unsigned index, int flags))
QRV_NTO_DECLARE(int, ConnectDetach, (int coid))
QRV_NTO_DECLARE(int, ConnectServerInfo, (int32_t pid, int coid, struct qrv_server_info* info))
QRV_NTO_DECLARE(int, ConnectFlags, (int32_t pid, int coid, unsigned mask, unsigned bits))
QRV_NTO_DECLARE(long, MsgSendv, (int coid, const iov_t* siov, long sparts, const iov_t* riov, long rparts))
QRV_NTO_DECLARE(int, MsgReceivev, (int chid, const iov_t* riov, long rparts, struct _msg_info* info))
QRV_NTO_DECLARE(int, MsgReplyv, (int rcvid, long status, const iov_t* riov, long rparts))
QRV_NTO_DECLARE(int, MsgError, (int rcvid, int error))
QRV_NTO_DECLARE(long, MsgReadv, (int rcvid, const iov_t* riov, long rparts, size_t offset))
QRV_NTO_DECLARE(long, MsgWritev, (int rcvid, const iov_t* siov, long sparts, size_t offset))
QRV_NTO_DECLARE(int, MsgInfo, (int rcvid, struct _msg_info* info))
QRV_NTO_DECLARE(int, MsgSendPulse, (int coid, int priority, int code, int value))
QRV_NTO_DECLARE(int, MsgDeliverEvent, (int rcvid, const struct qrv_sigevent* event))
QRV_NTO_DECLARE(int, ThreadCreate, (int32_t pid, void* (*func)(void*), void* arg, const struct qrv_thread_attr* attr))
QRV_NTO_DECLARE(int, ThreadDestroy, (int tid, int priority, void* status))
QRV_NTO_DECLARE(int, ThreadJoin, (int tid, void** status))
QRV_NTO_DECLARE(int, SchedYield, ())
QRV_NTO_DECLARE(int, SchedGet, (int32_t pid, int tid, struct qrv_sched_param* param))
QRV_NTO_DECLARE(int, SchedSet, (int32_t pid, int tid, int policy, const struct qrv_sched_param* param))
QRV_NTO_DECLARE(int, ClockTime, (int32_t id, const uint64_t* new_time, uint64_t* old_time))
QRV_NTO_DECLARE(int, ClockNanosleep, (int32_t id, int flags, const struct qrv_timespec* rqtp, struct qrv_timespec* rmtp))
QRV_NTO_DECLARE(int, TimerCreate, (int32_t id, const struct qrv_sigevent* event))
QRV_NTO_DECLARE(int, TimerSettime, (int32_t timer, int flags, const struct _itimer* itime, struct _itimer* oitime))
QRV_NTO_DECLARE(int, TimerDestroy, (int32_t timer))
QRV_NTO_DECLARE(int, TimerTimeout, (int32_t id, int flags, const struct qrv_sigevent* notify, const uint64_t* ntime, uint64_t* otime))
QRV_NTO_DECLARE(int, SyncMutexLock, (qrv_sync_t* sync))
QRV_NTO_DECLARE(int, SyncMutexUnlock, (qrv_sync_t* sync))
QRV_NTO_DECLARE(int, SyncCondvarWait, (qrv_sync_t* sync, qrv_sync_t* mutex))
QRV_NTO_DECLARE(int, SyncCondvarSignal, (qrv_sync_t* sync, int all))
QRV_NTO_DECLARE(int, SignalKill, (uint32_t nd, int32_t pid, int tid, int signo, int code, intptr_t value))
QRV_NTO_DECLARE(int, SignalAction, (int32_t pid, void (*sigstub)(), int signo, const struct qrv_sigaction* act, struct qrv_sigaction* oact))
QRV_NTO_DECLARE(int, SignalProcmask, (int32_t pid, int tid, int how, const uint64_t* set, uint64_t* oldset))
QRV_NTO_DECLARE(int, InterruptAttach, (int intr, const struct qrv_sigevent* event, const void* area, int size, unsigned flags))
QRV_NTO_DECLARE(int, InterruptDetach, (int id))
QRV_NTO_DECLARE(int, InterruptAttachEvent, (int intr, const struct qrv_sigevent* event, unsigned flags))
QRV_NTO_DECLARE(int, InterruptMask, (int intr, int id))
QRV_NTO_DECLARE(int, InterruptUnmask, (int intr, int id))
QRV_NTO_DECLARE(int, ThreadCtl, (int cmd, void* data))
QRV_NTO_DECLARE(int, DebugConsoleWrite, (const char* s, size_t n))
QRV_NTO_DECLARE(int, syscall_tm_priv, (uint32_t id, void* arg))
QRV_NTO_DECLARE(int, SignalReturn, (const void* context))
QRV_NTO_DECLARE(int, SignalSuspend, (const uint64_t* set))
QRV_NTO_DECLARE(int, SignalWaitinfo, (const uint64_t* set, struct qrv_siginfo* info))
QRV_NTO_DECLARE(int, SignalAltstack, (const struct qrv_stack* ss, struct qrv_stack* oss))
QRV_NTO_DECLARE(int, DebugKernelCounts, (struct qrv_kernel_counts* counts))
QRV_NTO_DECLARE(int, DebugKernelCheck, (struct qrv_kernel_counts* counts))
// Single-buffer forms of the message calls (a negative part count -n passes
// one buffer of n bytes: kernel/abi/types.h QRV_MSG_MAX_PARTS).
QRV_NTO_DECLARE(long, MsgSend, (int coid, const void* smsg, size_t sbytes, void* rmsg, size_t rbytes))
QRV_NTO_DECLARE(long, MsgSendsv, (int coid, const void* smsg, size_t sbytes, const iov_t* riov, long rparts))
QRV_NTO_DECLARE(long, MsgSendvs, (int coid, const iov_t* siov, long sparts, void* rmsg, size_t rbytes))
QRV_NTO_DECLARE(int, MsgReceive, (int chid, void* msg, size_t bytes, struct _msg_info* info))
QRV_NTO_DECLARE(int, MsgReply, (int rcvid, long status, const void* msg, size_t bytes))
QRV_NTO_DECLARE(long, MsgRead, (int rcvid, void* msg, size_t bytes, size_t offset))
QRV_NTO_DECLARE(long, MsgWrite, (int rcvid, const void* msg, size_t bytes, size_t offset))

#undef QRV_NTO_DECLARE

}  // namespace qrv::libc
