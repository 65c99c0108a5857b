// taskman's message loop (see server.h): spawn, wait and deaths, ids,
// mmap, kill, paths; fork is in server_fork.cc. Every message is untrusted: sizes
// are checked against what the kernel says was sent, and anything unknown
// or malformed gets an error reply.
#include "taskman/server.h"

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>

#include "kernel/abi/tm_priv.h"

namespace taskman {

namespace {
constexpr uint8_t kLoaderPriority = 10;

const char* base_name(const char* path) {
  const char* slash = strrchr(path, '/');
  return slash != nullptr ? slash + 1 : path;
}

}  // namespace

_proc_ids_reply ids_of(const tTMprocess& p) {
  const uint32_t flags = (p.state == TmState::kLoading ? _PROC_IDS_LOADING : 0u) | (p.orphaned ? _PROC_IDS_ORPHANED : 0u);
  return {p.pid, p.ppid, p.pgid, p.sid, flags, 0};
}

namespace {

const Server* g_self = nullptr;  // for the resmgr library's parent_of callback
int parent_of_callback(int32_t pid) { return g_self->parent_of(pid); }
}  // namespace

int Server::init(const ImageFs* fs, int chid) {
  fs_ = fs;
  chid_ = chid;
  tTMprocess* self = table_.add(kTaskmanPid, nullptr);
  self->state = TmState::kRunning;
  strncpy(self->name, "taskman", sizeof self->name - 1);
  dispatch_ = qrv::libc::dispatch_create_channel(chid);
  if (dispatch_ == nullptr) return -ENOMEM;
  g_self = this;
  qrv::libc::dispatch_set_parent_of(dispatch_, parent_of_callback);
  return proc_fs_.init(dispatch_, fs, &paths_, &table_, chid);
}

int Server::parent_of(int32_t pid) const {
  const tTMprocess* p = table_.find(pid);
  if (p == nullptr) return -ESRCH;
  return p->state == TmState::kLoading ? p->ppid : -EPERM;  // inheritance happens while loading only
}

void Server::do_path(int rcvid, const struct _msg_info& info, const struct _proc_path& m) {
  const int64_t got = info.msglen;
  if (got < static_cast<int64_t>(sizeof m) || m.hdr.size != got || m.path_len == 0 ||
      m.path_len > _PROC_PATH_MAX || sizeof m + m.path_len != m.hdr.size) {
    return fail(rcvid, m.path_len > _PROC_PATH_MAX ? ENAMETOOLONG : EINVAL);
  }
  const char* path = reinterpret_cast<const char*>(&m + 1);
  if (path[m.path_len - 1] != '\0' || strlen(path) + 1 != m.path_len) return fail(rcvid, EINVAL);
  tTMprocess* caller = table_.find(info.pid);
  if (caller == nullptr) return fail(rcvid, ESRCH);
  static char norm[kPathMax];  // one message at a time
  if (const int e = path_normalize(ProcTable::cwd(*caller), path, norm, sizeof norm); e != 0) return fail(rcvid, -e);
  int r = 0;
  switch (m.hdr.type) {
    case _PROC_PATH_ATTACH:
      r = paths_.attach(norm, info.pid, m.chid, m.handle, m.flags);
      break;
    case _PROC_PATH_DETACH:
      r = paths_.detach(norm, info.pid);
      break;
    case _PROC_CHDIR:
      r = table_.set_cwd(caller, norm);
      break;
    case _PROC_PATH_RESOLVE: {
      Resolution res;
      if (const int e = paths_.resolve(norm, &res); e != 0) return fail(rcvid, -e);
      struct _proc_path_reply rep = {};
      if (res.entry != nullptr) {
        rep = {res.entry->pid, res.entry->chid, res.entry->handle, res.entry->flags, 0, 0};
      } else {  // a made-up directory: taskman's, named by the whole path
        rep = {kTaskmanPid, chid_, proc_fs_.dir_handle(), kPathFlagDir, 0, 0};
      }
      rep.rest_len = static_cast<uint32_t>(strlen(res.rest) + 1);
      const iov_t parts[2] = {{&rep, sizeof rep}, {const_cast<char*>(res.rest), rep.rest_len}};
      (void)MsgReplyv_r(rcvid, 0, parts, 2);
      return;
    }
    default:
      r = -ENOSYS;
  }
  if (r < 0) return fail(rcvid, -r);
  (void)MsgReply_r(rcvid, 0, nullptr, 0);
}

void Server::do_getcwd(int rcvid, int32_t caller) {
  const tTMprocess* p = table_.find(caller);
  if (p == nullptr) return fail(rcvid, ESRCH);
  const char* cwd = ProcTable::cwd(*p);
  (void)MsgReply_r(rcvid, 0, cwd, strlen(cwd) + 1);
}

LoaderJob* Server::job_of(int32_t pid) {
  for (LoaderJob& j : jobs_) {
    if (j.busy && j.pid == pid) return &j;
  }
  return nullptr;
}

LoaderJob* Server::free_job() {
  for (LoaderJob& j : jobs_) {
    if (!j.busy) return &j;
  }
  return nullptr;
}

int Server::admit(const tTMprocess* parent) const {
  if (!table_.has_room()) return -EAGAIN;  // before the kernel makes a process nobody tracks
  const Rlimits& rl = parent->rlimits;
  if (cred_is_root(parent->cred) || rl.r[_PROC_RLIM_NPROC].cur == kRlimInfinity) return 0;
  uint64_t theirs = 0;  // the real user's processes
  table_.for_each([&](const tTMprocess& p) {
    if (p.state != TmState::kZombie && p.pid != kTaskmanPid && p.cred.ruid == parent->cred.ruid) ++theirs;
  });
  return theirs >= rl.r[_PROC_RLIM_NPROC].cur ? -EAGAIN : 0;
}

tTMprocess* Server::create_child(LoaderJob* job, const tTMprocess* parent, const char* name, int32_t fork_pid,
                                 int* err) {
  struct qrv_tm_proc_create req = {};
  req.loader_pc = reinterpret_cast<uint64_t>(&loader_entry);
  req.loader_sp = reinterpret_cast<uint64_t>(job->stack + sizeof job->stack);
  req.loader_arg = reinterpret_cast<uint64_t>(job);
  req.notify_chid = chid_;
  req.priority = kLoaderPriority;
  req.fork_pid = fork_pid;
  strncpy(req.name, name, sizeof req.name - 1);
  const int pid = syscall_tm_priv_r(__KER_TM_PROC_CREATE, &req);
  if (pid < 0) {
    *err = -pid;
    return nullptr;
  }
  tTMprocess* child = table_.add(pid, parent);  // admit() made room
  strncpy(child->name, req.name, sizeof child->name - 1);
  child->mmap_next = kMmapBase;
  if (const uint64_t open_max = parent->rlimits.r[_PROC_RLIM_NOFILE].cur; open_max < _PROC_RLIM_NOFILE_MAX) {
    struct qrv_tm_limits lim = {pid, static_cast<uint32_t>(open_max), 0};
    (void)syscall_tm_priv_r(__KER_TM_PROC_SET_LIMITS, &lim);  // live and ours: it cannot fail
  }
  job->pid = pid;
  job->parent_pid = parent->pid;
  return child;
}

int Server::start_loader(LoaderJob* job, const tTMprocess* parent) {
  static char norm[kPathMax];  // one spawn at a time
  if (const int e = path_normalize(ProcTable::cwd(*parent), job->args.path, norm, sizeof norm); e != 0) return e;
  const char* name = spawn_boot_name(norm);
  CpioEntry entry;
  if (name == nullptr || fs_->find(name, &entry) == nullptr) return -ENOENT;
  if (!entry.is_regular() || (entry.permissions() & 0111) == 0) return -EACCES;
  if (elf_parse(entry.data, entry.size, kProgramBase, kProgramTop, job->img) != ElfStatus::kOk) {
    return -ENOEXEC;
  }
  // The child has its parent's limits: they bound the spawn itself.
  const Rlimits& rl = parent->rlimits;
  uint64_t image_bytes = 0;
  for (uint32_t i = 0; i < job->img.segment_count; ++i) image_bytes += (job->img.segments[i].memsz + 4095) & ~uint64_t{4095};
  if (!rlimit_allows(rl.r[_PROC_RLIM_AS].cur, image_bytes, rlimit_stack_bytes(rl))) return -ENOMEM;
  if (const int e = admit(parent); e != 0) return e;
  const struct _proc_spawn& m = *job->args.msg;
  const bool new_session = (m.flags & _PROC_SPAWN_SETSID) != 0;
  const bool set_group = (m.flags & _PROC_SPAWN_SETPGROUP) != 0;
  if (!new_session && set_group && m.pgroup != 0 && !table_.group_exists(m.pgroup, parent->sid)) return -EPERM;
  job->fork = false;
  job->entry = job->img.entry;
  job->sp = 0;
  job->elf = static_cast<const uint8_t*>(entry.data);
  job->fds = job->args.fds;
  job->nfds = m.nfds;
  job->cloexec = 0;
  job->set_sigmask = (m.flags & _PROC_SPAWN_SETSIGMASK) != 0;
  job->sigmask = m.sigmask;
  job->sigignore = m.sigignore;
  job->set_sched = (m.flags & _PROC_SPAWN_SETSCHED) != 0;
  job->sched_policy = m.sched_policy;
  job->sched_priority = m.sched_priority;
  job->stack_bytes = rlimit_stack_bytes(rl);
  int err = 0;
  tTMprocess* child = create_child(job, parent, base_name(job->args.path), 0, &err);
  if (child == nullptr) return -err;
  size_t used = 0;  // argv, one string after another (spawn_args.h), joined by blanks
  const char* a = job->args.argv;
  for (uint32_t i = 0; i < m.argc && used + 1 < sizeof child->args; ++i) {
    if (i > 0) child->args[used++] = ' ';
    const size_t len = strnlen(a, sizeof child->args - 1 - used);
    memcpy(child->args + used, a, len);
    used += len;
    a += strlen(a) + 1;
  }
  child->args[used] = '\0';
  child->image_bytes = image_bytes + job->stack_bytes;
  if (new_session) {
    child->sid = child->pid;
    child->pgid = child->pid;
  } else if (set_group) {
    child->pgid = m.pgroup == 0 ? child->pid : m.pgroup;
  }
  // A child in a group of its own may link it; one in its parent's group
  // cannot, and only needs telling if that group is orphaned.
  if (new_session || set_group || parent->orphaned) recheck_orphans(&child->pgid, 1, false);
  return child->pid;
}

int Server::spawn_boot_program(const char* name) {
  LoaderJob* job = &jobs_[0];
  if (job->busy) return -EAGAIN;
  struct _proc_spawn m = {};
  const size_t name_len = strlen(name);
  const size_t strings = sizeof("/proc/boot/") - 1 + name_len + 1 + name_len + 1;
  if (strings > _PROC_SPAWN_MAX) return -E2BIG;
  m.hdr = {_PROC_SPAWN, 0, static_cast<uint32_t>(sizeof m + strings)};
  m.argc = 1;
  m.strings_len = static_cast<uint32_t>(strings);
  memcpy(job->msg, &m, sizeof m);
  char* s = reinterpret_cast<char*>(job->msg + sizeof m);
  s += sprintf(s, "/proc/boot/%s", name) + 1;
  memcpy(s, name, name_len + 1);
  if (const int e = spawn_args_parse(job->msg, m.hdr.size, &job->args); e != 0) return e;
  job->busy = true;
  job->rcvid = 0;  // nobody to tell
  const int pid = start_loader(job, table_.find(kTaskmanPid));
  if (pid < 0) job->busy = false;
  boot_pid_ = pid;
  return pid;
}

void Server::do_spawn(int rcvid, const struct _msg_info& info, const struct _proc_spawn& head) {
  if (info.srcmsglen < static_cast<int64_t>(sizeof head) || head.hdr.size != info.srcmsglen) return fail(rcvid, EINVAL);
  if (head.hdr.size > sizeof(jobs_[0].msg)) return fail(rcvid, E2BIG);
  LoaderJob* job = free_job();
  if (job == nullptr) return fail(rcvid, EAGAIN);
  const long got = MsgRead_r(rcvid, job->msg, head.hdr.size, 0);
  if (got != static_cast<long>(head.hdr.size)) return fail(rcvid, got < 0 ? static_cast<int>(-got) : EFAULT);
  if (const int e = spawn_args_parse(job->msg, head.hdr.size, &job->args); e != 0) return fail(rcvid, -e);
  const tTMprocess* parent = table_.find(info.pid);
  if (parent == nullptr || parent->state != TmState::kRunning) return fail(rcvid, ESRCH);
  job->busy = true;
  job->rcvid = rcvid;
  const int pid = start_loader(job, parent);
  if (pid < 0) {
    job->busy = false;
    return fail(rcvid, -pid);
  }
  // The reply waits for the loader: PROCLOADED (the pid) or PROCDEATH (why).
}

void Server::on_loaded(int32_t pid) {
  LoaderJob* job = job_of(pid);
  tTMprocess* p = table_.find(pid);
  if (p != nullptr && p->state == TmState::kLoading) p->state = TmState::kRunning;
  if (job == nullptr) return;
  if (job->rcvid != 0) reply(job->rcvid, _proc_spawn_reply{pid, 0});
  job->busy = false;
}

void Server::collect(int rcvid, tTMprocess* child, bool nowait) {
  if (child->state == TmState::kZombie) {
    reply(rcvid, _proc_wait_reply{child->pid, child->wait_status});
    if (!nowait) table_.remove(child);
    return;
  }
  reply(rcvid, _proc_wait_reply{child->pid, child->jc_status});  // a stop or continue
  if (!nowait) child->jc_status = 0;
}

void Server::tell_waits(tTMprocess* child) {
  const int32_t parent = child->ppid;
  // Every WNOWAIT waiter sees it; the first other one collects it.
  for (PendingWait& w : waits_) {
    if (w.rcvid != 0 && w.waiter == parent && table_.wait_matches(*child, parent, w.what) &&
        ProcTable::has_news(*child, w.events)) {
      const PendingWait done = w;
      w = PendingWait{};
      collect(done.rcvid, child, done.nowait);
      if (!done.nowait) return;
    }
  }
}

void Server::make_zombie(tTMprocess* p, int32_t status) {
  p->state = TmState::kZombie;
  p->wait_status = status;
  p->jc_status = 0;  // its end is the news now
  tell_waits(p);
}

void Server::on_death(int32_t pid) {
  struct qrv_tm_proc_info info = {};
  info.pid = pid;
  if (syscall_tm_priv_r(__KER_TM_PROC_QUERY, &info) != 0) return;
  (void)syscall_tm_priv_r(__KER_TM_PROC_REAP, reinterpret_cast<void*>(static_cast<intptr_t>(pid)));
  tTMprocess* p = table_.find(pid);
  if (p == nullptr) return;
  int32_t groups[kTmProcessMax];  // whose orphaning its end can change
  const uint32_t ngroups = table_.groups_linked_by(pid, groups, kTmProcessMax);
  // Its own waits die with it; its children go to taskman, which keeps no
  // zombies of its own.
  for (PendingWait& w : waits_) {
    if (w.rcvid != 0 && w.waiter == pid) w = PendingWait{};
  }
  table_.reparent_children(pid);
  paths_.remove_pid(pid);
  table_.for_each([&](tTMprocess& c) {
    if (c.ppid == kTaskmanPid && c.state == TmState::kZombie) table_.remove(&c);
  });
  if (LoaderJob* job = job_of(pid)) {  // it died loading: the spawner learns why
    const int err = info.load_error != 0 ? info.load_error : (info.state & QRV_TM_PROC_FAULTED) ? ENOEXEC : EINTR;
    if (job->rcvid != 0) fail(job->rcvid, err);
    job->busy = false;
    table_.remove(p);
    recheck_orphans(groups, ngroups, true);
    if (pid == boot_pid_) {  // nothing else will ever run
      printf("taskman: /proc/boot/init could not be loaded: %s: shutting down\n", strerror(err));
      exit(1);
    }
    return;
  }
  const int32_t status =
      info.term_signal != 0 ? wait_status_signaled(info.term_signal) : wait_status_exited(info.exit_status);
  if (pid == boot_pid_) {
    printf("taskman: %s (pid %d) %s %d: shutting down\n", p->name, pid,
           WIFSIGNALED(status) ? "was killed by signal" : "exited with status",
           WIFSIGNALED(status) ? WTERMSIG(status) : WEXITSTATUS(status));
    exit(WIFSIGNALED(status) ? 128 + WTERMSIG(status) : WEXITSTATUS(status));
  }
  const int32_t parent = p->ppid;
  struct qrv_tm_proc_info pinfo = {};
  pinfo.pid = parent;
  const bool parent_waits = parent != kTaskmanPid && syscall_tm_priv_r(__KER_TM_PROC_QUERY, &pinfo) == 0 &&
                            (pinfo.state & QRV_TM_PROC_NOCLDWAIT) == 0;
  if (parent != kTaskmanPid) (void)SignalKill_r(0, parent, 0, SIGCHLD, 0, 0);
  if (!parent_waits) {
    table_.remove(p);
    recheck_orphans(groups, ngroups, true);
    // A parent that asked for no zombies still has its waitpid end: ECHILD
    // once nothing is left to wait for.
    for (PendingWait& w : waits_) {
      bool has_match = false;
      if (w.rcvid != 0 && w.waiter == parent && table_.match_wait(parent, w.what, w.events, &has_match) == nullptr &&
          !has_match) {
        fail(w.rcvid, ECHILD);
        w = PendingWait{};
      }
    }
    return;
  }
  make_zombie(p, status);
  recheck_orphans(groups, ngroups, true);
}

void Server::on_unblock(int32_t rcvid) {
  for (PendingWait& w : waits_) {
    if (w.rcvid == rcvid) {
      fail(rcvid, EINTR);
      w = PendingWait{};
    }
  }
}

void Server::do_wait(int rcvid, int32_t caller, const struct _proc_wait& m) {
  constexpr int32_t kKnown = WNOHANG | WUNTRACED | WEXITED | WCONTINUED | WNOWAIT;
  if ((m.options & ~kKnown) != 0 || m.idtype > kWaitPgid || m.reserved != 0) return fail(rcvid, EINVAL);
  if ((m.idtype == kWaitPid && m.id <= 0) || (m.idtype == kWaitPgid && m.id < 0)) return fail(rcvid, EINVAL);
  static_assert(kWaitExited == WEXITED && kWaitStopped == WUNTRACED && kWaitContinued == WCONTINUED);
  const uint32_t events = static_cast<uint32_t>(m.options) & (kWaitExited | kWaitStopped | kWaitContinued);
  if (events == 0) return fail(rcvid, EINVAL);  // waitid must ask for something (libc's waitpid asks WEXITED)
  const WaitFor what = {m.idtype, m.id};
  const bool nowait = (m.options & WNOWAIT) != 0;
  bool has_match = false;
  if (tTMprocess* c = table_.match_wait(caller, what, events, &has_match)) return collect(rcvid, c, nowait);
  if (!has_match) return fail(rcvid, ECHILD);
  if ((m.options & WNOHANG) != 0) return reply(rcvid, _proc_wait_reply{0, 0});
  for (PendingWait& w : waits_) {
    if (w.rcvid == 0) {
      w = PendingWait{rcvid, caller, what, events, nowait};
      return;  // answered when a matching child has news
    }
  }
  fail(rcvid, EAGAIN);
}

void Server::do_getids(int rcvid, int32_t caller, const struct _proc_ids& m) {
  const tTMprocess* p = table_.find(m.pid == 0 ? caller : m.pid);
  if (p == nullptr) return fail(rcvid, ESRCH);
  _proc_ids_reply r = ids_of(*p);
  struct qrv_tm_proc_info info = {};
  info.pid = p->pid;
  if (p->pid != kTaskmanPid && syscall_tm_priv_r(__KER_TM_PROC_QUERY, &info) == 0 &&
      (info.state & QRV_TM_PROC_TTIN_IGNORED) != 0) {
    r.flags |= _PROC_IDS_TTIN_IGNORED;
  }
  reply(rcvid, r);
}

void Server::do_mmap(int rcvid, int32_t caller, const struct _proc_mmap& m) {
  tTMprocess* p = table_.find(caller);
  if (p == nullptr) return fail(rcvid, ESRCH);
  constexpr uint32_t kProtAll = QRV_TM_PROT_READ | QRV_TM_PROT_WRITE | QRV_TM_PROT_EXEC;
  if (m.len == 0 || m.len > kMmapTop - kMmapBase || (m.prot & ~kProtAll) != 0 || m.reserved != 0) {
    return fail(rcvid, EINVAL);
  }
  const uint64_t len = (m.len + 4095) & ~uint64_t{4095};
  const uint64_t data = p->mmap_next > kMmapBase ? p->mmap_next - kMmapBase : 0;  // mappings only grow
  const uint64_t as = data + p->image_bytes;
  if (!rlimit_allows(p->rlimits.r[_PROC_RLIM_DATA].cur, data, len) ||
      !rlimit_allows(p->rlimits.r[_PROC_RLIM_AS].cur, as, len)) {
    return fail(rcvid, ENOMEM);
  }
  const uint64_t va = take_mmap_range(p, len);
  if (va == 0) return fail(rcvid, ENOMEM);
  struct qrv_tm_map req = {va, len, caller, m.prot == 0 ? QRV_TM_PROT_READ : m.prot};
  const int r = syscall_tm_priv_r(__KER_TM_MAP_ANON, &req);
  if (r < 0) return fail(rcvid, -r);  // the range stays used: mappings only grow
  reply(rcvid, _proc_mmap_reply{req.va, len});
}

uint64_t Server::take_mmap_range(tTMprocess* p, uint64_t len) {
  if (p->mmap_next < kMmapBase) p->mmap_next = kMmapBase;
  if (len > kMmapTop - p->mmap_next) return 0;
  const uint64_t va = p->mmap_next;
  p->mmap_next += len;
  return va;
}

void Server::do_kill(int rcvid, const struct _proc_kill& m) {
  if ((m.pgid <= 0 && m.pgid != -1) || m.signo < 0 || m.signo > 64) return fail(rcvid, EINVAL);
  int found = 0;
  int err = 0;
  table_.for_each([&](tTMprocess& p) {
    if ((m.pgid != -1 && p.pgid != m.pgid) || p.state != TmState::kRunning || p.pid == kTaskmanPid) return;
    ++found;
    if (m.signo != 0) {
      const int r = SignalKill_r(0, p.pid, 0, m.signo, 0, 0);
      if (r < 0) err = -r;
    }
  });
  if (found == 0) return fail(rcvid, ESRCH);
  if (err != 0) return fail(rcvid, err);
  (void)MsgReply_r(rcvid, 0, nullptr, 0);
}

void Server::on_pulse(const struct _pulse& p) {
  switch (p.code) {
    case QRV_PULSE_CODE_PROCLOADED: return on_loaded(p.value.sival_int);
    case QRV_PULSE_CODE_PROCDEATH: return on_death(p.value.sival_int);
    case QRV_PULSE_CODE_PROCJOBCTL: return on_jobctl(p.value.sival_int);
    case QRV_PULSE_CODE_UNBLOCK: return on_unblock(p.value.sival_int);
    default: return;  // DISCONNECT and the like: nothing is kept per connection
  }
}

void Server::on_message(int rcvid, const struct _msg_info& info, const Message& m) {
  const int64_t got = info.msglen;
  const auto need = [&](size_t n) { return got >= static_cast<int64_t>(n) && m.hdr.size == n; };
  if (got < static_cast<int64_t>(sizeof m.hdr) || m.hdr.reserved != 0) return fail(rcvid, EINVAL);
  switch (m.hdr.type) {
    case _PROC_SPAWN:
      if (got < static_cast<int64_t>(sizeof m.spawn)) return fail(rcvid, EINVAL);
      return do_spawn(rcvid, info, m.spawn);
    case _PROC_FORK:
      if (got < static_cast<int64_t>(sizeof m.fork)) return fail(rcvid, EINVAL);
      return do_fork(rcvid, info, m.fork);
    case _PROC_WAIT:
      return need(sizeof m.wait) ? do_wait(rcvid, info.pid, m.wait) : fail(rcvid, EINVAL);
    case _PROC_GETIDS:
      return need(sizeof m.ids) ? do_getids(rcvid, info.pid, m.ids) : fail(rcvid, EINVAL);
    case _PROC_SETPGID:
      return need(sizeof m.ids) ? do_setpgid(rcvid, info.pid, m.ids) : fail(rcvid, EINVAL);
    case _PROC_SETSID:
      return need(sizeof m.hdr) ? do_setsid(rcvid, info.pid) : fail(rcvid, EINVAL);
    case _PROC_UMASK: {
      tTMprocess* p = table_.find(info.pid);
      if (!need(sizeof m.umask) || (m.umask.mask & ~0777u) != 0 || m.umask.reserved != 0) return fail(rcvid, EINVAL);
      if (p == nullptr) return fail(rcvid, ESRCH);
      const struct _proc_umask old = {m.umask.hdr, p->umask, 0};
      p->umask = m.umask.mask;
      return reply(rcvid, old);
    }
    case _PROC_MMAP:
      return need(sizeof m.mmap) ? do_mmap(rcvid, info.pid, m.mmap) : fail(rcvid, EINVAL);
    case _PROC_KILL:
      return need(sizeof m.kill) ? do_kill(rcvid, m.kill) : fail(rcvid, EINVAL);
    case _PROC_PATH_ATTACH:
    case _PROC_PATH_DETACH:
    case _PROC_PATH_RESOLVE:
    case _PROC_CHDIR:
      return do_path(rcvid, info, m.path);
    case _PROC_GETCWD:
      return need(sizeof m.hdr) ? do_getcwd(rcvid, info.pid) : fail(rcvid, EINVAL);
    case _PROC_GETCRED: {
      const tTMprocess* p = table_.find(info.pid);
      if (!need(sizeof m.hdr)) return fail(rcvid, EINVAL);
      if (p == nullptr) return fail(rcvid, ESRCH);
      const Cred& c = p->cred;
      return reply(rcvid, _proc_cred{c.ruid, c.euid, c.suid, c.rgid, c.egid, c.sgid});
    }
    case _PROC_SETCRED:
      return need(sizeof m.setcred) ? do_setcred(rcvid, info.pid, m.setcred) : fail(rcvid, EINVAL);
    case _PROC_IO_PRIV:
      return need(sizeof m.hdr) ? do_io_priv(rcvid, info.pid) : fail(rcvid, EINVAL);
    case _PROC_SYSINFO: {
      if (!need(sizeof m.hdr)) return fail(rcvid, EINVAL);
      struct qrv_tm_system_info sys = {};
      const int r = syscall_tm_priv_r(__KER_TM_SYSTEM_INFO, &sys);
      return r < 0 ? fail(rcvid, -r) : reply(rcvid, _proc_sysinfo{sys.harts_online, sys.harts_configured});
    }
    case _PROC_CLOCK_SET:
      return need(sizeof m.clock_set) ? do_clock_set(rcvid, info.pid, m.clock_set) : fail(rcvid, EINVAL);
    case _PROC_RLIMIT:
      return need(sizeof m.rlimit) ? do_rlimit(rcvid, info.pid, m.rlimit) : fail(rcvid, EINVAL);
    case _PROC_MMAP_PHYS:
      return need(sizeof m.mmap_phys) ? do_mmap_phys(rcvid, info.pid, m.mmap_phys) : fail(rcvid, EINVAL);
    case _PROC_CONSOLE_INFO: {
      if (!need(sizeof m.hdr)) return fail(rcvid, EINVAL);
      struct qrv_tm_console_info c = {};
      const int r = syscall_tm_priv_r(__KER_TM_CONSOLE_INFO, &c);
      return r < 0 ? fail(rcvid, -r) : reply(rcvid, c);
    }
    default:
      return fail(rcvid, ENOSYS);
  }
}

void Server::serve() {
  resmgr_context_t* ctp = qrv::libc::resmgr_context_alloc(dispatch_);
  if (ctp == nullptr) {
    printf("taskman: no memory for its receive buffer\n");
    exit(1);
  }
  static_assert(sizeof(Message) <= qrv::libc::kResmgrMsgMax, "every message fits the buffer");
  const auto* m = static_cast<const Message*>(ctp->msg);
  for (;;) {
    memset(ctp->msg, 0, sizeof(Message));  // short messages read zeros, not the last one's bytes
    if (qrv::libc::resmgr_block(ctp) != 0) continue;
    // The library takes I/O messages and disconnect pulses; the rest is ours.
    if (qrv::libc::resmgr_handler(ctp) == 0) continue;
    if (ctp->rcvid == 0) {
      on_pulse(m->pulse);
    } else {
      on_message(ctp->rcvid, ctp->info, *m);
    }
  }
}

}  // namespace taskman
