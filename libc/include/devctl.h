/* QRV libc: devctl.h — QNX's devctl(): a device control (sys/iomsg.h
 * _IO_DEVCTL) to the descriptor's server, with `data` carrying nbytes both
 * ways. Returns an error number (EOK, 0, on success), not -1.
 *
 * Commands are encoded as on QNX: the direction of the data in the top two
 * bits (TO the device, FROM it, both or none), its size in bits 16-29, a
 * class in bits 8-15 and the command in bits 0-7. The __DIO* macros build
 * them as int (devctl's type), so a command with DEVDIR_TO set is negative;
 * the bits are what the server sees. */
#ifndef _DEVCTL_H
#define _DEVCTL_H

#include <stddef.h>
#include <sys/cdefs.h>

#ifndef EOK
#define EOK 0
#endif

#define _POSIX_DEVDIR_NONE 0u
#define _POSIX_DEVDIR_TO 0x80000000u
#define _POSIX_DEVDIR_FROM 0x40000000u
#define _POSIX_DEVDIR_TOFROM (_POSIX_DEVDIR_TO | _POSIX_DEVDIR_FROM)
#define _POSIX_DEVDIR_CMD_MASK 0x0000ffffu
#define DEVDIR_NONE _POSIX_DEVDIR_NONE
#define DEVDIR_TO _POSIX_DEVDIR_TO
#define DEVDIR_FROM _POSIX_DEVDIR_FROM
#define DEVDIR_TOFROM _POSIX_DEVDIR_TOFROM
#define DEVDIR_CMD_MASK _POSIX_DEVDIR_CMD_MASK

#define __DIOC(dir, class, cmd, size)                                                      \
  ((int)((unsigned)(dir) | (((unsigned)(size) & 0x3fffu) << 16) | (((unsigned)(class) & 0xffu) << 8) | \
         ((unsigned)(cmd) & 0xffu)))
#define __DION(class, cmd) __DIOC(_POSIX_DEVDIR_NONE, (class), (cmd), 0u)
#define __DIOF(class, cmd, data) __DIOC(_POSIX_DEVDIR_FROM, (class), (cmd), sizeof(data))
#define __DIOT(class, cmd, data) __DIOC(_POSIX_DEVDIR_TO, (class), (cmd), sizeof(data))
#define __DIOTF(class, cmd, data) __DIOC(_POSIX_DEVDIR_TOFROM, (class), (cmd), sizeof(data))

/* The parts of a command. */
#define get_device_command(dcmd) ((unsigned)(dcmd) & _POSIX_DEVDIR_CMD_MASK)
#define get_device_direction(dcmd) ((unsigned)(dcmd) & _POSIX_DEVDIR_TOFROM)
#define get_device_size(dcmd) (((unsigned)(dcmd) >> 16) & 0x3fffu)

__BEGIN_DECLS
int devctl(int fd, int dcmd, void* data, size_t nbytes, int* info);
__END_DECLS

#endif /* _DEVCTL_H */
