/* QRV libc: spawn.h. posix_spawn sends taskman a _PROC_SPAWN message
 * (sys/procmsg.h); the program is looked up under /proc/boot. Attributes:
 * SETPGROUP, SETSID, SETSIGMASK, SETSIGDEF, SETSCHEDPARAM and SETSCHEDULER
 * (the child's main thread's priority and policy) (RESETIDS is accepted: there is
 * one set of credentials). The child starts with the caller's descriptors
 * that are not close-on-exec, changed by the file actions in order. */
#ifndef _SPAWN_H
#define _SPAWN_H

#include <sched.h>
#include <signal.h>
#include <stdint.h>
#include <sys/cdefs.h>
#include <sys/types.h>

#define POSIX_SPAWN_RESETIDS 0x01
#define POSIX_SPAWN_SETPGROUP 0x02
#define POSIX_SPAWN_SETSIGDEF 0x04
#define POSIX_SPAWN_SETSIGMASK 0x08
#define POSIX_SPAWN_SETSCHEDPARAM 0x10
#define POSIX_SPAWN_SETSCHEDULER 0x20
#define POSIX_SPAWN_SETSID 0x80

typedef struct {
  int32_t __count;
  int32_t __cap;
  void* __actions;
} posix_spawn_file_actions_t;
typedef struct {
  int16_t __flags;
  int16_t __reserved;
  int32_t __pgroup;
  sigset_t __sigmask;
  sigset_t __sigdefault;
  int32_t __schedpolicy;
  int32_t __schedpriority;
} posix_spawnattr_t;

/* QNX's spawn(): flags of struct inheritance. With fd_count > 0 the child
 * has exactly fds 0..fd_count-1, fd i sharing the caller's fd_map[i]
 * (SPAWN_FDCLOSED: none), close-on-exec or not. */
#define SPAWN_FDCLOSED (-1)
#define SPAWN_SETGROUP 0x0001   /* the child joins group `pgroup` (SPAWN_NEWPGROUP: a new one) */
#define SPAWN_SETSIGMASK 0x0002 /* the child's signal mask is `sigmask` */
#define SPAWN_SETSIGDEF 0x0004  /* signals in `sigdefault` get SIG_DFL */
#define SPAWN_SETSID 0x0400     /* the child leads a new session */
#define SPAWN_NEWPGROUP 0

struct inheritance {
  unsigned long flags;
  pid_t pgroup;
  sigset_t sigmask;
  sigset_t sigdefault;
};

__BEGIN_DECLS
/* The child's pid, or -1 and errno. */
pid_t spawn(const char* path, int fd_count, const int fd_map[], const struct inheritance* inherit,
            char* const argv[], char* const envp[]);
int posix_spawn(pid_t* __QRV_RESTRICT pid, const char* __QRV_RESTRICT path,
                const posix_spawn_file_actions_t* file_actions, const posix_spawnattr_t* __QRV_RESTRICT attr,
                char* const argv[], char* const envp[]);
int posix_spawnp(pid_t* __QRV_RESTRICT pid, const char* __QRV_RESTRICT file,
                 const posix_spawn_file_actions_t* file_actions, const posix_spawnattr_t* __QRV_RESTRICT attr,
                 char* const argv[], char* const envp[]);
int posix_spawnattr_init(posix_spawnattr_t* attr);
int posix_spawnattr_destroy(posix_spawnattr_t* attr);
int posix_spawnattr_getflags(const posix_spawnattr_t* __QRV_RESTRICT attr, short* __QRV_RESTRICT flags);
int posix_spawnattr_setflags(posix_spawnattr_t* attr, short flags);
int posix_spawnattr_getpgroup(const posix_spawnattr_t* __QRV_RESTRICT attr, pid_t* __QRV_RESTRICT pgroup);
int posix_spawnattr_setpgroup(posix_spawnattr_t* attr, pid_t pgroup);
int posix_spawnattr_getsigmask(const posix_spawnattr_t* __QRV_RESTRICT attr, sigset_t* __QRV_RESTRICT mask);
int posix_spawnattr_setsigmask(posix_spawnattr_t* __QRV_RESTRICT attr, const sigset_t* __QRV_RESTRICT mask);
int posix_spawnattr_getsigdefault(const posix_spawnattr_t* __QRV_RESTRICT attr, sigset_t* __QRV_RESTRICT set);
int posix_spawnattr_setsigdefault(posix_spawnattr_t* __QRV_RESTRICT attr, const sigset_t* __QRV_RESTRICT set);
int posix_spawnattr_getschedparam(const posix_spawnattr_t* __QRV_RESTRICT attr,
                                  struct sched_param* __QRV_RESTRICT param);
int posix_spawnattr_setschedparam(posix_spawnattr_t* __QRV_RESTRICT attr,
                                  const struct sched_param* __QRV_RESTRICT param);
int posix_spawnattr_getschedpolicy(const posix_spawnattr_t* __QRV_RESTRICT attr, int* __QRV_RESTRICT policy);
int posix_spawnattr_setschedpolicy(posix_spawnattr_t* attr, int policy);
int posix_spawn_file_actions_init(posix_spawn_file_actions_t* fa);
int posix_spawn_file_actions_destroy(posix_spawn_file_actions_t* fa);
int posix_spawn_file_actions_addclose(posix_spawn_file_actions_t* fa, int fd);
int posix_spawn_file_actions_adddup2(posix_spawn_file_actions_t* fa, int fd, int newfd);
int posix_spawn_file_actions_addopen(posix_spawn_file_actions_t* __QRV_RESTRICT fa, int fd,
                                     const char* __QRV_RESTRICT path, int oflag, mode_t mode);
__END_DECLS

#endif /* _SPAWN_H */
