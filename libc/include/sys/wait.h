/* QRV libc: sys/wait.h. Status: exit code in bits 8-15, or the signal in
 * bits 0-6; a stop is 0x7f with the signal in bits 8-15, a continue 0xffff. */
#ifndef _SYS_WAIT_H
#define _SYS_WAIT_H

#include <signal.h>
#include <sys/cdefs.h>
#include <sys/types.h>

#define WNOHANG 1
#define WUNTRACED 2
#define WSTOPPED WUNTRACED
#define WEXITED 4     /* waitid: children that ended */
#define WCONTINUED 8  /* children continued by SIGCONT */
#define WNOWAIT 0x01000000 /* waitid: leave the child waitable */

typedef enum { P_ALL = 0, P_PID = 1, P_PGID = 2 } idtype_t;

#define WEXITSTATUS(s) (((s) >> 8) & 0xff)
#define WTERMSIG(s) ((s) & 0x7f)
#define WIFEXITED(s) (WTERMSIG(s) == 0)
#define WIFSIGNALED(s) (WTERMSIG(s) != 0 && WTERMSIG(s) != 0x7f)
#define WIFSTOPPED(s) (((s) & 0xff) == 0x7f)
#define WSTOPSIG(s) WEXITSTATUS(s)
#define WIFCONTINUED(s) ((s) == 0xffff)

__BEGIN_DECLS
pid_t waitpid(pid_t pid, int* status, int options);
pid_t wait(int* status);
int waitid(idtype_t idtype, id_t id, siginfo_t* info, int options); /* WEXITED required */
__END_DECLS

#endif /* _SYS_WAIT_H */
