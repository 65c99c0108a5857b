/* QRV libc: sys/uio.h — vectored I/O (one message per call, whatever the
 * number of parts). struct iovec has the layout of the kernel's iov_t. */
#ifndef _SYS_UIO_H
#define _SYS_UIO_H

#include <sys/cdefs.h>
#include <sys/types.h>

#define IOV_MAX 16

struct iovec {
  void* iov_base;
  size_t iov_len;
};

__BEGIN_DECLS
ssize_t readv(int fd, const struct iovec* iov, int n);
ssize_t writev(int fd, const struct iovec* iov, int n);
__END_DECLS

#endif /* _SYS_UIO_H */
