/* QRV libc: sys/procmsg.h — the messages libc sends taskman, the process
 * manager, on QRV_TASKMAN_COID (QNX's <sys/procmsg.h> role). Every message
 * starts with struct _proc_hdr; replies are the struct named after each
 * type, or an error (MsgError). taskman treats every message as untrusted:
 * a wrong size, an unknown type or a malformed body is an error reply. */
#ifndef _SYS_PROCMSG_H
#define _SYS_PROCMSG_H

#include <stdint.h>

#include "kernel/abi/abi.h"

#define _PROC_SPAWN 0x0001   /* struct _proc_spawn + strings -> struct _proc_spawn_reply */
#define _PROC_WAIT 0x0002    /* struct _proc_wait -> struct _proc_wait_reply */
#define _PROC_GETIDS 0x0003  /* struct _proc_ids (pid: 0 = the caller) -> struct _proc_ids_reply */
#define _PROC_SETPGID 0x0004 /* struct _proc_ids (pid, pgid) -> nothing */
#define _PROC_SETSID 0x0005  /* struct _proc_hdr -> struct _proc_ids_reply */
#define _PROC_UMASK 0x0006   /* struct _proc_umask -> struct _proc_umask (the old mask) */
#define _PROC_MMAP 0x0007    /* struct _proc_mmap -> struct _proc_mmap_reply */
#define _PROC_KILL 0x0008    /* struct _proc_kill: a signal to a process group */
#define _PROC_PATH_ATTACH 0x0009  /* struct _proc_path + path: the caller serves it on chid */
#define _PROC_PATH_DETACH 0x000a  /* struct _proc_path + path: no longer */
#define _PROC_PATH_RESOLVE 0x000b /* struct _proc_path + path -> struct _proc_path_reply + path */
#define _PROC_CHDIR 0x000c        /* struct _proc_path + path (checked by the caller) */
#define _PROC_GETCWD 0x000d       /* struct _proc_hdr -> the cwd, NUL-terminated */
#define _PROC_GETCRED 0x000e      /* struct _proc_hdr -> struct _proc_cred */
#define _PROC_SETCRED 0x000f      /* struct _proc_setcred -> nothing */
#define _PROC_IO_PRIV 0x0010      /* struct _proc_hdr: I/O privilege for the caller -> nothing */
#define _PROC_MMAP_PHYS 0x0011    /* struct _proc_mmap_phys -> struct _proc_mmap_reply */
#define _PROC_CONSOLE_INFO 0x0012 /* struct _proc_hdr -> struct qrv_tm_console_info (kernel/abi/tm_priv.h) */
#define _PROC_RLIMIT 0x0013       /* struct _proc_rlimit -> struct _proc_rlimit_reply (the limit before) */
#define _PROC_CLOCK_SET 0x0014    /* struct _proc_clock_set (effective root: else EPERM) -> nothing */
#define _PROC_SYSINFO 0x0015      /* struct _proc_hdr -> struct _proc_sysinfo */
#define _PROC_FORK 0x0016         /* struct _proc_fork + descriptors -> struct _proc_spawn_reply */

struct _proc_hdr {
  uint16_t type;
  uint16_t reserved;
  uint32_t size; /* bytes of the whole message, this header included */
};
QRV_ABI_ASSERT(sizeof(struct _proc_hdr) == 8, "_proc_hdr size");

/* _PROC_SPAWN: followed by nfds struct _proc_spawn_fd (the descriptors the
 * child starts with), then `strings_len` bytes: the path, then argc
 * arguments, then envc environment strings, each NUL-terminated. At most
 * _PROC_SPAWN_MAX bytes of strings (E2BIG). The child's process group and
 * session follow the caller's unless `flags` say otherwise. */
#define _PROC_SPAWN_MAX 16384
#define _PROC_SPAWN_SETPGROUP 1u /* pgroup: 0 = a new group led by the child */
#define _PROC_SPAWN_SETSID 2u    /* a new session and group led by the child */
#define _PROC_SPAWN_SETSIGMASK 4u
#define _PROC_SPAWN_SETSIGDEF 8u
#define _PROC_SPAWN_SETSCHED 16u /* the child's main thread runs at sched_priority with sched_policy */
struct _proc_spawn {
  struct _proc_hdr hdr;
  uint32_t argc;
  uint32_t envc;
  uint32_t strings_len;
  uint32_t flags;
  int32_t pgroup;
  uint32_t nfds;
  uint64_t sigmask;    /* with SETSIGMASK */
  uint64_t sigdefault; /* with SETSIGDEF: signals whose action becomes SIG_DFL */
  uint64_t sigignore;  /* signals the child starts ignoring (the caller's ignored ones, as exec keeps them) */
  int32_t sched_policy;   /* with SETSCHED: SCHED_FIFO, SCHED_RR or SCHED_OTHER */
  int32_t sched_priority; /* with SETSCHED: 1..255 */
};
QRV_ABI_ASSERT(sizeof(struct _proc_spawn) == 64, "_proc_spawn size");
/* One descriptor of the child: fd, sharing the open file of the caller's
 * descriptor src_coid, whose server is (pid, chid). The child's loader
 * connects there and sends the server an _IO_DUP (sys/iomsg.h), which the
 * server checks against taskman's idea of the child's parent. Child fds
 * are distinct and below _PROC_SPAWN_FDS. */
#define _PROC_SPAWN_FDS 64
struct _proc_spawn_fd {
  int32_t fd;
  int32_t src_coid;
  int32_t pid;
  int32_t chid;
};
QRV_ABI_ASSERT(sizeof(struct _proc_spawn_fd) == 16, "_proc_spawn_fd size");
struct _proc_spawn_reply {
  int32_t pid;
  uint32_t reserved;
};

/* _PROC_WAIT: idtype P_PID (child `id`), P_PGID (any child in group `id`,
 * 0: the caller's) or P_ALL (any child), as waitid has them; options
 * WNOHANG, WNOWAIT (the child stays waitable), WEXITED/WUNTRACED accepted.
 * Reply pid 0 with WNOHANG and nothing to collect. */
#define _PROC_WAIT_ALL 0
#define _PROC_WAIT_PID 1
#define _PROC_WAIT_PGID 2
struct _proc_wait {
  struct _proc_hdr hdr;
  int32_t id;
  int32_t options;
  uint32_t idtype;
  uint32_t reserved;
};
QRV_ABI_ASSERT(sizeof(struct _proc_wait) == 24, "_proc_wait size");
struct _proc_wait_reply {
  int32_t pid;
  int32_t status; /* <sys/wait.h> encoding */
};

struct _proc_ids {
  struct _proc_hdr hdr;
  int32_t pid;
  int32_t pgid;
};
QRV_ABI_ASSERT(sizeof(struct _proc_ids) == 16, "_proc_ids size");
#define _PROC_IDS_LOADING 1u /* its loader runs: it may still take its parent's descriptors */
#define _PROC_IDS_ORPHANED 2u /* its process group is orphaned (a terminal answers its background reads EIO) */
#define _PROC_IDS_TTIN_IGNORED 4u /* it ignores SIGTTIN (so does a terminal, with EIO) */
struct _proc_ids_reply {
  int32_t pid;
  int32_t ppid;
  int32_t pgid;
  int32_t sid;
  uint32_t flags; /* _PROC_IDS_* */
  uint32_t reserved;
};
QRV_ABI_ASSERT(sizeof(struct _proc_ids_reply) == 24, "_proc_ids_reply size");

struct _proc_umask {
  struct _proc_hdr hdr;
  uint32_t mask;
  uint32_t reserved;
};
QRV_ABI_ASSERT(sizeof(struct _proc_umask) == 16, "_proc_umask size");

/* _PROC_MMAP: `len` bytes (rounded up to pages) of zeroed memory with prot
 * (PROT_READ 1, PROT_WRITE 2, PROT_EXEC 4; never write with exec). */
struct _proc_mmap {
  struct _proc_hdr hdr;
  uint64_t len;
  uint32_t prot;
  uint32_t reserved;
};
QRV_ABI_ASSERT(sizeof(struct _proc_mmap) == 24, "_proc_mmap size");
struct _proc_mmap_reply {
  uint64_t addr;
  uint64_t len;
};

/* Credentials: real, effective and saved user and group ids, inherited
 * across spawn (taskman's first child, init, runs as root: 0). SETCRED
 * follows POSIX: setuid/setgid from an effective root set all three, from
 * anyone else only the effective id and only to the real or saved one
 * (EPERM otherwise); seteuid/setegid set the effective id alone, under the
 * same rule. An id of -1 is EINVAL. */
struct _proc_cred {
  uint32_t ruid, euid, suid;
  uint32_t rgid, egid, sgid;
};
QRV_ABI_ASSERT(sizeof(struct _proc_cred) == 24, "_proc_cred size");
#define _PROC_SETCRED_UID 0u
#define _PROC_SETCRED_EUID 1u
#define _PROC_SETCRED_GID 2u
#define _PROC_SETCRED_EGID 3u
struct _proc_setcred {
  struct _proc_hdr hdr;
  uint32_t which; /* _PROC_SETCRED_* */
  uint32_t id;
};
QRV_ABI_ASSERT(sizeof(struct _proc_setcred) == 16, "_proc_setcred size");

/* _PROC_IO_PRIV (QNX's ThreadCtl(_NTO_TCTL_IO)): the caller becomes a
 * driver: it may attach interrupts (InterruptAttachEvent) and map device
 * memory (_PROC_MMAP_PHYS). Only an effective root gets it (EPERM); it is
 * never inherited. _PROC_MMAP_PHYS: device registers [paddr, paddr + len)
 * (page-aligned paddr; len rounded up to pages) into the caller, prot
 * PROT_READ, optionally | PROT_WRITE. EPERM without I/O privilege, EACCES
 * for RAM or the kernel's own devices. */
struct _proc_mmap_phys {
  struct _proc_hdr hdr;
  uint64_t paddr;
  uint64_t len;
  uint32_t prot;
  uint32_t reserved;
};
QRV_ABI_ASSERT(sizeof(struct _proc_mmap_phys) == 32, "_proc_mmap_phys size");

/* _PROC_KILL: signo (0: only check) to every process of group `pgid`. */
struct _proc_kill {
  struct _proc_hdr hdr;
  int32_t pgid;
  int32_t signo;
};
QRV_ABI_ASSERT(sizeof(struct _proc_kill) == 16, "_proc_kill size");

/* The path namespace (taskman's path manager). A server attaches a path on
 * one of its channels with a handle of its choosing; taskman resolves a
 * path to the attachment whose path is its longest prefix, component-wise.
 * Paths are absolute or relative to the caller's cwd; taskman normalizes
 * them ("//", ".", ".." ) before matching. An attachment without
 * _PROC_PATH_DIR matches only its exact path. Only one process owns an exact
 * path (EEXIST), unless every owner attached it _PROC_PATH_UNION (the latest
 * is found first). Attachments end with their process. A path that is no
 * attachment but leads to some (such as "/dev") resolves to taskman, which
 * serves it as a directory of the next components. path_len counts the NUL;
 * at most _PROC_PATH_MAX (ENAMETOOLONG), components at most _PROC_NAME_MAX. */
#define _PROC_PATH_MAX 1024
#define _PROC_NAME_MAX 255
#define _PROC_PATH_DIR 1u   /* the server serves the paths below too */
#define _PROC_PATH_UNION 2u /* several servers may attach this exact path */
struct _proc_path {
  struct _proc_hdr hdr;
  int32_t chid;    /* ATTACH */
  uint32_t flags;  /* ATTACH: _PROC_PATH_* */
  uint32_t handle; /* ATTACH: passed back in every _io_connect */
  uint32_t path_len;
  /* char path[path_len]; */
};
QRV_ABI_ASSERT(sizeof(struct _proc_path) == 24, "_proc_path size");
/* The reply to _PROC_PATH_RESOLVE, followed by the rest of the path below
 * the mount point ("" for the mount point itself), NUL-terminated. */
struct _proc_path_reply {
  int32_t pid;
  int32_t chid;
  uint32_t handle;
  uint32_t flags;    /* the attachment's _PROC_PATH_* */
  uint32_t rest_len; /* counting the NUL */
  uint32_t reserved;
};
QRV_ABI_ASSERT(sizeof(struct _proc_path_reply) == 24, "_proc_path_reply size");

/* /proc, served by taskman: readdir lists "boot" and every process's pid;
 * /proc/<pid> reads as text (one "key value" line each, then one line per
 * thread) and answers two devctls (sys/iomsg.h _IO_DEVCTL), what pidin uses. */
#define _PROC_DCMD_INFO 0x0201u   /* -> struct _proc_info */
#define _PROC_DCMD_THREAD 0x0202u /* qrv_tm_thread_info (kernel/abi/tm_priv.h) with tid set -> the thread at or after it */
#define _PROC_STATE_LOADING 1u
#define _PROC_STATE_RUNNING 2u
#define _PROC_STATE_ZOMBIE 3u
struct _proc_info {
  int32_t pid;
  int32_t ppid;
  int32_t pgid;
  int32_t sid;
  uint32_t state; /* _PROC_STATE_* */
  uint32_t threads;
  char name[32];
};
QRV_ABI_ASSERT(sizeof(struct _proc_info) == 56, "_proc_info size");

/* _PROC_RLIMIT: getrlimit (set 0) or setrlimit (set 1) of the caller's
 * limit `resource` (sys/resource.h numbers, Linux's). Limits are inherited
 * by spawned children. A limit may be lowered by anyone and its maximum
 * raised only by effective root; cur > max is EINVAL. What each one bounds:
 * RLIMIT_NPROC the caller's real user's processes at a spawn (EAGAIN; root
 * is exempt), RLIMIT_STACK a child's main stack (taken at spawn, at most
 * _PROC_RLIM_STACK_MAX), RLIMIT_DATA the anonymous memory it maps (the heap),
 * RLIMIT_AS that plus its image and stack (both ENOMEM), RLIMIT_NOFILE its
 * descriptors (at most _PROC_RLIM_NOFILE_MAX; the kernel refuses an fd past
 * it, but a child keeps the descriptors it was given). RLIMIT_CORE, FSIZE,
 * RSS and MEMLOCK bound what QRV never does (core files, regular files that
 * grow, resident-set control, locking pages): any value holds. RLIMIT_CPU
 * is not measured: only RLIM_INFINITY (EINVAL otherwise). */
#define _PROC_RLIM_CPU 0
#define _PROC_RLIM_FSIZE 1
#define _PROC_RLIM_DATA 2
#define _PROC_RLIM_STACK 3
#define _PROC_RLIM_CORE 4
#define _PROC_RLIM_RSS 5
#define _PROC_RLIM_NPROC 6
#define _PROC_RLIM_NOFILE 7
#define _PROC_RLIM_MEMLOCK 8
#define _PROC_RLIM_AS 9
#define _PROC_RLIM_NLIMITS 10
#define _PROC_RLIM_INFINITY (~(uint64_t)0)
#define _PROC_RLIM_STACK_MAX (64ull << 20)
#define _PROC_RLIM_NOFILE_MAX 64
struct _proc_rlimit {
  struct _proc_hdr hdr;
  uint32_t resource;
  uint32_t set;
  uint64_t cur; /* set: the new limits */
  uint64_t max;
};
QRV_ABI_ASSERT(sizeof(struct _proc_rlimit) == 32, "_proc_rlimit size");
struct _proc_rlimit_reply {
  uint64_t cur;
  uint64_t max;
};
QRV_ABI_ASSERT(sizeof(struct _proc_rlimit_reply) == 16, "_proc_rlimit_reply size");

/* _PROC_CLOCK_SET: clock_settime(CLOCK_REALTIME): the wall clock reads
 * `ns` since the Epoch now. */
struct _proc_clock_set {
  struct _proc_hdr hdr;
  uint64_t ns;
};
QRV_ABI_ASSERT(sizeof(struct _proc_clock_set) == 16, "_proc_clock_set size");

/* _PROC_SYSINFO: the machine, for sysconf: harts online and configured. */
struct _proc_sysinfo {
  uint32_t harts_online;
  uint32_t harts_configured;
};
QRV_ABI_ASSERT(sizeof(struct _proc_sysinfo) == 8, "_proc_sysinfo size");

/* _PROC_FORK: fork() of a single-threaded caller (ENOSYS with more than one
 * thread, as QNX has it). The child is a copy of the caller's address space
 * taken now (the caller waits in this message, so its memory holds still),
 * with its signal actions, ids, group, session, credentials, umask, cwd and
 * limits; its one thread starts at `entry` with sp = `sp`, every other
 * register zero, and signal mask `sigmask`. Followed by nfds struct
 * _proc_spawn_fd: its descriptors, at the same numbers as the caller's, each
 * close-on-exec if its bit (1 << fd) is in `cloexec`. EAGAIN: the table is
 * full, or RLIMIT_NPROC; ENOMEM: no memory for the copy. The reply is the
 * child's pid, once the child runs. */
struct _proc_fork {
  struct _proc_hdr hdr;
  uint32_t nfds;
  uint32_t reserved;
  uint64_t entry;
  uint64_t sp;
  uint64_t sigmask;
  uint64_t cloexec;
};
QRV_ABI_ASSERT(sizeof(struct _proc_fork) == 48, "_proc_fork size");

#endif /* _SYS_PROCMSG_H */
