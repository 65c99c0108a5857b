/* Slots of syscall_tm_priv(id, arg) (__KER_TM_PRIV): the whitelist of what
 * taskman may ask of kernel data. The kernel's ker_tm_priv table is sized by
 * QRV_KER_TM_COUNT and static_asserts it. Numbers are never reused.
 *
 * Only taskman (QRV_FLG_PROC_TM_PRIV) may call them; every other process
 * gets EPERM for every id. The one exception is a child being loaded: its
 * loader thread runs taskman's code in the child (ARCHITECTURE.md) and may
 * use the slots marked "loader" below, on its own process only. */
#ifndef QRV_KERNEL_ABI_TM_PRIV_H_
#define QRV_KERNEL_ABI_TM_PRIV_H_

#include <stdint.h>

#include "kernel/abi/types.h"

/* X(UPPER_NAME, number) */
#define QRV_KER_TM_SLOTS(X) \
  X(PROC_CREATE, 0)         \
  X(MAP_ANON, 1)            \
  X(PROTECT, 2)             \
  X(PROC_QUERY, 3)          \
  X(BOOT_IMAGE_MAP, 4)      \
  X(LOADER_DONE, 5)         \
  X(PROC_REAP, 6)           \
  X(THREAD_QUERY, 7)        \
  X(MAP_PHYS, 8)            \
  X(PROC_IO_PRIV, 9)        \
  X(CONSOLE_INFO, 10)       \
  X(PROC_SET_SESSION, 11)   \
  X(PROC_SET_LIMITS, 12)    \
  X(CLOCK_SET, 13)          \
  X(SYSTEM_INFO, 14)

enum {
#define QRV_KER_TM_ENUM_(upper, number) __KER_TM_##upper = number,
  QRV_KER_TM_SLOTS(QRV_KER_TM_ENUM_)
#undef QRV_KER_TM_ENUM_
};

/* One past the largest slot number. */
#define QRV_KER_TM_COUNT 15

/* Pulses the kernel sends on a child's notify channel (PROC_CREATE), value =
 * the child's pid: its loader finished (LOADER_DONE, success), and the
 * process has ended (every thread gone; PROC_QUERY tells how, PROC_REAP
 * frees it). Both are allocated with the process: they cannot be lost. */
#define QRV_PULSE_CODE_PROCLOADED (-40)
#define QRV_PULSE_CODE_PROCDEATH (-41)
/* The child stopped (a stop signal's default action) or was continued
 * (SIGCONT): PROC_QUERY tells which (STOPPED, and the stops and continues
 * counters) and re-arms the notice. Notices coalesce: one is queued at a
 * time, and the counters say what happened since taskman last looked. */
#define QRV_PULSE_CODE_PROCJOBCTL (-42)

#define QRV_TM_NAME_MAX 32
#define QRV_TM_COMPATIBLE_MAX 48 /* the kernel's kBootCompatibleSize */

/* __KER_TM_PROC_CREATE: a new process shell with an empty address space in
 * which taskman's image (root slot 3) is visible (the taskman view), a
 * connection to taskman at QRV_TASKMAN_COID (taskman's channel notify_chid,
 * which also gets the child's notices), and one thread, its loader: it
 * starts at loader_pc (a0 = loader_arg, sp = loader_sp, both in taskman's
 * slot) at `priority` and ends the loading with LOADER_DONE. Out: pid.
 * Errors: EFAULT, EINVAL (pc/sp outside taskman's image, no such channel,
 * priority, name without NUL), EAGAIN (process table full), ENOMEM.
 *
 * fork_pid != 0 (fork): the address space starts as a copy of live process
 * fork_pid's (every page of its own copied now, shared physical pages
 * shared, device registers left out: I/O privilege is not inherited), with
 * its signal dispositions; nothing pending, no timers, no channels, no
 * connections but taskman's. The loader then gives it its descriptors and
 * LOADER_DONE starts it where the parent asked. ESRCH: fork_pid is not a
 * live, loaded child of taskman. */
struct qrv_tm_proc_create {
  uint64_t loader_pc;   /* in */
  uint64_t loader_sp;   /* in */
  uint64_t loader_arg;  /* in */
  int32_t notify_chid;  /* in */
  uint32_t priority;    /* in: 1..255 */
  int32_t pid;          /* out */
  int32_t fork_pid;     /* in: 0, or the process whose copy the child is */
  char name[QRV_TM_NAME_MAX]; /* in: NUL-terminated */
};
QRV_ABI_ASSERT(sizeof(struct qrv_tm_proc_create) == 72, "qrv_tm_proc_create size");
QRV_ABI_ASSERT(offsetof(struct qrv_tm_proc_create, pid) == 32, "qrv_tm_proc_create.pid");
QRV_ABI_ASSERT(offsetof(struct qrv_tm_proc_create, fork_pid) == 36, "qrv_tm_proc_create.fork_pid");
QRV_ABI_ASSERT(offsetof(struct qrv_tm_proc_create, name) == 40, "qrv_tm_proc_create.name");

/* __KER_TM_MAP_ANON (loader): `len` bytes of zeroed pages at `va` in process
 * `pid` (0: the caller), with prot (QRV_TM_PROT_*). __KER_TM_PROTECT
 * (loader): changes the protection of [va, va + len), all mapped. Both need
 * page-aligned va and len inside the user half, never taskman's slot 3
 * (except in taskman itself). Errors: EFAULT, EINVAL, ESRCH (no such live
 * process), EEXIST (MAP_ANON: something mapped there), ENOMEM (PROTECT: a
 * page is not mapped). */
#define QRV_TM_PROT_READ 1u
#define QRV_TM_PROT_WRITE 2u
#define QRV_TM_PROT_EXEC 4u
#define QRV_TM_PROT_LAZY 0x100u /* MAP_ANON, with READ|WRITE only: demand-zero (4 ranges per process) */
struct qrv_tm_map {
  uint64_t va;
  uint64_t len;
  int32_t pid;
  uint32_t prot;
};
QRV_ABI_ASSERT(sizeof(struct qrv_tm_map) == 24, "qrv_tm_map size");
QRV_ABI_ASSERT(offsetof(struct qrv_tm_map, prot) == 20, "qrv_tm_map.prot");

/* __KER_TM_PROC_QUERY: what the kernel knows of process `pid`. Errors:
 * EFAULT, ESRCH (no such process, live or ended and not yet reaped). */
#define QRV_TM_PROC_LOADING 1u  /* its loader still runs */
#define QRV_TM_PROC_EXITING 2u  /* ending: threads are dying */
#define QRV_TM_PROC_FINISHED 4u /* ended: only PROC_REAP is left */
#define QRV_TM_PROC_FAULTED 8u  /* ended by a fault */
#define QRV_TM_PROC_NOCLDWAIT 16u /* ignores SIGCHLD or set SA_NOCLDWAIT: no zombies */
#define QRV_TM_PROC_STOPPED 32u   /* stopped by stop_signal until a SIGCONT */
#define QRV_TM_PROC_NOCLDSTOP 64u /* its SIGCHLD action has SA_NOCLDSTOP: no SIGCHLD for stops */
#define QRV_TM_PROC_TTIN_IGNORED 128u /* SIGTTIN is SIG_IGN: a terminal answers its background reads EIO */
struct qrv_tm_proc_info {
  int32_t pid;           /* in */
  uint32_t state;        /* QRV_TM_PROC_* */
  int64_t exit_status;   /* ThreadDestroy(-1) / exit() status */
  int32_t term_signal;   /* the signal that ended it, or 0 */
  int32_t load_error;    /* LOADER_DONE's errno, or 0 */
  uint32_t threads;      /* live threads */
  uint8_t stop_signal;   /* the signal that stopped it last */
  uint8_t stops;         /* times it stopped, and was continued (mod 256) */
  uint8_t continues;
  uint8_t reserved;
  uint64_t fault_cause;  /* scause, when FAULTED */
  uint64_t fault_addr;   /* stval, when FAULTED */
  char name[QRV_TM_NAME_MAX];
  uint64_t mapped_pages; /* its user mappings, 4 KiB pages (0 once ended) */
  uint64_t table_pages;  /* its page-table pages */
};
QRV_ABI_ASSERT(sizeof(struct qrv_tm_proc_info) == 96, "qrv_tm_proc_info size");
QRV_ABI_ASSERT(offsetof(struct qrv_tm_proc_info, load_error) == 20, "qrv_tm_proc_info.load_error");
QRV_ABI_ASSERT(offsetof(struct qrv_tm_proc_info, name) == 48, "qrv_tm_proc_info.name");

/* __KER_TM_BOOT_IMAGE_MAP: maps the boot image (the CPIO archive the boot
 * loader left in RAM) read-only into the caller at `va` (page-aligned, user
 * half, unmapped), whole pages; the archive starts `offset` bytes in and is
 * `size` bytes long. Errors: ENOENT (no boot image), EINVAL (va), EEXIST
 * (something mapped there), ENOMEM, EFAULT (the struct). */
struct qrv_tm_boot_image_map {
  uint64_t va;     /* in */
  uint64_t size;   /* out */
  uint64_t offset; /* out */
  uint64_t reserved;
};
QRV_ABI_ASSERT(sizeof(struct qrv_tm_boot_image_map) == 32, "qrv_tm_boot_image_map size");
QRV_ABI_ASSERT(offsetof(struct qrv_tm_boot_image_map, offset) == 16, "qrv_tm_boot_image_map.offset");

/* __KER_TM_LOADER_DONE (loader only): the end of a child's loading, called by
 * its loader thread. error == 0: the taskman view goes, the process stops
 * being LOADING, taskman gets QRV_PULSE_CODE_PROCLOADED, and the calling
 * thread continues in the child at `entry` with sp = `sp` and every other
 * register zero (it becomes the child's main thread). error > 0 (an errno):
 * the process ends with load_error = error (taskman sees it in PROC_QUERY).
 * Errors: EPERM (not a loader), EFAULT, EINVAL (entry or sp not user). */
struct qrv_tm_loader_done {
  uint64_t entry;
  uint64_t sp;
  int32_t error;
  uint32_t reserved;
};
QRV_ABI_ASSERT(sizeof(struct qrv_tm_loader_done) == 24, "qrv_tm_loader_done size");

/* __KER_TM_PROC_REAP: frees an ended process (FINISHED) for good; its pid
 * is then unknown to the kernel. arg = the pid (not a pointer). Errors:
 * ESRCH (no such process), EBUSY (not finished). */

/* __KER_TM_THREAD_QUERY: thread `tid` of process `pid`, or its first
 * thread with a larger tid (tid 0: its first), for /proc and pidin. state
 * is QNX's numbering (<sys/states.h>: 0 DEAD, 1 RUNNING, 2 READY, 4 SEND,
 * 5 RECEIVE, 6 REPLY, 12 NANOSLEEP, 13 MUTEX, 14 CONDVAR, 15 JOIN, ...);
 * what it is blocked on: SEND/REPLY the server's pid and chid, RECEIVE the
 * chid, JOIN the tid, MUTEX/CONDVAR the sync word's address. Errors:
 * EFAULT, ESRCH (no such process, or no thread at or after tid). */
struct qrv_tm_thread_info {
  int32_t pid;          /* in */
  int32_t tid;          /* in: at or after; out: its tid */
  uint32_t state;
  uint8_t priority;     /* now (inherited ones included) */
  uint8_t real_priority;
  uint8_t policy;       /* QRV_SCHED_* */
  uint8_t reserved0;
  int32_t blocked_pid;
  int32_t blocked_chid;
  int32_t blocked_tid;
  uint32_t reserved;
  uint64_t blocked_addr;
};
QRV_ABI_ASSERT(sizeof(struct qrv_tm_thread_info) == 40, "qrv_tm_thread_info size");
QRV_ABI_ASSERT(offsetof(struct qrv_tm_thread_info, blocked_addr) == 32, "qrv_tm_thread_info.blocked_addr");

/* __KER_TM_MAP_PHYS: device memory [paddr, paddr + len) at `va` in process
 * `pid` (live, holding I/O privilege: PROC_IO_PRIV), 4 KiB pages, read or
 * read-write (never exec). The pages are the device's: never freed, never
 * reached by message transfers (a message buffer there is EFAULT). Only
 * device memory: a range that touches RAM, the boot image, the interrupt
 * controller or the timer (the kernel's own) is EACCES. Errors: EFAULT,
 * EINVAL (alignment, range, prot), ESRCH, EPERM (no I/O privilege), EACCES,
 * EEXIST (something mapped at va), ENOMEM. */
struct qrv_tm_map_phys {
  uint64_t va;
  uint64_t len;
  uint64_t paddr;
  int32_t pid;
  uint32_t prot; /* QRV_TM_PROT_READ, optionally | QRV_TM_PROT_WRITE */
};
QRV_ABI_ASSERT(sizeof(struct qrv_tm_map_phys) == 32, "qrv_tm_map_phys size");
QRV_ABI_ASSERT(offsetof(struct qrv_tm_map_phys, prot) == 28, "qrv_tm_map_phys.prot");

/* __KER_TM_PROC_IO_PRIV: gives live process `pid` (arg, not a pointer) I/O
 * privilege: InterruptAttachEvent and friends, and device memory through
 * MAP_PHYS (QNX's ThreadCtl(_NTO_TCTL_IO); taskman decides who may have it).
 * It lasts as long as the process; a child never inherits it. Errors: ESRCH. */

/* __KER_TM_CONSOLE_INFO: the UART the kernel's console uses, as the device
 * tree describes it, for a user-space console driver. Errors: EFAULT, ENODEV
 * (no UART in the device tree). */
struct qrv_tm_console_info {
  uint64_t base;         /* physical */
  uint64_t size;
  uint32_t irq;          /* PLIC source; 0: none given */
  uint32_t clock_hz;     /* 0: not given */
  uint32_t reg_shift;
  uint32_t reg_io_width; /* bytes: 1, 2 or 4 */
  char compatible[QRV_TM_COMPATIBLE_MAX]; /* its first compatible string */
};
QRV_ABI_ASSERT(sizeof(struct qrv_tm_console_info) == 80, "qrv_tm_console_info size");
QRV_ABI_ASSERT(offsetof(struct qrv_tm_console_info, compatible) == 32, "qrv_tm_console_info.compatible");

/* __KER_TM_PROC_SET_SESSION: what the kernel must know of live process
 * `pid`'s session and group, which are taskman's: QRV_TM_SESSION_ORPHANED
 * when its process group is orphaned (no member has a parent in another
 * group of the same session), so that SIGTSTP, SIGTTIN and SIGTTOU, whose
 * default action would stop it, are discarded instead (POSIX 2.4.3; SIGSTOP
 * still stops). taskman keeps it current as groups change. Errors: EFAULT,
 * EINVAL (unknown flags, reserved not 0), ESRCH (no such live process, or
 * taskman). */
#define QRV_TM_SESSION_ORPHANED 1u
struct qrv_tm_session {
  int32_t pid;
  uint32_t flags; /* QRV_TM_SESSION_* */
  uint64_t reserved;
};
QRV_ABI_ASSERT(sizeof(struct qrv_tm_session) == 16, "qrv_tm_session size");

/* __KER_TM_PROC_SET_LIMITS: the resource limits of live process `pid` that
 * the kernel applies (taskman keeps them all: sys/procmsg.h _PROC_RLIMIT):
 * open_max, its RLIMIT_NOFILE, bounds the fd-range connections it may attach
 * (ConnectAttach answers EAGAIN past it; those it has stay). Its loader
 * attaches the descriptors its parent passed regardless. Errors: EFAULT,
 * EINVAL (open_max past the table, reserved not 0), ESRCH (no such live
 * process, or taskman). */
struct qrv_tm_limits {
  int32_t pid;
  uint32_t open_max;
  uint64_t reserved;
};
QRV_ABI_ASSERT(sizeof(struct qrv_tm_limits) == 16, "qrv_tm_limits size");

/* __KER_TM_CLOCK_SET: CLOCK_REALTIME reads realtime_ns now (clock_settime,
 * which taskman allows root; CLOCK_MONOTONIC never changes). Absolute
 * timeouts on CLOCK_REALTIME already armed keep their monotonic deadline.
 * Errors: EFAULT, EINVAL (past 2^63 ns, reserved not 0). */
struct qrv_tm_clock_set {
  uint64_t realtime_ns;
  uint64_t reserved;
};
QRV_ABI_ASSERT(sizeof(struct qrv_tm_clock_set) == 16, "qrv_tm_clock_set size");

/* __KER_TM_SYSTEM_INFO: facts of the machine a program may ask taskman for
 * (sysconf): the harts the kernel runs on, and those the device tree names
 * that it could run on (no hart comes or goes after boot). Errors: EFAULT. */
struct qrv_tm_system_info {
  uint32_t harts_online;
  uint32_t harts_configured;
  uint64_t reserved[3];
};
QRV_ABI_ASSERT(sizeof(struct qrv_tm_system_info) == 32, "qrv_tm_system_info size");

#endif /* QRV_KERNEL_ABI_TM_PRIV_H_ */
