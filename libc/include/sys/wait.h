/* QRV libc: sys/wait.h. Status: exit code in bits 8-15, or the signal in bits 0-6. */
#ifndef _SYS_WAIT_H
#define _SYS_WAIT_H

#include <sys/cdefs.h>
#include <sys/types.h>

#define WNOHANG 1
#define WUNTRACED 2

#define WEXITSTATUS(s) (((s) >> 8) & 0xff)
#define WTERMSIG(s) ((s) & 0x7f)
#define WIFEXITED(s) (WTERMSIG(s) == 0)
#define WIFSIGNALED(s) (WTERMSIG(s) != 0 && WTERMSIG(s) != 0x7f)

__BEGIN_DECLS
pid_t waitpid(pid_t pid, int* status, int options);
pid_t wait(int* status);
__END_DECLS

#endif /* _SYS_WAIT_H */
