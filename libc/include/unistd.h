/* QRV libc: unistd.h. */
#ifndef _UNISTD_H
#define _UNISTD_H

#include <stddef.h>
#include <sys/cdefs.h>
#include <sys/types.h>

#define F_OK 0
#define X_OK 1
#define W_OK 2
#define R_OK 4
#define STDIN_FILENO 0
#define STDOUT_FILENO 1
#define STDERR_FILENO 2
/* sysconf names (glibc's numbers). */
#define _SC_ARG_MAX 0
#define _SC_CHILD_MAX 1
#define _SC_CLK_TCK 2
#define _SC_OPEN_MAX 4
#define _SC_PAGESIZE 30
#define _SC_PAGE_SIZE _SC_PAGESIZE
#define _SC_RTSIG_MAX 31
#define _SC_SEM_VALUE_MAX 33
#define _SC_SIGQUEUE_MAX 34
#define _SC_TIMER_MAX 35
#define _SC_LINE_MAX 43
#define _SC_THREAD_DESTRUCTOR_ITERATIONS 73
#define _SC_THREAD_KEYS_MAX 74
#define _SC_THREAD_STACK_MIN 75
#define _SC_THREAD_THREADS_MAX 76
#define _SC_NPROCESSORS_CONF 83
#define _SC_NPROCESSORS_ONLN 84
#ifndef SEEK_SET
#define SEEK_SET 0
#define SEEK_CUR 1
#define SEEK_END 2
#endif

__BEGIN_DECLS
extern char** environ;
ssize_t read(int fd, void* buf, size_t n);
ssize_t write(int fd, const void* buf, size_t n);
off_t lseek(int fd, off_t offset, int whence);
int close(int fd);
ssize_t pread(int fd, void* buf, size_t n, off_t offset);
ssize_t pwrite(int fd, const void* buf, size_t n, off_t offset);
int dup(int fd);
int dup2(int fd, int fd2);
int pipe(int fds[2]);
int pipe2(int fds[2], int flags);
int access(const char* path, int mode);
int chdir(const char* path);
char* getcwd(char* buf, size_t size);
int unlink(const char* path);
int rmdir(const char* path);
/* fork: a copy of the caller (taskman's _PROC_FORK): 0 in the child, its
 * pid in the parent. A process with more than one thread gets ENOSYS. */
pid_t fork(void);
pid_t getpid(void);
pid_t getppid(void);
pid_t getpgid(pid_t pid);
pid_t getpgrp(void);
pid_t getsid(pid_t pid);
int setpgid(pid_t pid, pid_t pgid);
pid_t setsid(void);
/* Credentials (taskman keeps them; POSIX's rules: sys/procmsg.h). */
uid_t getuid(void);
uid_t geteuid(void);
gid_t getgid(void);
gid_t getegid(void);
int setuid(uid_t uid);
int seteuid(uid_t uid);
int setgid(gid_t gid);
int setegid(gid_t gid);
/* Terminals (termios.h): isatty is 1 when the server answers DCMD_CHR_ISATTY,
 * else 0 with errno ENOTTY (or EBADF). */
int isatty(int fd);
pid_t tcgetpgrp(int fd);
int tcsetpgrp(int fd, pid_t pgrp);
/* SIGALRM after `seconds` (0 cancels); the seconds the previous alarm had left. */
unsigned alarm(unsigned seconds);
unsigned sleep(unsigned seconds);
/* Waits for a signal whose handler runs (then -1, EINTR) or that ends the process. */
int pause(void);
/* Sleeps for `usec` microseconds (0, or -1 with EINTR for a signal). */
int usleep(useconds_t usec);
/* A limit or value (see libc/src/posix/sysconf.cc for what each is): -1 with
 * EINVAL for a name QRV does not know, -1 with errno unchanged for a
 * feature QRV lacks (real-time signals, sigqueue). */
long sysconf(int name);
__QRV_NORETURN void _exit(int status);

/* getopt: POSIX order (no permutation); see getopt.h. */
extern char* optarg;
extern int optind;
extern int opterr;
extern int optopt;
int getopt(int argc, char* const argv[], const char* optstring);
__END_DECLS

#endif /* _UNISTD_H */
