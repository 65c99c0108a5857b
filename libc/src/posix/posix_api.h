// The POSIX calls of QRV's libc (namespace qrv::libc): thin wrappers over
// kernel calls, the taskman link and the I/O link. Types are the layouts of
// the public headers (libc/include), which static_assert against these.
#pragma once

#include <stddef.h>
#include <stdint.h>

#include "kernel/abi/types.h"
#include "libc/src/posix/termios_api.h"

namespace qrv::libc {

using pid_t = int32_t;
using ssize_t = long;
using off_t = int64_t;
using sigset_t = uint64_t;

// unistd.h, fcntl.h
ssize_t read(int fd, void* buf, size_t n);
ssize_t write(int fd, const void* buf, size_t n);
off_t lseek(int fd, off_t offset, int whence);
int close(int fd);
int open(const char* path, int flags, ...);
pid_t getpid();
pid_t getppid();
pid_t getpgid(pid_t pid);
pid_t getpgrp();
pid_t getsid(pid_t pid);
int setpgid(pid_t pid, pid_t pgid);
pid_t setsid();
int sched_yield();
using uid_t = uint32_t;
using gid_t = uint32_t;
uid_t getuid();
uid_t geteuid();
gid_t getgid();
gid_t getegid();
int setuid(uid_t uid);
int seteuid(uid_t uid);
int setgid(gid_t gid);
int setegid(gid_t gid);

// sys/mman.h: device registers for drivers (taskman maps them)
void* mmap_device_memory(void* addr, size_t len, int prot, int flags, uint64_t physical);
int munmap_device_memory(void* addr, size_t len);

// sys/stat.h
using mode_t = uint32_t;
mode_t umask(mode_t mask);
struct Stat {  // struct stat
  uint64_t st_dev;
  uint64_t st_ino;
  uint32_t st_mode;
  uint32_t st_nlink;
  uint32_t st_uid;
  uint32_t st_gid;
  int64_t st_size;
  int64_t st_blksize;
  int64_t st_blocks;
  qrv_timespec st_atim;
  qrv_timespec st_mtim;
  qrv_timespec st_ctim;
};
static_assert(sizeof(Stat) == 104, "struct stat (headers_test checks the C side)");
int fstat(int fd, Stat* st);
int stat(const char* path, Stat* st);
int lstat(const char* path, Stat* st);
int mkdir(const char* path, mode_t mode);

// unistd.h, fcntl.h, stdio.h, sys/ioctl.h, sys/uio.h: files and descriptors
struct Iovec {  // struct iovec: the layout of iov_t
  void* iov_base;
  size_t iov_len;
};
int access(const char* path, int mode);
int chdir(const char* path);
char* getcwd(char* buf, size_t size);
int unlink(const char* path);
int rmdir(const char* path);
int rename(const char* from, const char* to);
int remove(const char* path);
int dup(int fd);
int dup2(int fd, int fd2);
int pipe(int fds[2]);
int pipe2(int fds[2], int flags);
inline constexpr int kFDupfd = 0, kFGetfd = 1, kFSetfd = 2, kFGetfl = 3, kFSetfl = 4, kFDupfdCloexec = 1030;
inline constexpr int kFdCloexec = 1;
int fcntl(int fd, int cmd, ...);
int ioctl(int fd, unsigned long request, ...);
int devctl(int fd, int dcmd, void* data, size_t nbytes, int* info);
ssize_t readv(int fd, const Iovec* iov, int n);
ssize_t writev(int fd, const Iovec* iov, int n);
ssize_t pread(int fd, void* buf, size_t n, off_t offset);
ssize_t pwrite(int fd, const void* buf, size_t n, off_t offset);

// dirent.h
struct Dirent {  // struct dirent
  uint64_t d_ino;
  uint16_t d_reclen;
  uint16_t d_namlen;
  uint32_t reserved;
  char d_name[256];
};
static_assert(sizeof(Dirent) == 272, "struct dirent (headers_test checks the C side)");
}  // namespace qrv::libc
struct __qrv_dir;  // DIR (dir.cc)
namespace qrv::libc {
using Dir = ::__qrv_dir;
Dir* opendir(const char* path);
Dir* fdopendir(int fd);
Dirent* readdir(Dir* d);
void rewinddir(Dir* d);
int dirfd(Dir* d);
int closedir(Dir* d);

// signal.h
struct SigInfo;
struct Sigaction {
  union {  // sa_sigaction with SA_SIGINFO: the same word either way
    void (*sa_handler)(int);
    void (*sa_sigaction)(int, SigInfo*, void*);
  };
  sigset_t sa_mask;
  int32_t sa_flags;
  int32_t reserved;
};
int kill(pid_t pid, int signo);
int raise(int signo);
int sigaction(int signo, const Sigaction* act, Sigaction* old);
int sigprocmask(int how, const sigset_t* set, sigset_t* old);
void (*signal(int signo, void (*handler)(int)))(int);
int pthread_sigmask(int how, const sigset_t* set, sigset_t* old);
int sigqueue(pid_t pid, int signo, qrv_sigval value);
int sigsuspend(const sigset_t* set);
int pause();
int sigpending(sigset_t* set);
int sigwait(const sigset_t* set, int* signo);
int sigwaitinfo(const sigset_t* set, SigInfo* info);
int sigtimedwait(const sigset_t* set, SigInfo* info, const qrv_timespec* timeout);
void psignal(int signo, const char* message);
int sigaltstack(const qrv_stack* ss, qrv_stack* old);

// sys/wait.h, spawn.h.
pid_t waitpid(pid_t pid, int* status, int options);
pid_t wait(int* status);
struct SigInfo {  // siginfo_t
  int32_t si_signo;
  int32_t si_code;
  int32_t si_errno;
  pid_t si_pid;
  uint32_t si_uid;
  int32_t si_status;
  void* si_addr;
  uint64_t si_value;
};
inline constexpr int kPAll = 0, kPPid = 1, kPPgid = 2;  // idtype_t
inline constexpr int kWUntraced = 2, kWExited = 4, kWContinued = 8;
inline constexpr int kWaitidOnly = 4 | 0x01000000;  // WEXITED, WNOWAIT
inline constexpr int kCldExited = 1, kCldKilled = 2, kCldStopped = 5, kCldContinued = 6;
int waitid(int idtype, int32_t id, SigInfo* info, int options);
struct SpawnFileAction;         // spawn_fds.cc
struct PosixSpawnFileActions {  // posix_spawn_file_actions_t
  int32_t count;
  int32_t cap;
  SpawnFileAction* actions;
};
struct PosixSpawnAttr {  // posix_spawnattr_t
  int16_t flags;
  int16_t reserved;
  int32_t pgroup;
  sigset_t sigmask;
  sigset_t sigdefault;
  int32_t sched_policy;
  int32_t sched_priority;
};
inline constexpr int16_t kPosixSpawnResetids = 0x01;
inline constexpr int16_t kPosixSpawnSetpgroup = 0x02;
inline constexpr int16_t kPosixSpawnSetsigdef = 0x04;
inline constexpr int16_t kPosixSpawnSetsigmask = 0x08;
inline constexpr int16_t kPosixSpawnSetsid = 0x80;
inline constexpr int16_t kPosixSpawnSetschedparam = 0x10;
inline constexpr int16_t kPosixSpawnSetscheduler = 0x20;
int posix_spawn(pid_t* pid, const char* path, const PosixSpawnFileActions* file_actions,
                const PosixSpawnAttr* attr, char* const argv[], char* const envp[]);
int posix_spawnp(pid_t* pid, const char* file, const PosixSpawnFileActions* file_actions,
                 const PosixSpawnAttr* attr, char* const argv[], char* const envp[]);
int posix_spawnattr_init(PosixSpawnAttr* a);
int posix_spawnattr_destroy(PosixSpawnAttr* a);
int posix_spawnattr_getflags(const PosixSpawnAttr* a, int16_t* flags);
int posix_spawnattr_setflags(PosixSpawnAttr* a, int16_t flags);
int posix_spawnattr_getpgroup(const PosixSpawnAttr* a, pid_t* pgroup);
int posix_spawnattr_setpgroup(PosixSpawnAttr* a, pid_t pgroup);
int posix_spawnattr_getsigmask(const PosixSpawnAttr* a, sigset_t* mask);
int posix_spawnattr_setsigmask(PosixSpawnAttr* a, const sigset_t* mask);
int posix_spawnattr_getsigdefault(const PosixSpawnAttr* a, sigset_t* set);
int posix_spawnattr_setsigdefault(PosixSpawnAttr* a, const sigset_t* set);
int posix_spawnattr_getschedparam(const PosixSpawnAttr* a, qrv_sched_param* param);
int posix_spawnattr_setschedparam(PosixSpawnAttr* a, const qrv_sched_param* param);
int posix_spawnattr_getschedpolicy(const PosixSpawnAttr* a, int* policy);
int posix_spawnattr_setschedpolicy(PosixSpawnAttr* a, int policy);
int posix_spawn_file_actions_init(PosixSpawnFileActions* fa);
int posix_spawn_file_actions_destroy(PosixSpawnFileActions* fa);
int posix_spawn_file_actions_addclose(PosixSpawnFileActions* fa, int fd);
int posix_spawn_file_actions_adddup2(PosixSpawnFileActions* fa, int fd, int newfd);
int posix_spawn_file_actions_addopen(PosixSpawnFileActions* fa, int fd, const char* path, int flags,
                                     mode_t mode);

// sys/utsname.h. The release and version uname reports: change them here.
inline constexpr const char* kQrvRelease = "0.1.0";
inline constexpr const char* kQrvVersion = "#1";
inline constexpr size_t kUtsnameLength = 65;
struct Utsname {  // struct utsname
  char sysname[kUtsnameLength];
  char nodename[kUtsnameLength];
  char release[kUtsnameLength];
  char version[kUtsnameLength];
  char machine[kUtsnameLength];
};
static_assert(sizeof(Utsname) == 5 * 65, "struct utsname (headers_test checks the C side)");
int uname(Utsname* name);

// sys/resource.h (taskman keeps the limits: sys/procmsg.h _PROC_RLIMIT).
struct Rlimit {  // struct rlimit
  uint64_t cur;
  uint64_t max;
};
int getrlimit(int resource, Rlimit* rl);
int setrlimit(int resource, const Rlimit* rl);

// QNX's spawn() (spawn.h: struct inheritance).
struct Inheritance {
  unsigned long flags;
  pid_t pgroup;
  sigset_t sigmask;
  sigset_t sigdefault;
};
inline constexpr unsigned long kSpawnSetgroup = 0x0001;
inline constexpr unsigned long kSpawnSetsigmask = 0x0002;
inline constexpr unsigned long kSpawnSetsigdef = 0x0004;
inline constexpr unsigned long kSpawnSetsid = 0x0400;
pid_t spawn(const char* path, int fd_count, const int fd_map[], const Inheritance* inherit, char* const argv[],
            char* const envp[]);

// The signals sigaction set to SIG_IGN (bit signo - 1), for posix_spawn.
uint64_t ignored_signals();

// fork (fork.cc): a copy of the calling process (single-threaded: ENOSYS
// otherwise), and the handlers pthread_atfork registers around it.
pid_t fork();
int pthread_atfork(void (*prepare)(), void (*parent)(), void (*child)());
// What a fork's child forgets of its parent's libc state (kernel objects
// it does not have): the cached pid (process.cc), the alarm timer (time.cc).
void fork_forget_pid();
void fork_forget_alarm();

// taskman's _PROC_KILL: signo to every process of group pgid (-1: all).
int taskman_kill_group(pid_t pgid, int signo);

// time.h (clock ids are QRV_CLOCK_*)
int clock_gettime(int32_t clock, qrv_timespec* ts);
int clock_settime(int32_t clock, const qrv_timespec* ts);
struct Timeval {  // struct timeval (sys/time.h)
  int64_t tv_sec;
  int64_t tv_usec;
};
int gettimeofday(Timeval* tv, void* tz);
int settimeofday(const Timeval* tv, const void* tz);
int nanosleep(const qrv_timespec* req, qrv_timespec* rem);
unsigned sleep(unsigned seconds);
unsigned alarm(unsigned seconds);
int usleep(uint32_t usec);

// unistd.h
long sysconf(int name);

// pthread.h
using pthread_t = uintptr_t;
struct pthread_attr_t {
  uint64_t stack_size;  // 0: the default
  uint64_t reserved;
};
inline constexpr int kMutexNormal = 0, kMutexRecursive = 1, kMutexErrorcheck = 2;
struct pthread_mutex_t {
  qrv_sync_t sync;
  int32_t type;    // kMutex*
  uint32_t depth;  // recursive: locks beyond the first (the owner's alone)
};
struct pthread_mutexattr_t {
  int32_t type;
  int32_t reserved;
};
struct pthread_cond_t {
  qrv_sync_t sync;
};
struct pthread_once_t {
  qrv_sync_t sync;
  int32_t done;
  int32_t reserved;
};
using pthread_key_t = unsigned;
struct pthread_rwlock_t {
  qrv_sync_t lock;
  qrv_sync_t readers_cv;
  qrv_sync_t writers_cv;
  int32_t readers;  // read holders (guarded by lock, as everything below)
  int32_t writer;   // the write holder's tid, 0: none
  uint32_t readers_waiting;
  uint32_t writers_waiting;
};
struct pthread_barrier_t {
  qrv_sync_t lock;
  qrv_sync_t cv;
  uint32_t count;  // guarded by lock, as everything below
  uint32_t arrived;
  uint32_t generation;
  uint32_t reserved;
};
struct pthread_spinlock_t {
  int32_t owner;  // tid, 0: free
};
inline constexpr int kBarrierSerialThread = -1;
// The C side (pthread.h) is checked by headers_test.
static_assert(sizeof(pthread_mutex_t) == 16 && sizeof(pthread_mutexattr_t) == 8 && sizeof(pthread_once_t) == 16);
static_assert(sizeof(pthread_rwlock_t) == 40 && sizeof(pthread_barrier_t) == 32 && sizeof(pthread_spinlock_t) == 4);
int pthread_create(pthread_t* thread, const pthread_attr_t* attr, void* (*start)(void*), void* arg);
int pthread_join(pthread_t thread, void** result);
[[noreturn]] void pthread_exit(void* result);
pthread_t pthread_self();
int pthread_equal(pthread_t a, pthread_t b);
int pthread_kill(pthread_t thread, int signo);
int pthread_once(pthread_once_t* once, void (*init)());
int pthread_key_create(pthread_key_t* key, void (*destructor)(void*));
int pthread_key_delete(pthread_key_t key);
int pthread_setspecific(pthread_key_t key, const void* value);
void* pthread_getspecific(pthread_key_t key);
// Runs the calling thread's key destructors (pthread_exit's first step).
void run_key_destructors();
int pthread_mutexattr_init(pthread_mutexattr_t* attr);
int pthread_mutexattr_destroy(pthread_mutexattr_t* attr);
int pthread_mutexattr_settype(pthread_mutexattr_t* attr, int type);
int pthread_mutexattr_gettype(const pthread_mutexattr_t* attr, int* type);
int pthread_mutex_init(pthread_mutex_t* m, const pthread_mutexattr_t* attr);
int pthread_mutex_destroy(pthread_mutex_t* m);
int pthread_mutex_lock(pthread_mutex_t* m);
int pthread_mutex_trylock(pthread_mutex_t* m);
int pthread_mutex_timedlock(pthread_mutex_t* m, const qrv_timespec* abstime);
int pthread_mutex_unlock(pthread_mutex_t* m);
int pthread_cond_init(pthread_cond_t* c, const void* attr);
int pthread_cond_destroy(pthread_cond_t* c);
int pthread_cond_wait(pthread_cond_t* c, pthread_mutex_t* m);
int pthread_cond_timedwait(pthread_cond_t* c, pthread_mutex_t* m, const qrv_timespec* abstime);
int pthread_cond_signal(pthread_cond_t* c);
int pthread_cond_broadcast(pthread_cond_t* c);
int pthread_rwlock_init(pthread_rwlock_t* rw, const void* attr);
int pthread_rwlock_destroy(pthread_rwlock_t* rw);
int pthread_rwlock_rdlock(pthread_rwlock_t* rw);
int pthread_rwlock_tryrdlock(pthread_rwlock_t* rw);
int pthread_rwlock_timedrdlock(pthread_rwlock_t* rw, const qrv_timespec* abstime);
int pthread_rwlock_wrlock(pthread_rwlock_t* rw);
int pthread_rwlock_trywrlock(pthread_rwlock_t* rw);
int pthread_rwlock_timedwrlock(pthread_rwlock_t* rw, const qrv_timespec* abstime);
int pthread_rwlock_unlock(pthread_rwlock_t* rw);
int pthread_barrier_init(pthread_barrier_t* b, const void* attr, unsigned count);
int pthread_barrier_destroy(pthread_barrier_t* b);
int pthread_barrier_wait(pthread_barrier_t* b);
int pthread_spin_init(pthread_spinlock_t* s, int pshared);
int pthread_spin_destroy(pthread_spinlock_t* s);
int pthread_spin_lock(pthread_spinlock_t* s);
int pthread_spin_trylock(pthread_spinlock_t* s);
int pthread_spin_unlock(pthread_spinlock_t* s);

// semaphore.h (unnamed semaphores; sem_* return -1 and set errno)
struct sem_t {
  qrv_sync_t lock;
  qrv_sync_t cv;
  uint32_t value;    // atomic: tokens
  uint32_t waiters;  // atomic: threads in the slow path
};
static_assert(sizeof(sem_t) == 24, "sem_t (headers_test checks the C side)");
int sem_init(sem_t* s, int pshared, unsigned value);
int sem_destroy(sem_t* s);
int sem_post(sem_t* s);
int sem_wait(sem_t* s);
int sem_trywait(sem_t* s);
int sem_timedwait(sem_t* s, const qrv_timespec* abstime);
int sem_getvalue(sem_t* s, int* value);

// A TimerTimeout for the calling thread's next kernel call: the states
// `flags` (QRV_NTO_TIMEOUT_*) end with ETIMEDOUT at abstime (CLOCK_REALTIME).
// 0, or EINVAL for a tv_nsec outside [0, 1e9).
int timeout_until(const qrv_timespec* abstime, uint32_t flags);

// termios.h, unistd.h (isatty, tcgetpgrp, tcsetpgrp): terminals, through
// devctl (termios_api.h)
int tcgetattr(int fd, Termios* t);
int tcsetattr(int fd, int optional_actions, const Termios* t);
speed_t cfgetispeed(const Termios* t);
speed_t cfgetospeed(const Termios* t);
int cfsetispeed(Termios* t, speed_t speed);
int cfsetospeed(Termios* t, speed_t speed);
int cfsetspeed(Termios* t, speed_t speed);
void cfmakeraw(Termios* t);
int tcdrain(int fd);
int tcflow(int fd, int action);
int tcflush(int fd, int queue_selector);
int tcsendbreak(int fd, int duration);
pid_t tcgetsid(int fd);
pid_t tcgetpgrp(int fd);
int tcsetpgrp(int fd, pid_t pgrp);
int isatty(int fd);
}  // namespace qrv::libc
