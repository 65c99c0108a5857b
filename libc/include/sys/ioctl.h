/* QRV libc: sys/ioctl.h — ioctl is a devctl (sys/iomsg.h _IO_DEVCTL) to the
 * descriptor's server; the argument's size is in the request's encoding. */
#ifndef _SYS_IOCTL_H
#define _SYS_IOCTL_H

#include <sys/cdefs.h>
#include <sys/dcmd_chr.h> /* the terminal requests: TIOCGWINSZ, struct winsize, ... */

#define _IOC(dir, type, nr, size) \
  (((unsigned long)(dir) << 30) | ((unsigned long)(size) << 16) | ((unsigned long)(type) << 8) | (unsigned long)(nr))
#define _IO(type, nr) _IOC(0u, (type), (nr), 0u)
#define _IOR(type, nr, t) _IOC(2u, (type), (nr), sizeof(t))
#define _IOW(type, nr, t) _IOC(1u, (type), (nr), sizeof(t))
#define _IOWR(type, nr, t) _IOC(3u, (type), (nr), sizeof(t))

__BEGIN_DECLS
int ioctl(int fd, unsigned long request, ...);
__END_DECLS

#endif /* _SYS_IOCTL_H */
