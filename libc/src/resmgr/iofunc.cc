// The iofunc layer (sys/resmgr.h): what a handler does unless the server
// says otherwise, over an iofunc_attr_t. There are no credentials yet, so an
// open checks the mode's permission bits for anyone, not for an owner.
#include "kernel/abi/errno.h"
#include "libc/src/common/entrypoint.h"
#include "libc/src/malloc/malloc_api.h"
#include "libc/src/resmgr/dispatch.h"
#include "libc/src/string/string_api.h"

namespace qrv::libc {
namespace {

constexpr uint32_t kTypeMask = 0170000;  // S_IFMT
constexpr uint32_t kDir = 0040000;       // S_IFDIR
constexpr uint32_t kAccessMode = 03;
constexpr uint32_t kOCreat = 0100, kOExcl = 0200, kODirectory = 0200000;

int make_ocb(iofunc_attr_t* attr, iofunc_ocb_t** ocb) {
  auto* o = static_cast<iofunc_ocb_t*>(malloc(sizeof(iofunc_ocb_t)));
  if (o == nullptr) return QRV_ENOMEM;
  memset(o, 0, sizeof *o);
  o->attr = attr;
  attr->count++;
  *ocb = o;
  return 0;
}

}  // namespace

QRV_LIBC_FN(void, iofunc_attr_init, (iofunc_attr_t * attr, uint32_t mode)) {
  memset(attr, 0, sizeof *attr);
  attr->mode = mode;
  attr->nlink = 1;
}

QRV_LIBC_FN(int, iofunc_open_default,
            (resmgr_context_t * ctp, const struct _io_connect* msg, const char* path, void* handle,
             iofunc_ocb_t** ocb)) {
  (void)ctp;
  auto* attr = static_cast<iofunc_attr_t*>(handle);
  if (path[0] != '\0') return QRV_ENOENT;  // one node: nothing below it
  const bool is_dir = (attr->mode & kTypeMask) == kDir;
  const uint32_t access = msg->ioflag & kAccessMode;
  if (access == _IO_FLAG_NOACCESS) {  // stat, chdir, access: no permission needed
    if ((msg->ioflag & kODirectory) != 0 && !is_dir) return QRV_ENOTDIR;
    return make_ocb(attr, ocb);
  }
  if ((msg->ioflag & kODirectory) != 0 && !is_dir) return QRV_ENOTDIR;
  if ((msg->ioflag & (kOCreat | kOExcl)) == (kOCreat | kOExcl)) return QRV_EEXIST;
  const bool wants_write = access != 0;
  if (wants_write && is_dir) return QRV_EISDIR;
  if (wants_write && (attr->mode & 0222) == 0) return QRV_EACCES;
  if (access != 1 && (attr->mode & 0444) == 0) return QRV_EACCES;
  return make_ocb(attr, ocb);
}

QRV_LIBC_FN(void, iofunc_close_ocb_default, (resmgr_context_t * ctp, iofunc_ocb_t* ocb)) {
  (void)ctp;
  if (ocb->attr != nullptr && ocb->attr->count != 0) ocb->attr->count--;
  free(ocb);
}

QRV_LIBC_FN(int, iofunc_stat_default, (resmgr_context_t * ctp, const struct _io_hdr* msg, iofunc_ocb_t* ocb)) {
  (void)msg;
  static_assert(sizeof(struct _io_stat_reply) <= sizeof ctp->scratch, "the reply fits the context");
  auto* r = reinterpret_cast<struct _io_stat_reply*>(ctp->scratch);
  const iofunc_attr_t* a = ocb->attr;
  memset(r, 0, sizeof *r);
  r->ino = a->ino;
  r->size = a->size;
  r->mode = a->mode;
  r->nlink = a->nlink;
  r->uid = a->uid;
  r->gid = a->gid;
  r->atime_ns = a->atime_ns;
  r->mtime_ns = a->mtime_ns;
  r->ctime_ns = a->ctime_ns;
  r->blksize = 4096;
  ctp->iov[0] = iov_t{r, sizeof *r};
  return _RESMGR_NPARTS(1);
}

QRV_LIBC_FN(int, iofunc_lseek_default, (resmgr_context_t * ctp, const struct _io_lseek* msg, iofunc_ocb_t* ocb)) {
  int64_t base;
  switch (msg->whence) {
    case 0: base = 0; break;
    case 1: base = static_cast<int64_t>(ocb->offset); break;
    case 2: base = static_cast<int64_t>(ocb->attr->size); break;
    default: return QRV_EINVAL;
  }
  int64_t to;
  if (__builtin_add_overflow(base, msg->offset, &to)) return QRV_EOVERFLOW;
  if (to < 0) return QRV_EINVAL;
  ocb->offset = static_cast<uint64_t>(to);
  ctp->status = to;
  return 0;
}

QRV_LIBC_FN(int, resmgr_dirent_add, (void* buf, size_t cap, size_t* used, uint64_t ino, const char* name)) {
  const size_t namelen = strlen(name);
  const size_t reclen = (sizeof(struct _io_dirent) + namelen + 1 + 7) & ~size_t{7};
  if (namelen > 0xffff || *used > cap || reclen > cap - *used) return 0;
  auto* d = reinterpret_cast<struct _io_dirent*>(static_cast<unsigned char*>(buf) + *used);
  memset(d, 0, reclen);
  d->ino = ino;
  d->reclen = static_cast<uint16_t>(reclen);
  d->namelen = static_cast<uint16_t>(namelen);
  memcpy(d + 1, name, namelen + 1);
  *used += reclen;
  return 1;
}

}  // namespace qrv::libc
