/* QRV libc: sys/iomsg.h — the I/O protocol between a program and a resource
 * manager (QNX's <sys/iomsg.h> role). A file descriptor is a connection to
 * the server that owns the file; every operation on it is one message.
 *
 * Opening: libc asks taskman to resolve a path (_PROC_PATH_RESOLVE in
 * sys/procmsg.h), which names the server (pid, chid), the handle the server
 * attached the path with, and the rest of the path below that mount point.
 * libc connects to the server (the coid is the fd) and sends _IO_CONNECT on
 * the new connection: an open binds the connection to an open file (an OCB)
 * in the server; the other subtypes (unlink, mkdir, rename) bind nothing.
 * Then every I/O message on that connection acts on its OCB.
 *
 * Every message starts with struct _io_hdr. Replies carry a status (bytes,
 * an offset, 0) and the data named after each type, or an error. Servers
 * treat every message as untrusted: a size that disagrees with what the
 * kernel says was sent, an unknown type or subtype, a path without its
 * terminator is an error reply, never a crash. */
#ifndef _SYS_IOMSG_H
#define _SYS_IOMSG_H

#include <stdint.h>

#include "kernel/abi/abi.h"

/* Message types: above every sys/procmsg.h type (< 0x100), so taskman, which
 * is both, tells them apart by the first 16 bits. */
#define _IO_BASE 0x100
#define _IO_CONNECT 0x100 /* struct _io_connect + path (+ extra) */
#define _IO_READ 0x101    /* struct _io_read -> data; status: bytes */
#define _IO_WRITE 0x102   /* struct _io_write + data; status: bytes */
#define _IO_CLOSE 0x103   /* struct _io_hdr: the OCB goes (the connection stays) */
#define _IO_STAT 0x104    /* struct _io_hdr -> struct _io_stat_reply */
#define _IO_LSEEK 0x105   /* struct _io_lseek -> status: the new offset */
#define _IO_DEVCTL 0x106  /* struct _io_devctl + data -> struct _io_devctl_reply + data */
#define _IO_DUP 0x107     /* struct _io_dup: this connection shares another's OCB */
#define _IO_MAX 0x107

struct _io_hdr {
  uint16_t type;
  uint16_t subtype; /* _IO_CONNECT_*; 0 for the others */
  uint32_t size;    /* bytes of the whole message, this header included */
};
QRV_ABI_ASSERT(sizeof(struct _io_hdr) == 8, "_io_hdr size");

/* _IO_CONNECT subtypes. */
#define _IO_CONNECT_OPEN 1   /* ioflag: O_* flags; mode: for O_CREAT */
#define _IO_CONNECT_UNLINK 2 /* mode S_IFDIR: rmdir */
#define _IO_CONNECT_MKDIR 3  /* mode: permissions */
#define _IO_CONNECT_RENAME 4 /* extra: the source, below the same mount point */

/* The paths are relative to the mount point ("" is the mount point itself),
 * NUL-terminated, path_len and extra_len counting the NUL. At most
 * _IO_PATH_MAX bytes each. */
#define _IO_PATH_MAX 1024
/* An access mode (ioflag & O_ACCMODE) that neither reads nor writes: what
 * stat, chdir and access open with (no permission needed; I/O is EBADF). */
#define _IO_FLAG_NOACCESS 3
struct _io_connect {
  struct _io_hdr hdr;
  uint32_t handle; /* from the resolution: which of the server's attachments */
  uint32_t ioflag;
  uint32_t mode;
  uint16_t path_len;
  uint16_t extra_len;
};
QRV_ABI_ASSERT(sizeof(struct _io_connect) == 24, "_io_connect size");
QRV_ABI_ASSERT(offsetof(struct _io_connect, handle) == 8, "_io_connect.handle");
QRV_ABI_ASSERT(offsetof(struct _io_connect, path_len) == 20, "_io_connect.path_len");

/* _IO_READ and _IO_WRITE act at the OCB's offset and move it, unless
 * hdr.subtype is _IO_XTYPE_OFFSET (pread, pwrite): then at `offset`,
 * leaving the OCB's alone. With O_APPEND a plain write goes at the end. */
#define _IO_XTYPE_OFFSET 1
struct _io_read {
  struct _io_hdr hdr;
  uint64_t nbytes;
  uint64_t offset;
};
QRV_ABI_ASSERT(sizeof(struct _io_read) == 24, "_io_read size");

/* Followed by nbytes of data: hdr.size == sizeof(struct _io_write) + nbytes. */
struct _io_write {
  struct _io_hdr hdr;
  uint64_t nbytes;
  uint64_t offset;
};
QRV_ABI_ASSERT(sizeof(struct _io_write) == 24, "_io_write size");

struct _io_lseek {
  struct _io_hdr hdr;
  int64_t offset;
  int32_t whence; /* SEEK_SET, SEEK_CUR, SEEK_END */
  uint32_t reserved;
};
QRV_ABI_ASSERT(sizeof(struct _io_lseek) == 24, "_io_lseek size");

/* The reply of _IO_STAT, in fixed widths (libc fills struct stat from it). */
struct _io_stat_reply {
  uint64_t ino;
  uint64_t size;
  uint64_t dev;
  uint32_t mode; /* S_IF* | permissions */
  uint32_t nlink;
  uint32_t uid;
  uint32_t gid;
  int64_t atime_ns; /* since the Epoch */
  int64_t mtime_ns;
  int64_t ctime_ns;
  uint32_t blksize;
  uint32_t reserved;
};
QRV_ABI_ASSERT(sizeof(struct _io_stat_reply) == 72, "_io_stat_reply size");
QRV_ABI_ASSERT(offsetof(struct _io_stat_reply, mode) == 24, "_io_stat_reply.mode");
QRV_ABI_ASSERT(offsetof(struct _io_stat_reply, atime_ns) == 40, "_io_stat_reply.atime_ns");

/* Followed by nbytes of data for the server; the reply is struct
 * _io_devctl_reply followed by up to nbytes of data back. */
struct _io_devctl {
  struct _io_hdr hdr;
  uint32_t dcmd;
  uint32_t nbytes;
};
QRV_ABI_ASSERT(sizeof(struct _io_devctl) == 16, "_io_devctl size");
/* Device controls every server answers (the resmgr library does): the
 * OCB's O_* status flags (fcntl F_GETFL; F_SETFL changes O_APPEND and
 * O_NONBLOCK only), as ret_val / a uint32_t of data. */
#define _IO_DCMD_GETFLAGS 0x0101u
#define _IO_DCMD_SETFLAGS 0x0102u
struct _io_devctl_reply {
  int32_t ret_val;
  uint32_t nbytes;
};
QRV_ABI_ASSERT(sizeof(struct _io_devctl_reply) == 8, "_io_devctl_reply size");

/* _IO_DUP: the sending connection shares the OCB (offset included) of
 * connection src_coid of process src_pid: the sender itself (dup; src_pid 0
 * says so too) or the sender's parent (a descriptor inherited across spawn). */
struct _io_dup {
  struct _io_hdr hdr;
  int32_t src_pid;
  int32_t src_coid;
};
QRV_ABI_ASSERT(sizeof(struct _io_dup) == 16, "_io_dup size");

/* _IO_READ on a directory: whole records, each 8-byte aligned; the OCB's
 * offset counts entries, not bytes. */
struct _io_dirent {
  uint64_t ino;
  uint16_t reclen;  /* bytes of this record, padding included */
  uint16_t namelen; /* without the NUL that follows the name */
  uint32_t reserved;
  /* char name[namelen + 1]; */
};
QRV_ABI_ASSERT(sizeof(struct _io_dirent) == 16, "_io_dirent size");

#endif /* _SYS_IOMSG_H */
