/* QRV libc: sys/resmgr.h — writing a resource manager (QNX's dispatch,
 * resmgr and iofunc layers, in one smaller header). A server creates a
 * dispatch (its channel), attaches paths with tables of handlers, and runs
 * the receive loop; the library checks every message (sys/iomsg.h), keeps
 * one OCB (open file) per open connection, shares it on dup and spawn
 * inheritance, closes it when the client closes or dies, and calls the
 * server's handler or the default for anything the server leaves NULL.
 *
 *   static iofunc_attr_t attr;
 *   static int my_read(resmgr_context_t* ctp, const struct _io_read* msg, iofunc_ocb_t* ocb) {
 *     return 0;  // status 0 (ctp->status), no data: end of file
 *   }
 *   int main(void) {
 *     static const resmgr_io_funcs_t io = {.read = my_read};
 *     dispatch_t* d = dispatch_create();
 *     iofunc_attr_init(&attr, S_IFCHR | 0666);
 *     resmgr_attach(d, "/dev/mine", 0, NULL, &io, &attr);
 *     return resmgr_run(d);
 *   }
 *
 * Differences from QNX: no resmgr_attr_t or file type argument, the handle
 * given to resmgr_attach must be an iofunc_attr_t (or begin with one) for
 * the defaults to work, and one thread serves (no thread pool yet). */
#ifndef _SYS_RESMGR_H
#define _SYS_RESMGR_H

#include <stddef.h>
#include <stdint.h>

/* By workspace path, as sys/procmsg.h: libc's own sources (built for host
 * tests too) use these layouts directly. */
#include "kernel/abi/types.h"
#include "libc/include/sys/iomsg.h"

/* What a handler returns: an errno value (the client's call fails with it),
 * 0 (reply ctp->status with no data), _RESMGR_NPARTS(n) (reply ctp->status
 * with ctp->iov[0..n)), or _RESMGR_NOREPLY (the handler replied, or will). */
#define _RESMGR_NPARTS(n) (-(n))
#define _RESMGR_ERRNO(e) (e)
#define _RESMGR_NOREPLY 0x7fffffff
#define _RESMGR_IOV_MAX 4

typedef struct _iofunc_attr {
  uint64_t ino;
  uint64_t size;
  uint32_t mode; /* S_IF* | permissions */
  uint32_t nlink;
  uint32_t uid;
  uint32_t gid;
  int64_t atime_ns;
  int64_t mtime_ns;
  int64_t ctime_ns;
  uint32_t count; /* open OCBs on it */
  uint32_t reserved;
} iofunc_attr_t;

typedef struct _iofunc_ocb {
  iofunc_attr_t* attr;
  uint64_t offset; /* bytes; entries for a directory */
  uint32_t ioflag; /* the O_* flags of the open */
  uint32_t refs;   /* connections sharing it (dup, inheritance) */
  void* data;      /* the server's own */
} iofunc_ocb_t;

typedef struct _dispatch dispatch_t;

typedef struct _resmgr_context {
  int rcvid;
  struct _msg_info info;
  void* msg;      /* what was received */
  size_t msg_len; /* bytes of it in msg (the rest can be read with resmgr_msgread) */
  long status;    /* the reply's status; 0 before each handler */
  iov_t iov[_RESMGR_IOV_MAX];
  dispatch_t* dpp;
  uint64_t scratch[16]; /* room for a small reply (iofunc_stat_default's) */
} resmgr_context_t;

/* The handle is the one given to resmgr_attach; `path` is below the mount
 * point ("" for the mount point itself). open makes *ocb (the default:
 * iofunc_open_default). */
typedef struct {
  int (*open)(resmgr_context_t* ctp, const struct _io_connect* msg, const char* path, void* handle,
              iofunc_ocb_t** ocb);
  int (*unlink)(resmgr_context_t* ctp, const struct _io_connect* msg, const char* path, void* handle);
  int (*mkdir)(resmgr_context_t* ctp, const struct _io_connect* msg, const char* path, void* handle);
  int (*rename)(resmgr_context_t* ctp, const struct _io_connect* msg, const char* path, const char* from,
                void* handle);
} resmgr_connect_funcs_t;

typedef struct {
  int (*read)(resmgr_context_t* ctp, const struct _io_read* msg, iofunc_ocb_t* ocb);
  int (*write)(resmgr_context_t* ctp, const struct _io_write* msg, iofunc_ocb_t* ocb);
  int (*stat)(resmgr_context_t* ctp, const struct _io_hdr* msg, iofunc_ocb_t* ocb);
  int (*lseek)(resmgr_context_t* ctp, const struct _io_lseek* msg, iofunc_ocb_t* ocb);
  int (*devctl)(resmgr_context_t* ctp, const struct _io_devctl* msg, iofunc_ocb_t* ocb);
  /* The last connection sharing ocb has gone: free it (the default frees an
   * OCB iofunc_open_default made). No reply. */
  void (*close_ocb)(resmgr_context_t* ctp, iofunc_ocb_t* ocb);
} resmgr_io_funcs_t;

/* resmgr_attach flags (sys/procmsg.h's _PROC_PATH_*). */
#define _RESMGR_FLAG_DIR 1u   /* the server serves the paths below too */
#define _RESMGR_FLAG_UNION 2u /* several servers may attach this exact path */

#if !defined(QRV_LIBC_RESMGR_IMPL) /* libc's own sources declare these in their namespace */
#ifdef __cplusplus
extern "C" {
#endif
/* A dispatch on a new channel (0 for the error, with errno). */
dispatch_t* dispatch_create(void);
/* A dispatch on channel chid, created with _NTO_CHF_DISCONNECT (taskman's). */
dispatch_t* dispatch_create_channel(int chid);
int dispatch_chid(const dispatch_t* dpp);

/* Serves `path` with the given handlers (NULL tables or entries: the
 * defaults) and handle. The attachment id (>= 0), or -1 with errno
 * (EEXIST, ENAMETOOLONG, EAGAIN, ...). path NULL: a local attachment only,
 * for a server that tells the path manager itself (taskman). */
int resmgr_attach(dispatch_t* dpp, const char* path, unsigned flags, const resmgr_connect_funcs_t* connect_funcs,
                  const resmgr_io_funcs_t* io_funcs, void* handle);
int resmgr_detach(dispatch_t* dpp, int id);

/* A context with a receive buffer; resmgr_block receives into it (0, or -1
 * with errno), resmgr_handler answers what was received: 0, or -1 when it
 * is no I/O message (left to the caller, unanswered). resmgr_run loops over
 * both, answering everything else with ENOSYS; it returns only on error. */
resmgr_context_t* resmgr_context_alloc(dispatch_t* dpp);
int resmgr_block(resmgr_context_t* ctp);
int resmgr_handler(resmgr_context_t* ctp);
int resmgr_run(dispatch_t* dpp);

/* Bytes of the client's message from `offset` (MsgRead), or -1 with errno. */
long resmgr_msgread(resmgr_context_t* ctp, void* buf, size_t bytes, size_t offset);

/* The OCB the sender's own connection `coid` holds with this server, or
 * NULL (a server pairing two opens, as the pipe server does). */
iofunc_ocb_t* resmgr_ocb_of(resmgr_context_t* ctp, int coid);

/* Appends one directory record (struct _io_dirent + name) to buf; false
 * when it does not fit in cap (nothing written). */
int resmgr_dirent_add(void* buf, size_t cap, size_t* used, uint64_t ino, const char* name);

/* The iofunc layer: attribute and default handlers. */
void iofunc_attr_init(iofunc_attr_t* attr, uint32_t mode);
int iofunc_open_default(resmgr_context_t* ctp, const struct _io_connect* msg, const char* path, void* handle,
                        iofunc_ocb_t** ocb);
int iofunc_stat_default(resmgr_context_t* ctp, const struct _io_hdr* msg, iofunc_ocb_t* ocb);
int iofunc_lseek_default(resmgr_context_t* ctp, const struct _io_lseek* msg, iofunc_ocb_t* ocb);
void iofunc_close_ocb_default(resmgr_context_t* ctp, iofunc_ocb_t* ocb);

/* QRV: the question an _IO_DUP from another process asks of taskman (whose
 * child is pid: the parent's pid or -errno), for taskman, which answers it
 * itself; only a child still being loaded has a parent to inherit from
 * (else -EPERM). */
void dispatch_set_parent_of(dispatch_t* dpp, int (*parent_of)(int32_t pid));
#ifdef __cplusplus
}
#endif
#endif

#endif /* _SYS_RESMGR_H */
