// Processes over the taskman link (sys/procmsg.h): waitpid, posix_spawn and
// posix_spawnp with their attributes, the process ids and groups, umask.
// Signals are in signal.cc.
#include "kernel/abi/errno.h"
#include "kernel/abi/signals.h"
#include "libc/include/sys/procmsg.h"
#include "libc/src/common/entrypoint.h"
#include "libc/src/common/errno.h"
#include "libc/src/neutrino/neutrino_api.h"
#include "libc/src/neutrino/taskman_link.h"
#include "libc/src/posix/posix_api.h"
#include "libc/src/posix/spawn_fds.h"
#include "libc/src/stdlib/stdlib_api.h"

namespace qrv::libc {

namespace {

constexpr long kMaxParts = 1 + 1 + 1 + 2 * 1024;  // header, descriptors, path, argv and envp strings

size_t length(const char* s) {
  size_t n = 0;
  while (s[n] != 0) ++n;
  return n;
}

uint32_t count(char* const v[]) {
  uint32_t n = 0;
  while (v != nullptr && v[n] != nullptr) ++n;
  return n;
}

// The ids taskman keeps for `pid` (0: the caller), or -errno.
long ask_ids(pid_t pid, _proc_ids_reply* out) {
  const _proc_ids m = {{_PROC_GETIDS, 0, sizeof m}, pid, 0};
  return taskman_send(&m, sizeof m, out, sizeof *out);
}

pid_t g_pid = 0;  // a process's pid never changes: asked once (a fork's child asks again)

}  // namespace

void fork_forget_pid() { g_pid = 0; }

namespace {
// One _PROC_WAIT; taskman's reply, or -errno.
long ask_wait(uint32_t idtype, int32_t id, int options, _proc_wait_reply* reply) {
  const _proc_wait m = {{_PROC_WAIT, 0, sizeof m}, id, options, idtype, 0};
  return taskman_send(&m, sizeof m, reply, sizeof *reply);
}
}  // namespace

QRV_LIBC_FN(pid_t, waitpid, (pid_t pid, int* status, int options)) {
  if ((options & kWaitidOnly) != 0) {  // waitpid has WNOHANG, WUNTRACED and WCONTINUED only
    set_errno(QRV_EINVAL);
    return -1;
  }
  const uint32_t idtype = pid > 0 ? _PROC_WAIT_PID : pid == -1 ? _PROC_WAIT_ALL : _PROC_WAIT_PGID;
  _proc_wait_reply reply = {0, 0};
  // Ended children always; stopped and continued ones when asked.
  const long r = ask_wait(idtype, pid > 0 ? pid : pid == -1 ? 0 : -pid, options | kWExited, &reply);
  if (r < 0) return static_cast<pid_t>(from_kernel_result(r));
  if (status != nullptr && reply.pid != 0) *status = reply.status;
  return reply.pid;
}

// waitid: WEXITED, WSTOPPED and WCONTINUED say which news to wait for
// (at least one).
QRV_LIBC_FN(int, waitid, (int idtype, int32_t id, SigInfo* info, int options)) {
  const bool known_type = idtype == kPAll || idtype == kPPid || idtype == kPPgid;
  const bool asks = (options & (kWExited | kWUntraced | kWContinued)) != 0;
  if (!known_type || !asks || (idtype == kPPid && id <= 0) || (idtype == kPPgid && id < 0)) {
    set_errno(QRV_EINVAL);
    return -1;
  }
  const uint32_t kind = idtype == kPPid ? _PROC_WAIT_PID : idtype == kPPgid ? _PROC_WAIT_PGID : _PROC_WAIT_ALL;
  _proc_wait_reply reply = {0, 0};
  const long r = ask_wait(kind, idtype == kPAll ? 0 : id, options, &reply);
  if (r < 0) return static_cast<int>(from_kernel_result(r));
  if (info != nullptr) {
    *info = SigInfo{};
    if (reply.pid != 0) {  // WNOHANG with nothing ended leaves si_pid 0
      const int sig = reply.status & 0x7f;
      info->si_signo = QRV_SIGCHLD;
      info->si_pid = reply.pid;
      if (reply.status == 0xffff) {  // continued
        info->si_code = kCldContinued;
        info->si_status = QRV_SIGCONT;
      } else if (sig == 0x7f) {  // stopped, by the signal in bits 8-15
        info->si_code = kCldStopped;
        info->si_status = (reply.status >> 8) & 0xff;
      } else {
        info->si_code = sig != 0 ? kCldKilled : kCldExited;
        info->si_status = sig != 0 ? sig : (reply.status >> 8) & 0xff;
      }
    }
  }
  return 0;
}

QRV_LIBC_FN(pid_t, wait, (int* status)) { return waitpid(-1, status, 0); }

// Returns an error number (POSIX), not -1.
namespace {

// posix_spawn and spawn(): the message, the child's descriptors (from the
// file actions or fd_map), the answer.
int spawn_common(pid_t* pid, const char* path, const PosixSpawnFileActions* file_actions, const int* fd_map,
                 int fd_count, const PosixSpawnAttr* attr, char* const argv[], char* const envp[]) {
  if (path == nullptr || argv == nullptr) return QRV_EINVAL;
  const uint32_t argc = count(argv);
  const uint32_t envc = count(envp);
  if (3 + argc + envc > kMaxParts) return QRV_E2BIG;
  _proc_spawn m = {};
  iov_t parts[kMaxParts];
  long n = 0;
  uint64_t strings = 0;
  auto add = [&](const char* s) {
    const size_t len = length(s) + 1;
    parts[n++] = iov_t{const_cast<char*>(s), len};
    strings += len;
  };
  parts[n++] = iov_t{&m, sizeof m};
  static_assert(kMaxParts > 2, "room for the descriptors' part");
  SpawnFdPlan plan;
  parts[n++] = iov_t{plan.fds, 0};  // filled below, once the strings are counted
  add(path);
  for (uint32_t i = 0; i < argc; ++i) add(argv[i]);
  for (uint32_t i = 0; i < envc; ++i) add(envp[i]);
  if (strings > _PROC_SPAWN_MAX) return QRV_E2BIG;
  if (const int e = spawn_plan_fds(file_actions, fd_map, fd_count, &plan); e != 0) return e;
  const size_t fds_len = plan.n * sizeof(struct _proc_spawn_fd);
  parts[1].iov_len = fds_len;
  m.nfds = plan.n;
  m.hdr = {_PROC_SPAWN, 0, static_cast<uint32_t>(sizeof m + fds_len + strings)};
  m.argc = argc;
  m.envc = envc;
  m.strings_len = static_cast<uint32_t>(strings);
  m.sigignore = ignored_signals();
  if (attr != nullptr) {
    const int16_t f = attr->flags;
    if (f & kPosixSpawnSetpgroup) m.flags |= _PROC_SPAWN_SETPGROUP;
    if (f & kPosixSpawnSetsid) m.flags |= _PROC_SPAWN_SETSID;
    if (f & kPosixSpawnSetsigmask) m.flags |= _PROC_SPAWN_SETSIGMASK;
    if (f & kPosixSpawnSetsigdef) m.flags |= _PROC_SPAWN_SETSIGDEF;
    if (f & (kPosixSpawnSetschedparam | kPosixSpawnSetscheduler)) {
      // SETSCHEDPARAM alone keeps the default policy (the attribute's, round robin).
      m.flags |= _PROC_SPAWN_SETSCHED;
      m.sched_policy = attr->sched_policy;
      m.sched_priority = attr->sched_priority;
    }
    m.pgroup = attr->pgroup;
    m.sigmask = attr->sigmask;
    m.sigdefault = attr->sigdefault;
    if (f & kPosixSpawnSetsigdef) m.sigignore &= ~attr->sigdefault;
  }
  _proc_spawn_reply reply = {0, 0};
  const long r = taskman_sendv(parts, n, &reply, sizeof reply);
  spawn_plan_done(&plan);  // the child has its own connections now
  if (r < 0) return static_cast<int>(-r);
  if (pid != nullptr) *pid = reply.pid;
  return 0;
}

}  // namespace

QRV_LIBC_FN(int, posix_spawn, (pid_t * pid, const char* path, const PosixSpawnFileActions* file_actions,
                               const PosixSpawnAttr* attr, char* const argv[], char* const envp[])) {
  return spawn_common(pid, path, file_actions, nullptr, 0, attr, argv, envp);
}

// posix_spawnp: a name without a slash is looked for in PATH (default
// /proc/boot, where every program lives today).
QRV_LIBC_FN(int, posix_spawnp, (pid_t * pid, const char* file, const PosixSpawnFileActions* file_actions,
                                const PosixSpawnAttr* attr, char* const argv[], char* const envp[])) {
  if (file == nullptr || file[0] == 0) return QRV_ENOENT;
  for (const char* c = file; *c != 0; ++c) {
    if (*c == '/') return posix_spawn(pid, file, file_actions, attr, argv, envp);
  }
  const char* path = getenv("PATH");
  if (path == nullptr || path[0] == 0) path = "/proc/boot";
  int last = QRV_ENOENT;
  const size_t flen = length(file);
  for (const char* p = path;;) {
    const char* colon = p;
    while (*colon != 0 && *colon != ':') ++colon;
    const size_t dlen = static_cast<size_t>(colon - p);
    char full[256];
    if (dlen + 1 + flen + 1 <= sizeof full) {
      size_t k = 0;
      for (size_t i = 0; i < dlen; ++i) full[k++] = p[i];
      if (dlen == 0) full[k++] = '.';
      full[k++] = '/';
      for (size_t i = 0; i <= flen; ++i) full[k++] = file[i];
      const int r = posix_spawn(pid, full, file_actions, attr, argv, envp);
      if (r != QRV_ENOENT && r != QRV_EACCES && r != QRV_ENOTDIR) return r;
      if (r == QRV_EACCES) last = r;
    } else {
      last = QRV_ENAMETOOLONG;
    }
    if (*colon == 0) return last;
    p = colon + 1;
  }
}

// QNX's spawn() is posix_spawn with the inheritance as attributes.
QRV_LIBC_FN(pid_t, spawn, (const char* path, int fd_count, const int fd_map[], const Inheritance* inherit,
                           char* const argv[], char* const envp[])) {
  constexpr unsigned long kKnown = kSpawnSetgroup | kSpawnSetsigmask | kSpawnSetsigdef | kSpawnSetsid;
  int err = 0;
  PosixSpawnAttr attr = {0, 0, 0, 0, 0, QRV_SCHED_RR, 10};
  if (fd_count < 0 || (fd_count > 0 && fd_map == nullptr) || (inherit != nullptr && (inherit->flags & ~kKnown) != 0)) {
    err = QRV_EINVAL;
  } else if (inherit != nullptr) {
    const unsigned long f = inherit->flags;
    attr.flags = static_cast<int16_t>(((f & kSpawnSetgroup) ? kPosixSpawnSetpgroup : 0) |
                                      ((f & kSpawnSetsigmask) ? kPosixSpawnSetsigmask : 0) |
                                      ((f & kSpawnSetsigdef) ? kPosixSpawnSetsigdef : 0) |
                                      ((f & kSpawnSetsid) ? kPosixSpawnSetsid : 0));
    attr.pgroup = inherit->pgroup;
    attr.sigmask = inherit->sigmask;
    attr.sigdefault = inherit->sigdefault;
  }
  pid_t pid = 0;
  if (err == 0) {
    err = spawn_common(&pid, path, nullptr, fd_count > 0 ? fd_map : nullptr, fd_count,
                       inherit != nullptr ? &attr : nullptr, argv, envp);
  }
  if (err != 0) {
    set_errno(err);
    return -1;
  }
  return pid;
}

QRV_LIBC_FN(pid_t, getpid, ()) {
  if (g_pid > 0) return g_pid;
  _proc_ids_reply ids = {};
  const long r = ask_ids(0, &ids);
  if (r < 0) return static_cast<pid_t>(from_kernel_result(r));
  g_pid = ids.pid;
  return g_pid;
}

QRV_LIBC_FN(pid_t, getppid, ()) {
  _proc_ids_reply ids = {};
  const long r = ask_ids(0, &ids);
  return r < 0 ? static_cast<pid_t>(from_kernel_result(r)) : ids.ppid;
}

QRV_LIBC_FN(pid_t, getpgid, (pid_t pid)) {
  _proc_ids_reply ids = {};
  const long r = ask_ids(pid, &ids);
  return r < 0 ? static_cast<pid_t>(from_kernel_result(r)) : ids.pgid;
}

QRV_LIBC_FN(pid_t, getpgrp, ()) { return getpgid(0); }

QRV_LIBC_FN(pid_t, getsid, (pid_t pid)) {
  _proc_ids_reply ids = {};
  const long r = ask_ids(pid, &ids);
  return r < 0 ? static_cast<pid_t>(from_kernel_result(r)) : ids.sid;
}

QRV_LIBC_FN(int, setpgid, (pid_t pid, pid_t pgid)) {
  const _proc_ids m = {{_PROC_SETPGID, 0, sizeof m}, pid, pgid};
  return static_cast<int>(from_kernel_result(taskman_send(&m, sizeof m, nullptr, 0)));
}

QRV_LIBC_FN(pid_t, setsid, ()) {
  const _proc_hdr m = {_PROC_SETSID, 0, sizeof m};
  _proc_ids_reply ids = {};
  const long r = taskman_send(&m, sizeof m, &ids, sizeof ids);
  return r < 0 ? static_cast<pid_t>(from_kernel_result(r)) : ids.sid;
}

QRV_LIBC_FN(mode_t, umask, (mode_t mask)) {
  const _proc_umask m = {{_PROC_UMASK, 0, sizeof m}, mask & 0777u, 0};
  _proc_umask old = {};
  const long r = taskman_send(&m, sizeof m, &old, sizeof old);
  return r < 0 ? 022 : old.mask;  // umask cannot fail (POSIX); without taskman there is no mask to keep
}

int taskman_kill_group(pid_t pgid, int signo) {
  const _proc_kill m = {{_PROC_KILL, 0, sizeof m}, pgid, signo};
  return static_cast<int>(from_kernel_result(taskman_send(&m, sizeof m, nullptr, 0)));
}

}  // namespace qrv::libc
