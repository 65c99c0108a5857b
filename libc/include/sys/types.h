/* QRV libc: POSIX system types (LP64). */
#ifndef _SYS_TYPES_H
#define _SYS_TYPES_H

#include <stddef.h>
#include <stdint.h>

typedef int32_t pid_t;
typedef int32_t id_t;
typedef uint32_t uid_t;
typedef uint32_t gid_t;
typedef uint32_t mode_t;
typedef int64_t off_t;
typedef long ssize_t;
typedef int64_t time_t;
typedef int32_t clockid_t;
typedef int32_t timer_t;
typedef uint64_t dev_t;
typedef uint64_t ino_t;
typedef uint32_t nlink_t;
typedef int64_t blksize_t;
typedef int64_t blkcnt_t;
typedef uint32_t useconds_t;

#endif /* _SYS_TYPES_H */
