/* QRV libc: sys/mman.h — memory protections and, for drivers, device
 * memory (QNX's mmap_device_memory: the caller needs I/O privilege,
 * ThreadCtl(_NTO_TCTL_IO)). General mmap/munmap are not here yet: anonymous
 * memory comes through malloc. */
#ifndef _SYS_MMAN_H
#define _SYS_MMAN_H

#include <stddef.h>
#include <stdint.h>
#include <sys/cdefs.h>

#define PROT_NONE 0
#define PROT_READ 1
#define PROT_WRITE 2
#define PROT_EXEC 4
#define PROT_NOCACHE 0x800 /* QNX; device memory is uncached anyway */
#define MAP_SHARED 1
#define MAP_PRIVATE 2
#define MAP_FAILED ((void*)-1)

__BEGIN_DECLS
/* len bytes of device registers at physical address `physical` (page
 * aligned), or MAP_FAILED with errno: EPERM (no I/O privilege), EACCES
 * (RAM, or a device the kernel keeps), EINVAL, ENOMEM. */
void* mmap_device_memory(void* addr, size_t len, int prot, int flags, uint64_t physical);
/* ENOSYS: taskman does not unmap yet. */
int munmap_device_memory(void* addr, size_t len);
__END_DECLS

#endif /* _SYS_MMAN_H */
