// fork (sys/procmsg.h _PROC_FORK). The kernel copies the caller's address
// space and signal actions into a new process (PROC_CREATE with fork_pid)
// while the caller waits in this message, so its memory holds still; the
// child's loader then takes the caller's descriptors, signal mask and
// scheduling and continues at the caller's entry and sp. The reply, the
// child's pid, comes with PROCLOADED as for a spawn.
#include <errno.h>
#include <string.h>

#include "kernel/abi/tm_priv.h"
#include "taskman/server.h"

namespace taskman {

namespace {

// The caller's thread's scheduling, when it is the process's only thread:
// 0, ENOSYS (more than one: QNX forks single-threaded processes only) or ESRCH.
int only_thread(int32_t pid, struct qrv_tm_thread_info* t) {
  *t = {};
  t->pid = pid;
  if (syscall_tm_priv_r(__KER_TM_THREAD_QUERY, t) != 0) return ESRCH;
  struct qrv_tm_thread_info next = {};
  next.pid = pid;
  next.tid = t->tid + 1;
  return syscall_tm_priv_r(__KER_TM_THREAD_QUERY, &next) == 0 ? ENOSYS : 0;
}

}  // namespace

void Server::do_fork(int rcvid, const struct _msg_info& info, const struct _proc_fork& head) {
  if (info.srcmsglen < static_cast<int64_t>(sizeof head) || head.hdr.size != info.srcmsglen ||
      head.hdr.size > sizeof(jobs_[0].msg)) {
    return fail(rcvid, EINVAL);
  }
  tTMprocess* parent = table_.find(info.pid);
  if (parent == nullptr || parent->state != TmState::kRunning) return fail(rcvid, ESRCH);
  LoaderJob* job = free_job();
  if (job == nullptr) return fail(rcvid, EAGAIN);
  const long got = MsgRead_r(rcvid, job->msg, head.hdr.size, 0);
  if (got != static_cast<long>(head.hdr.size)) return fail(rcvid, got < 0 ? static_cast<int>(-got) : EFAULT);
  const struct _proc_spawn_fd* fds = nullptr;
  if (fork_args_parse(job->msg, head.hdr.size, kProgramBase, kProgramTop, &fds) != 0) return fail(rcvid, EINVAL);
  const auto& m = *reinterpret_cast<const struct _proc_fork*>(job->msg);
  struct qrv_tm_thread_info thread = {};
  if (const int e = only_thread(info.pid, &thread); e != 0) return fail(rcvid, e);
  if (const int e = admit(parent); e != 0) return fail(rcvid, -e);
  job->fork = true;
  job->entry = m.entry;
  job->sp = m.sp;
  job->elf = nullptr;
  job->args = SpawnArgs{};
  job->fds = fds;
  job->nfds = m.nfds;
  job->cloexec = m.cloexec;
  job->set_sigmask = true;
  job->sigmask = m.sigmask;
  job->sigignore = 0;  // the kernel copied the actions, ignored ones included
  job->set_sched = true;
  job->sched_policy = thread.policy;
  job->sched_priority = thread.real_priority;
  job->stack_bytes = 0;
  int err = 0;
  tTMprocess* child = create_child(job, parent, parent->name, parent->pid, &err);
  if (child == nullptr) return fail(rcvid, err);
  job->busy = true;
  job->rcvid = rcvid;
  memcpy(child->args, parent->args, sizeof child->args);
  child->mmap_next = parent->mmap_next;
  child->image_bytes = parent->image_bytes;
  if (parent->orphaned) recheck_orphans(&child->pgid, 1, false);
  // The reply waits for the loader: PROCLOADED (the pid) or PROCDEATH (why).
}

}  // namespace taskman
