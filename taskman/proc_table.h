// tTMprocess: taskman's table of processes, the POSIX side of each one
// (parent, group, session, umask, credentials, exit status, zombie state). The kernel
// keeps only what it must (threads, IPC, the address space); everything
// here is policy and is plain logic, tested on the host.
#pragma once

#include <stddef.h>
#include <stdint.h>

#include "taskman/cred.h"
#include "taskman/rlimit.h"

namespace taskman {

inline constexpr uint32_t kTmProcessMax = 128;
inline constexpr int32_t kTaskmanPid = 1;  // QNX's procnto is pid 1 too: orphans come here

enum class TmState : uint8_t {
  kFree,
  kLoading,  // its loader runs; the spawner waits for the outcome
  kRunning,
  kZombie,   // ended; waits for its parent's waitpid
};

// A working directory, shared by a process and the children that inherited
// it (a spawn never fails for want of memory to copy it).
struct Cwd {
  uint32_t refs;
  char path[1];  // normalized, NUL-terminated; allocated to its length
};

struct tTMprocess {
  TmState state = TmState::kFree;
  int32_t pid = 0;
  int32_t ppid = 0;
  int32_t pgid = 0;
  int32_t sid = 0;
  uint32_t umask = 0;        // add() gives 022 or the parent's (a zero default keeps the table in .bss)
  int32_t wait_status = 0;   // <sys/wait.h> encoding, once a zombie
  int32_t jc_status = 0;     // a stop or continue no wait has reported yet (its encoding), or 0
  uint8_t seen_stops = 0;    // the kernel's job-control counters when taskman last looked
  uint8_t seen_continues = 0;
  uint64_t mmap_next = 0;    // where its next anonymous mapping goes
  Cwd* cwd = nullptr;        // nullptr: "/"
  Cred cred;                 // the parent's (add()); root for taskman's first child
  Rlimits rlimits;           // the parent's (add()), or rlimit_defaults()
  uint64_t image_bytes = 0;  // its program's segments and main stack, for RLIMIT_AS
  bool orphaned = false;     // its group is orphaned, as the kernel was last told (PROC_SET_SESSION)
  char name[32] = {};
  char args[96] = {};        // its arguments, joined by blanks (cut), for /proc and pidin arg
};

// Encodings of <sys/wait.h>.
constexpr int32_t wait_status_exited(int64_t code) { return static_cast<int32_t>((code & 0xff) << 8); }
constexpr int32_t wait_status_signaled(int signo) { return signo & 0x7f; }
constexpr int32_t wait_status_stopped(int signo) { return ((signo & 0xff) << 8) | 0x7f; }
inline constexpr int32_t kWaitStatusContinued = 0xffff;

// What a wait asks to hear of (waitid's WEXITED, WSTOPPED and WCONTINUED;
// the same bits in <sys/wait.h>).
inline constexpr uint32_t kWaitExited = 4, kWaitStopped = 2, kWaitContinued = 8;

// What a wait waits for (the idtype and id of waitid; waitpid's pid maps
// onto it with wait_for_pid).
struct WaitFor {
  uint32_t idtype = 0;  // _PROC_WAIT_ALL, _PROC_WAIT_PID, _PROC_WAIT_PGID
  int32_t id = 0;       // a pid or a group (0: the waiter's own)
};
inline constexpr uint32_t kWaitAll = 0, kWaitPid = 1, kWaitPgid = 2;

// waitpid's pid: > 0 that child, -1 any, 0 the caller's group, < -1 group -pid.
constexpr WaitFor wait_for_pid(int32_t pid) {
  return pid > 0 ? WaitFor{kWaitPid, pid} : pid == -1 ? WaitFor{kWaitAll, 0} : WaitFor{kWaitPgid, -pid};
}

class ProcTable {
 public:
  // A new slot for `pid`, child of `parent` (nullptr: no parent, taskman
  // itself), in the parent's group and session; nullptr if the table is full
  // or pid is in use.
  tTMprocess* add(int32_t pid, const tTMprocess* parent);

  // Whether add() would find a free slot.
  bool has_room() const;

  // The slot of pid (any state but free), or nullptr.
  tTMprocess* find(int32_t pid);
  const tTMprocess* find(int32_t pid) const;

  // Forgets pid.
  void remove(tTMprocess* p);

  // p's working directory ("/" unless set), and setting it (`path`
  // normalized): 0 or -ENOMEM.
  static const char* cwd(const tTMprocess& p) { return p.cwd != nullptr ? p.cwd->path : "/"; }
  int set_cwd(tTMprocess* p, const char* path);

  // pid has ended with wait status `status`. Its children go to taskman
  // (QNX's reaper); what becomes of pid itself is up to the caller (a zombie
  // for its parent, or removed). Returns the number of children moved.
  uint32_t reparent_children(int32_t pid);

  // A wait's choice for `parent`: a child with news the wait asks for
  // (`events`: kWaitExited a zombie; kWaitStopped, kWaitContinued a stop or
  // continue not yet reported), or nullptr with *has_match telling whether
  // some child would match later (else ECHILD).
  tTMprocess* match_wait(int32_t parent, WaitFor w, uint32_t events, bool* has_match);

  // Whether child has news for a wait asking for `events`.
  static bool has_news(const tTMprocess& child, uint32_t events);

  // Whether `child` is what a wait `w` of its parent waits for.
  bool wait_matches(const tTMprocess& child, int32_t parent, WaitFor w) const;

  // setpgid(pid, pgid) from `caller` (pid 0 = caller, pgid 0 = pid): 0 or -errno
  // (ESRCH, EPERM, EINVAL) as POSIX says.
  int setpgid(int32_t caller, int32_t pid, int32_t pgid);

  // setsid() from `caller`: the new session id, or -EPERM (already a group leader).
  int setsid(int32_t caller);

  // Whether any live process is in group `pgid` within session `sid` (sid 0: any).
  bool group_exists(int32_t pgid, int32_t sid) const;

  // Whether group `pgid` is orphaned (POSIX): it has live members and none
  // has a parent, other than taskman, in another group of its session. A
  // group with no live member is not (nothing is left to stop or hang up).
  bool group_orphaned(int32_t pgid) const;

  // The groups whose orphaning a move of `pid` (setpgid, setsid) can change,
  // each once: its own, and those of its children. At most `max`; the count.
  uint32_t groups_around(int32_t pid, int32_t* out, uint32_t max) const;

  // The groups `pid` keeps from being orphaned, each once (what its end can
  // orphan): its own if its parent is in another group of its session, and
  // those of its children in other groups of its session. At most `max`.
  uint32_t groups_linked_by(int32_t pid, int32_t* out, uint32_t max) const;

  // visit(p) for every used slot.
  template <typename Visit>
  void for_each(Visit&& visit) {
    for (tTMprocess& p : slots_) {
      if (p.state != TmState::kFree) visit(p);
    }
  }
  template <typename Visit>
  void for_each(Visit&& visit) const {
    for (const tTMprocess& p : slots_) {
      if (p.state != TmState::kFree) visit(p);
    }
  }

 private:
  bool linked_by_parent(const tTMprocess& m) const;

  tTMprocess slots_[kTmProcessMax];
};

}  // namespace taskman
