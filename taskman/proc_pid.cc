// /proc: a node per process (see proc_fs.h and sys/procmsg.h). What taskman
// knows (parent, group, session, state, name) comes from its table; what
// only the kernel knows (threads, their priority, state and what they wait
// on) from __KER_TM_THREAD_QUERY, asked at the moment of the read.
#include <stdio.h>
#include <string.h>
#include <sys/neutrino.h>

#include "kernel/abi/tm_priv.h"
#include "libc/include/sys/procmsg.h"
#include "taskman/proc_fs.h"
#include "taskman/proc_node.h"

namespace taskman {
namespace {

// An open /proc (pid 0) or /proc/<pid>.
struct PidOcb {
  iofunc_ocb_t ocb;
  iofunc_attr_t attr;
  const ProcFs* owner;
  int32_t pid;
};

const ProcFs* fs_of(void* handle) { return static_cast<const ProcFs*>(handle); }

// QNX pidin's names for the kernel's thread states (<sys/states.h> order).
const char* state_name(uint32_t s) {
  static const char* const kNames[] = {"DEAD",      "RUNNING",    "READY",     "STOPPED",     "SEND",
                                       "RECEIVE",   "REPLY",      "STACK",     "WAITTHREAD",  "WAITPAGE",
                                       "SIGSUSPEND", "SIGWAITINFO", "NANOSLEEP", "MUTEX",      "CONDVAR",
                                       "JOIN",      "INTR",       "SEM",       "WAITCTX",     "NET_SEND",
                                       "NET_REPLY"};
  return s < sizeof kNames / sizeof kNames[0] ? kNames[s] : "UNKNOWN";
}

uint32_t state_of(const tTMprocess& p) {
  return p.state == TmState::kLoading ? _PROC_STATE_LOADING
         : p.state == TmState::kZombie ? _PROC_STATE_ZOMBIE
                                       : _PROC_STATE_RUNNING;
}

// The decimal pid `s` names exactly, or 0.
int32_t pid_of(const char* s) {
  int64_t v = 0;
  for (const char* c = s; *c != '\0'; ++c) {
    if (*c < '0' || *c > '9' || v > INT32_MAX / 10) return 0;
    v = v * 10 + (*c - '0');
  }
  return s[0] != '0' && v <= INT32_MAX ? static_cast<int32_t>(v) : 0;
}

// The thread of pid at or after tid; 0 or -errno.
int thread_at(int32_t pid, int32_t tid, qrv_tm_thread_info* t) {
  *t = qrv_tm_thread_info{};
  t->pid = pid;
  t->tid = tid;
  return syscall_tm_priv_r(__KER_TM_THREAD_QUERY, t);
}

int pid_open(resmgr_context_t*, const struct _io_connect* msg, const char* path, void* handle, iofunc_ocb_t** ocb) {
  const ProcFs* fs = fs_of(handle);
  int32_t pid = 0;
  if (path[0] != '\0') {
    char first[16];
    const size_t n = strcspn(path, "/");
    if (n >= sizeof first) return ENOENT;
    memcpy(first, path, n);
    first[n] = '\0';
    pid = pid_of(first);
    if (pid == 0 || fs->procs()->find(pid) == nullptr) return ENOENT;
    if (path[n] != '\0') return ENOTDIR;  // a process is no directory
  }
  if (const int e = read_only_open(msg, pid == 0); e != 0) return e;
  PidOcb* o = new_ocb<PidOcb>(fs, pid == 0 ? kDirMode : S_IFREG | 0444, 0, static_cast<uint64_t>(pid) + 2);
  if (o == nullptr) return ENOMEM;
  o->pid = pid;
  *ocb = &o->ocb;
  return 0;
}

// /proc/<pid> as text, into buf (cap bytes); its length.
size_t describe(const tTMprocess& p, char* buf, size_t cap) {
  static const char* const kStates[] = {"", "loading", "running", "zombie"};
  struct qrv_tm_proc_info k = {};
  k.pid = p.pid;
  const bool known = syscall_tm_priv_r(__KER_TM_PROC_QUERY, &k) == 0;
  const bool stopped = known && (k.state & QRV_TM_PROC_STOPPED) != 0;
  int n = snprintf(buf, cap,
                   "pid %d\nname %s\nparent %d\ngroup %d\nsession %d\nstate %s\nargs %s\nmemory %lu pages, %lu table pages\n",
                   p.pid, p.name, p.ppid, p.pgid, p.sid, stopped ? "stopped" : kStates[state_of(p)],
                   p.args[0] != '\0' ? p.args : p.name, known ? static_cast<unsigned long>(k.mapped_pages) : 0ul,
                   known ? static_cast<unsigned long>(k.table_pages) : 0ul);
  qrv_tm_thread_info t;
  for (int32_t tid = 0; n >= 0 && static_cast<size_t>(n) < cap && thread_at(p.pid, tid, &t) == 0; tid = t.tid + 1) {
    n += snprintf(buf + n, cap - static_cast<size_t>(n), "thread %d priority %u %s %s", t.tid, t.priority,
                  t.policy == QRV_SCHED_FIFO ? "FIFO" : t.policy == QRV_SCHED_RR ? "RR" : "OTHER",
                  state_name(t.state));
    if (static_cast<size_t>(n) >= cap) break;
    if (t.blocked_pid != 0) {
      n += snprintf(buf + n, cap - static_cast<size_t>(n), " pid %d chid %d", t.blocked_pid, t.blocked_chid);
    } else if (t.blocked_chid != 0) {
      n += snprintf(buf + n, cap - static_cast<size_t>(n), " chid %d", t.blocked_chid);
    } else if (t.blocked_tid != 0) {
      n += snprintf(buf + n, cap - static_cast<size_t>(n), " tid %d", t.blocked_tid);
    } else if (t.blocked_addr != 0) {
      n += snprintf(buf + n, cap - static_cast<size_t>(n), " at %#lx", t.blocked_addr);
    }
    if (static_cast<size_t>(n) < cap) n += snprintf(buf + n, cap - static_cast<size_t>(n), "\n");
  }
  return n < 0 ? 0 : static_cast<size_t>(n) < cap ? static_cast<size_t>(n) : cap - 1;
}

int pid_read(resmgr_context_t* ctp, const struct _io_read* msg, iofunc_ocb_t* ocb) {
  auto* o = reinterpret_cast<PidOcb*>(ocb);
  const ProcTable* procs = o->owner->procs();
  if (o->pid == 0) {  // the directory: "boot", then every pid
    return read_dir(ctp, msg, ocb, [&](uint32_t index, char* name, size_t cap, uint64_t* ino) {
      if (index == 0) {
        *ino = 1;
        return snprintf(name, cap, "boot") > 0;
      }
      uint32_t i = 1;
      bool found = false;
      procs->for_each([&](const tTMprocess& p) {
        if (!found && i++ == index) {
          found = snprintf(name, cap, "%d", p.pid) > 0;
          *ino = static_cast<uint64_t>(p.pid) + 2;
        }
      });
      return found;
    });
  }
  const tTMprocess* p = procs->find(o->pid);
  if (p == nullptr) return ESRCH;  // it has gone since the open
  static char text[2048];          // one message at a time
  const size_t len = describe(*p, text, sizeof text);
  const uint64_t at = ocb->offset < len ? ocb->offset : len;
  const uint64_t n = msg->nbytes < len - at ? msg->nbytes : len - at;
  ctp->iov[0] = iov_t{text + at, n};
  ocb->offset = at + n;
  ctp->status = static_cast<long>(n);
  return _RESMGR_NPARTS(1);
}

int pid_devctl(resmgr_context_t* ctp, const struct _io_devctl* msg, iofunc_ocb_t* ocb) {
  auto* o = reinterpret_cast<PidOcb*>(ocb);
  const tTMprocess* p = o->pid != 0 ? o->owner->procs()->find(o->pid) : nullptr;
  if (o->pid == 0) return ENOTTY;
  if (p == nullptr) return ESRCH;
  static struct _io_devctl_reply head;
  static union {
    struct _proc_info info;
    qrv_tm_thread_info thread;
  } out;
  head = {0, 0};
  if (msg->dcmd == _PROC_DCMD_INFO) {
    out.info = _proc_info{p->pid, p->ppid, p->pgid, p->sid, state_of(*p), 0, {}};
    qrv_tm_thread_info t;
    for (int32_t tid = 0; thread_at(p->pid, tid, &t) == 0; tid = t.tid + 1) out.info.threads++;
    strncpy(out.info.name, p->name, sizeof out.info.name - 1);
    head.nbytes = sizeof out.info;
  } else if (msg->dcmd == _PROC_DCMD_THREAD) {
    qrv_tm_thread_info in;
    if (msg->nbytes != sizeof in || ctp->msg_len < sizeof *msg + sizeof in) return EINVAL;
    memcpy(&in, msg + 1, sizeof in);
    const int32_t tid = in.tid;
    if (const int e = thread_at(p->pid, tid, &out.thread); e != 0) return -e;
    head.nbytes = sizeof out.thread;
  } else {
    return ENOTTY;
  }
  ctp->iov[0] = iov_t{&head, sizeof head};
  ctp->iov[1] = iov_t{&out, head.nbytes};
  return _RESMGR_NPARTS(2);
}

const resmgr_connect_funcs_t kPidConnect = {pid_open, read_only_change, read_only_change, read_only_rename};
const resmgr_io_funcs_t kPidIo = {pid_read, nullptr, nullptr, nullptr, pid_devctl, free_ocb};

}  // namespace

int ProcFs::attach_pids(dispatch_t* dpp) {
  const int id = qrv::libc::resmgr_attach(dpp, nullptr, 0, &kPidConnect, &kPidIo, this);
  return id < 0 ? -ENOMEM : id;
}

}  // namespace taskman
