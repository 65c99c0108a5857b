/* QRV error numbers, shared by kernel (returned as -QRV_E*) and libc (which
 * maps them to its errno.h names). Values follow Linux's generic numbering.
 * The X-list names every value once, with its message, for strerror. */
#ifndef QRV_KERNEL_ABI_ERRNO_H_
#define QRV_KERNEL_ABI_ERRNO_H_

#define QRV_EPERM 1
#define QRV_ENOENT 2
#define QRV_ESRCH 3
#define QRV_EINTR 4
#define QRV_EIO 5
#define QRV_ENXIO 6
#define QRV_E2BIG 7
#define QRV_ENOEXEC 8
#define QRV_EBADF 9
#define QRV_ECHILD 10
#define QRV_EAGAIN 11
#define QRV_ENOMEM 12
#define QRV_EACCES 13
#define QRV_EFAULT 14
#define QRV_EBUSY 16
#define QRV_EEXIST 17
#define QRV_EXDEV 18
#define QRV_ENODEV 19
#define QRV_ENOTDIR 20
#define QRV_EISDIR 21
#define QRV_EINVAL 22
#define QRV_ENFILE 23
#define QRV_EMFILE 24
#define QRV_ENOTTY 25
#define QRV_EFBIG 27
#define QRV_ENOSPC 28
#define QRV_ESPIPE 29
#define QRV_EROFS 30
#define QRV_EMLINK 31
#define QRV_EPIPE 32
#define QRV_EDOM 33
#define QRV_ERANGE 34
#define QRV_EDEADLK 35
#define QRV_ENAMETOOLONG 36
#define QRV_ENOLCK 37
#define QRV_ENOSYS 38
#define QRV_ENOTEMPTY 39
#define QRV_ELOOP 40
#define QRV_ENOMSG 42
#define QRV_EOVERFLOW 75
#define QRV_EILSEQ 84
#define QRV_ENOTSUP 95
#define QRV_ETIMEDOUT 110
#define QRV_ECANCELED 125
#define QRV_EOWNERDEAD 130
/* QNX: the server faulted while replying (bad reply buffer). */
#define QRV_ESRVRFAULT 312

/* X(number macro, "NAME", "message") */
#define QRV_ERRNO_LIST(X)                                        \
  X(QRV_EPERM, "EPERM", "Operation not permitted")               \
  X(QRV_ENOENT, "ENOENT", "No such file or directory")           \
  X(QRV_ESRCH, "ESRCH", "No such process")                       \
  X(QRV_EINTR, "EINTR", "Interrupted system call")               \
  X(QRV_EIO, "EIO", "Input/output error")                        \
  X(QRV_ENXIO, "ENXIO", "No such device or address")             \
  X(QRV_E2BIG, "E2BIG", "Argument list too long")                \
  X(QRV_ENOEXEC, "ENOEXEC", "Exec format error")                 \
  X(QRV_EBADF, "EBADF", "Bad file descriptor")                   \
  X(QRV_ECHILD, "ECHILD", "No child processes")                  \
  X(QRV_EAGAIN, "EAGAIN", "Resource temporarily unavailable")    \
  X(QRV_ENOMEM, "ENOMEM", "Cannot allocate memory")              \
  X(QRV_EACCES, "EACCES", "Permission denied")                   \
  X(QRV_EFAULT, "EFAULT", "Bad address")                         \
  X(QRV_EBUSY, "EBUSY", "Device or resource busy")               \
  X(QRV_EEXIST, "EEXIST", "File exists")                         \
  X(QRV_EXDEV, "EXDEV", "Invalid cross-device link")             \
  X(QRV_ENODEV, "ENODEV", "No such device")                      \
  X(QRV_ENOTDIR, "ENOTDIR", "Not a directory")                   \
  X(QRV_EISDIR, "EISDIR", "Is a directory")                      \
  X(QRV_EINVAL, "EINVAL", "Invalid argument")                    \
  X(QRV_ENFILE, "ENFILE", "Too many open files in system")       \
  X(QRV_EMFILE, "EMFILE", "Too many open files")                 \
  X(QRV_ENOTTY, "ENOTTY", "Inappropriate ioctl for device")      \
  X(QRV_EFBIG, "EFBIG", "File too large")                        \
  X(QRV_ENOSPC, "ENOSPC", "No space left on device")             \
  X(QRV_ESPIPE, "ESPIPE", "Illegal seek")                        \
  X(QRV_EROFS, "EROFS", "Read-only file system")                 \
  X(QRV_EMLINK, "EMLINK", "Too many links")                      \
  X(QRV_EPIPE, "EPIPE", "Broken pipe")                           \
  X(QRV_EDOM, "EDOM", "Numerical argument out of domain")        \
  X(QRV_ERANGE, "ERANGE", "Numerical result out of range")       \
  X(QRV_EDEADLK, "EDEADLK", "Resource deadlock avoided")         \
  X(QRV_ENAMETOOLONG, "ENAMETOOLONG", "File name too long")      \
  X(QRV_ENOLCK, "ENOLCK", "No locks available")                  \
  X(QRV_ENOSYS, "ENOSYS", "Function not implemented")            \
  X(QRV_ENOTEMPTY, "ENOTEMPTY", "Directory not empty")           \
  X(QRV_ELOOP, "ELOOP", "Too many levels of symbolic links")     \
  X(QRV_ENOMSG, "ENOMSG", "No message of desired type")          \
  X(QRV_EOVERFLOW, "EOVERFLOW", "Value too large for defined data type") \
  X(QRV_EILSEQ, "EILSEQ", "Invalid or incomplete multibyte or wide character") \
  X(QRV_ENOTSUP, "ENOTSUP", "Operation not supported")           \
  X(QRV_ETIMEDOUT, "ETIMEDOUT", "Connection timed out")          \
  X(QRV_ECANCELED, "ECANCELED", "Operation canceled")            \
  X(QRV_EOWNERDEAD, "EOWNERDEAD", "Owner died")                  \
  X(QRV_ESRVRFAULT, "ESRVRFAULT", "Server fault on message pass")

/* Largest error number: a kernel result r is an error exactly when
 * -QRV_ERRNO_MAX <= r < 0. */
#define QRV_ERRNO_MAX 4095

#endif /* QRV_KERNEL_ABI_ERRNO_H_ */
