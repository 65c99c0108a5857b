// Process slots of syscall_tm_priv: taskman creates a child's shell with its
// loader, empty (spawn) or a copy of its parent (fork) (PROC_CREATE), the
// loader ends the loading (LOADER_DONE), taskman asks what became of a child
// (PROC_QUERY) and frees it once it has ended (PROC_REAP), and tells the kernel the session facts and resource limits
// it applies (PROC_SET_SESSION, PROC_SET_LIMITS). The POSIX side (parents,
// zombies, wait) is taskman's.
#include "kernel/abi/errno.h"
#include "kernel/abi/signals.h"
#include "kernel/abi/tm_priv.h"
#include "kernel/arch/riscv/kcontext.h"
#include "kernel/kext/tm_slots.h"
#include "kernel/mm/aspace.h"
#include "kernel/ipc/channel.h"
#include "kernel/proc/process.h"

namespace {
bool in_taskman_image(uint64_t va) { return va >= kTaskmanBase && va < kTaskmanTop; }

bool has_nul(const char* s, size_t n) {
  for (size_t i = 0; i < n; ++i) {
    if (s[i] == 0) return true;
  }
  return false;
}

uint32_t state_of(const tProcess* p) {
  uint32_t s = 0;
  if (p->flags & QRV_FLG_PROC_LOADING) s |= QRV_TM_PROC_LOADING;
  if (p->exiting) s |= QRV_TM_PROC_EXITING;
  if (p->finished) s |= QRV_TM_PROC_FINISHED;
  if (p->faulted) s |= QRV_TM_PROC_FAULTED;
  if (p->stopped) s |= QRV_TM_PROC_STOPPED;
  const SignalDisposition& chld = p->sig.actions[QRV_SIGCHLD - 1];
  if (chld.handler == QRV_SIG_IGN || (chld.flags & QRV_SA_NOCLDWAIT) != 0) s |= QRV_TM_PROC_NOCLDWAIT;
  if ((chld.flags & QRV_SA_NOCLDSTOP) != 0) s |= QRV_TM_PROC_NOCLDSTOP;
  if (p->sig.actions[QRV_SIGTTIN - 1].handler == QRV_SIG_IGN) s |= QRV_TM_PROC_TTIN_IGNORED;
  return s;
}
}  // namespace

int64_t tm_proc_create(tProcess*, uint64_t arg) {
  qrv_tm_proc_create req;
  if (!copy_from_user(&req, arg, sizeof req)) return -QRV_EFAULT;
  if (!has_nul(req.name, sizeof req.name)) return -QRV_EINVAL;
  if (!in_taskman_image(req.loader_pc) || req.loader_pc % 2 != 0) return -QRV_EINVAL;
  if (!in_taskman_image(req.loader_sp - 1) || req.loader_sp % 16 != 0) return -QRV_EINVAL;
  if (req.priority < 1 || req.priority > 255) return -QRV_EINVAL;
  const tProcess* fork_from = nullptr;
  if (req.fork_pid != 0) {  // only a loaded child of taskman's, whole, is copied
    fork_from = req.fork_pid > 0 ? process_find(static_cast<uint32_t>(req.fork_pid)) : nullptr;
    if (fork_from == nullptr || fork_from->exiting || fork_from->tm_chid == 0 ||
        (fork_from->flags & (QRV_FLG_PROC_LOADING | QRV_FLG_PROC_TM_PRIV)) != 0) {
      return -QRV_ESRCH;
    }
  }
  // Probe the reply before a process exists that nobody would know of.
  req.pid = -1;
  if (!copy_to_user(arg, &req, sizeof req)) return -QRV_EFAULT;
  const ChildSpec spec = {req.name,        req.loader_pc, req.loader_sp, req.loader_arg, req.notify_chid,
                          static_cast<uint8_t>(req.priority), fork_from};
  Result<tProcess*> child = process_create_child(spec);
  if (!child.ok()) {
    return child.status() == Status::kBusy ? -QRV_EAGAIN : child.status() == Status::kNoMemory ? -QRV_ENOMEM : -QRV_EINVAL;
  }
  req.pid = static_cast<int32_t>(child.value()->pid);
  (void)copy_to_user(arg, &req, sizeof req);  // probed above; the result says it too
  return req.pid;
}

int64_t tm_proc_query(tProcess*, uint64_t arg) {
  qrv_tm_proc_info info;
  if (!copy_from_user(&info, arg, sizeof info)) return -QRV_EFAULT;
  tProcess* p = info.pid > 0 ? process_find_any(static_cast<uint32_t>(info.pid)) : nullptr;
  if (p == nullptr) return -QRV_ESRCH;
  process_rearm_jobctl(p);  // taskman looks: the next stop or continue notifies it again
  info.state = state_of(p);
  info.exit_status = p->exit_status;
  info.term_signal = p->term_signal;
  info.load_error = p->load_error;
  info.threads = p->live_threads;
  info.stop_signal = p->stop_signal;
  info.stops = p->stops;
  info.continues = p->continues;
  info.reserved = 0;
  info.fault_cause = p->faulted ? p->fault_cause : 0;
  info.fault_addr = p->faulted ? p->fault_addr : 0;
  info.mapped_pages = p->as != nullptr ? p->as->mapped_pages : 0;
  info.table_pages = p->as != nullptr ? p->as->table_pages : 0;
  __builtin_memset(info.name, 0, sizeof info.name);
  for (uint32_t i = 0; p->name != nullptr && p->name[i] != 0 && i + 1 < sizeof info.name; ++i) {
    info.name[i] = p->name[i];
  }
  return copy_to_user(arg, &info, sizeof info) ? 0 : -QRV_EFAULT;
}

int64_t tm_thread_query(tProcess*, uint64_t arg) {
  qrv_tm_thread_info info;
  if (!copy_from_user(&info, arg, sizeof info)) return -QRV_EFAULT;
  const tProcess* p = info.pid > 0 ? process_find_any(static_cast<uint32_t>(info.pid)) : nullptr;
  if (p == nullptr || info.tid < 0) return -QRV_ESRCH;
  const tThread* t = nullptr;
  for (uint32_t i = info.tid > 0 ? static_cast<uint32_t>(info.tid) - 1 : 0; i < kMaxThreadsPerProcess && t == nullptr;
       ++i) {
    t = p->threads[i];
  }
  if (t == nullptr) return -QRV_ESRCH;
  const int32_t pid = info.pid;
  info = qrv_tm_thread_info{};
  info.pid = pid;
  info.tid = static_cast<int32_t>(t->tid);
  info.state = t->state_;
  info.priority = t->priority_;
  info.real_priority = t->ipc.real_priority != 0 ? t->ipc.real_priority : t->priority_;
  info.policy = t->policy_ == SchedPolicy::kFifo ? QRV_SCHED_FIFO
                : t->policy_ == SchedPolicy::kRoundRobin ? QRV_SCHED_RR
                                                        : QRV_SCHED_OTHER;
  switch (t->state_) {
    case STATE_SEND:
    case STATE_REPLY:
      if (const tChannel* ch = t->ipc.channel; ch != nullptr) {
        info.blocked_pid = static_cast<int32_t>(ch->proc->pid);
        info.blocked_chid = ch->chid;
      }
      break;
    case STATE_RECEIVE:
      if (const tChannel* ch = t->ipc.channel; ch != nullptr) info.blocked_chid = ch->chid;
      break;
    case STATE_JOIN:
      if (t->join_target != nullptr) info.blocked_tid = static_cast<int32_t>(t->join_target->tid);
      break;
    case STATE_MUTEX:
    case STATE_CONDVAR:
      info.blocked_addr = t->wait_addr;
      break;
    default:
      break;
  }
  return copy_to_user(arg, &info, sizeof info) ? 0 : -QRV_EFAULT;
}

int64_t tm_proc_reap(tProcess*, uint64_t arg) {
  tProcess* p = arg > 0 && arg <= UINT32_MAX ? process_find_any(static_cast<uint32_t>(arg)) : nullptr;
  if (p == nullptr || p->tm_chid == 0) return -QRV_ESRCH;  // the kernel's own test programs are not taskman's
  return process_reap(p) == Status::kOk ? 0 : -QRV_EBUSY;
}

int64_t tm_loader_done(tProcess*, uint64_t arg) {
  qrv_tm_loader_done req;
  if (!copy_from_user(&req, arg, sizeof req)) return -QRV_EFAULT;
  if (req.reserved != 0) return -QRV_EINVAL;
  return process_loader_done(req.entry, req.sp, req.error);
}

int64_t tm_proc_set_session(tProcess*, uint64_t arg) {
  qrv_tm_session req;
  if (!copy_from_user(&req, arg, sizeof req)) return -QRV_EFAULT;
  if ((req.flags & ~QRV_TM_SESSION_ORPHANED) != 0 || req.reserved != 0) return -QRV_EINVAL;
  tProcess* p = req.pid > 0 ? process_find(static_cast<uint32_t>(req.pid)) : nullptr;
  if (p == nullptr || p->exiting || (p->flags & QRV_FLG_PROC_TM_PRIV) != 0) return -QRV_ESRCH;
  p->orphaned_pgrp = (req.flags & QRV_TM_SESSION_ORPHANED) != 0;
  return 0;
}

int64_t tm_proc_set_limits(tProcess*, uint64_t arg) {
  qrv_tm_limits req;
  if (!copy_from_user(&req, arg, sizeof req)) return -QRV_EFAULT;
  if (req.open_max > kMaxFdConnects || req.reserved != 0) return -QRV_EINVAL;
  tProcess* p = req.pid > 0 ? process_find(static_cast<uint32_t>(req.pid)) : nullptr;
  if (p == nullptr || p->exiting || (p->flags & QRV_FLG_PROC_TM_PRIV) != 0) return -QRV_ESRCH;
  p->ipc.fd_limit = req.open_max;
  return 0;
}
