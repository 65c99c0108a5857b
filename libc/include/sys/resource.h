/* QRV libc: sys/resource.h. taskman keeps each process's limits and says
 * what each one bounds (sys/procmsg.h, _PROC_RLIMIT). */
#ifndef _SYS_RESOURCE_H
#define _SYS_RESOURCE_H

#include <stdint.h>
#include <sys/cdefs.h>
#include <sys/procmsg.h>
#include <sys/types.h>

typedef uint64_t rlim_t;
#define RLIM_INFINITY _PROC_RLIM_INFINITY
#define RLIM_SAVED_MAX RLIM_INFINITY
#define RLIM_SAVED_CUR RLIM_INFINITY

struct rlimit {
  rlim_t rlim_cur;
  rlim_t rlim_max;
};

#define RLIMIT_CPU _PROC_RLIM_CPU
#define RLIMIT_FSIZE _PROC_RLIM_FSIZE
#define RLIMIT_DATA _PROC_RLIM_DATA
#define RLIMIT_STACK _PROC_RLIM_STACK
#define RLIMIT_CORE _PROC_RLIM_CORE
#define RLIMIT_RSS _PROC_RLIM_RSS
#define RLIMIT_NPROC _PROC_RLIM_NPROC
#define RLIMIT_NOFILE _PROC_RLIM_NOFILE
#define RLIMIT_MEMLOCK _PROC_RLIM_MEMLOCK
#define RLIMIT_AS _PROC_RLIM_AS
#define RLIMIT_NLIMITS _PROC_RLIM_NLIMITS
#define RLIM_NLIMITS RLIMIT_NLIMITS

__BEGIN_DECLS
int getrlimit(int resource, struct rlimit* rl);
int setrlimit(int resource, const struct rlimit* rl);
__END_DECLS

#endif /* _SYS_RESOURCE_H */
