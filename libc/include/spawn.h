/* QRV libc: spawn.h. File actions and attributes are not supported yet:
 * posix_spawn returns ENOTSUP unless both are NULL. */
#ifndef _SPAWN_H
#define _SPAWN_H

#include <sys/cdefs.h>
#include <sys/types.h>

typedef struct {
  int __unused;
} posix_spawn_file_actions_t;
typedef struct {
  int __unused;
} posix_spawnattr_t;

__BEGIN_DECLS
int posix_spawn(pid_t* __QRV_RESTRICT pid, const char* __QRV_RESTRICT path,
                const posix_spawn_file_actions_t* file_actions, const posix_spawnattr_t* __QRV_RESTRICT attr,
                char* const argv[], char* const envp[]);
__END_DECLS

#endif /* _SPAWN_H */
