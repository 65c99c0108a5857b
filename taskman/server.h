// taskman's message loop and the handlers of sys/procmsg.h: spawn (with the
// loader), wait and the notices of the kernel, ids and groups, credentials,
// umask, mmap (anonymous and device memory), I/O privilege,
// kill of a group, the path namespace and the cwd; and, through libc's
// resource-manager library, the I/O messages of the paths taskman serves
// itself (proc_fs.h). One thread serves everything: no handler blocks (a
// spawn or a wait that cannot finish now is answered later, from a notice).
#pragma once

#include <stdint.h>
#include <sys/neutrino.h>
#include "libc/include/sys/procmsg.h"

#include "taskman/imagefs.h"
#include "taskman/loader.h"
#include "taskman/path_table.h"
#include "taskman/proc_fs.h"
#include "taskman/proc_table.h"

namespace taskman {

// Replies of the handlers: a struct, or an error.
template <typename T>
void reply(int rcvid, const T& r) {
  (void)MsgReply_r(rcvid, 0, &r, sizeof r);
}
inline void fail(int rcvid, int err) { (void)MsgError_r(rcvid, err); }
// What _PROC_GETIDS and _PROC_SETSID answer of p.
_proc_ids_reply ids_of(const tTMprocess& p);

inline constexpr uint32_t kMaxPendingWaits = 64;
// Anonymous mappings (_PROC_MMAP) grow up from here, below the stacks.
inline constexpr uint64_t kMmapBase = 0x0000000100000000ull;
inline constexpr uint64_t kMmapTop = kChildStackTop - 2 * kStackMax;  // the largest stack, and a gap

class Server {
 public:
  // Serves `chid` with the boot image `fs`, and enters taskman itself in
  // the table (pid 1). The server must live in taskman's image (a global):
  // the loader reads its jobs from the child.
  // 0, or -errno (no memory for the paths taskman serves).
  int init(const ImageFs* fs, int chid);

  // Spawns /proc/boot/`name` as a child of taskman with argv {name};
  // the pid, or -errno. The outcome arrives as a notice (PROCLOADED or
  // PROCDEATH), handled by serve(). When that program ends, taskman ends
  // with its status, and the kernel powers off.
  int spawn_boot_program(const char* name);

  // The loop; never returns.
  [[noreturn]] void serve();

 private:
  struct PendingWait {
    int32_t rcvid = 0;  // 0: free
    int32_t waiter = 0;
    WaitFor what;
    uint32_t events = 0;  // kWaitExited, kWaitStopped, kWaitContinued
    bool nowait = false;  // WNOWAIT: the child stays waitable
  };

  union Message {
    struct _pulse pulse;
    struct _proc_hdr hdr;
    struct _proc_spawn spawn;
    struct _proc_fork fork;
    struct _proc_wait wait;
    struct _proc_ids ids;
    struct _proc_umask umask;
    struct _proc_mmap mmap;
    struct _proc_kill kill;
    struct _proc_path path;
    struct _proc_setcred setcred;
    struct _proc_mmap_phys mmap_phys;
    struct _proc_rlimit rlimit;
    struct _proc_clock_set clock_set;
  };

  void on_pulse(const struct _pulse& p);
  void on_message(int rcvid, const struct _msg_info& info, const Message& m);
  void on_loaded(int32_t pid);
  void on_death(int32_t pid);
  void on_jobctl(int32_t pid);
  void on_unblock(int32_t rcvid);

  // Each handler replies (or keeps the rcvid for later) itself.
  void do_spawn(int rcvid, const struct _msg_info& info, const struct _proc_spawn& head);
  // server_fork.cc: a copy of the caller, started by its loader.
  void do_fork(int rcvid, const struct _msg_info& info, const struct _proc_fork& head);
  void do_wait(int rcvid, int32_t caller, const struct _proc_wait& m);
  void do_getids(int rcvid, int32_t caller, const struct _proc_ids& m);
  void do_mmap(int rcvid, int32_t caller, const struct _proc_mmap& m);
  void do_kill(int rcvid, const struct _proc_kill& m);
  void do_rlimit(int rcvid, int32_t caller, const struct _proc_rlimit& m);
  void do_clock_set(int rcvid, int32_t caller, const struct _proc_clock_set& m);
  void do_path(int rcvid, const struct _msg_info& info, const struct _proc_path& m);
  void do_getcwd(int rcvid, int32_t caller);
  // server_jobctl.cc: groups and sessions, stops and continues, orphaned groups.
  void do_setpgid(int rcvid, int32_t caller, const struct _proc_ids& m);
  void do_setsid(int rcvid, int32_t caller);
  // Tells the kernel which members of `groups` are in an orphaned group now.
  // With `hang_up` (a process ended), a group this orphans that has a
  // stopped member gets SIGHUP and SIGCONT (POSIX 2.4.3 and _exit()).
  void recheck_orphans(const int32_t* groups, uint32_t n, bool hang_up);
  // server_priv.cc: credentials, I/O privilege, device memory, the console UART.
  void do_setcred(int rcvid, int32_t caller, const struct _proc_setcred& m);
  void do_io_priv(int rcvid, int32_t caller);
  void do_mmap_phys(int rcvid, int32_t caller, const struct _proc_mmap_phys& m);
  // A free range of len bytes (page multiple) in p's mmap area, taken; 0 when full.
  static uint64_t take_mmap_range(tTMprocess* p, uint64_t len);

 public:
  // Whose child pid is (an _IO_DUP's question): its parent, or -ESRCH.
  int parent_of(int32_t pid) const;

 private:

  // Whether parent may have another child now (a table slot, RLIMIT_NPROC): 0 or -EAGAIN.
  int admit(const tTMprocess* parent) const;
  // The kernel's new process for `job` (its loader to run job; a copy of
  // fork_pid unless 0) and its slot, a child of parent with parent's ids,
  // limits, umask and cwd; nullptr with *err an errno. Call admit() first.
  tTMprocess* create_child(LoaderJob* job, const tTMprocess* parent, const char* name, int32_t fork_pid, int* err);
  // Starts the loader for the spawn message in `job`; the pid or -errno.
  int start_loader(LoaderJob* job, const tTMprocess* parent);
  // A free loader job, or nullptr.
  LoaderJob* free_job();
  void collect(int rcvid, tTMprocess* child, bool nowait);
  // child has news (it ended, stopped or continued): the waits that ask for it hear it.
  void tell_waits(tTMprocess* child);
  void make_zombie(tTMprocess* p, int32_t status);
  LoaderJob* job_of(int32_t pid);

  int32_t boot_pid_ = 0;  // the program taskman started itself (init): its end is the system's
  const ImageFs* fs_ = nullptr;
  int chid_ = 0;  // none yet (chids start at 1); zero keeps the server in .bss
  ProcTable table_;
  PathTable paths_;
  ProcFs proc_fs_;
  dispatch_t* dispatch_ = nullptr;
  LoaderJob jobs_[kLoaderJobs];
  PendingWait waits_[kMaxPendingWaits];
};

}  // namespace taskman
