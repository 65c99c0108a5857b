/* QRV libc: devctl.h — QNX's devctl(): a device control (sys/iomsg.h
 * _IO_DEVCTL) to the descriptor's server, with `data` carrying nbytes both
 * ways. Returns an error number (EOK, 0, on success), not -1. */
#ifndef _DEVCTL_H
#define _DEVCTL_H

#include <stddef.h>
#include <sys/cdefs.h>

#ifndef EOK
#define EOK 0
#endif

__BEGIN_DECLS
int devctl(int fd, int dcmd, void* data, size_t nbytes, int* info);
__END_DECLS

#endif /* _DEVCTL_H */
