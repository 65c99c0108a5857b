// What the read-only nodes taskman serves share (proc_fs.cc, proc_pid.cc):
// the open checks, OCBs that carry their own attributes, and directory
// reads built from a name generator into one reply buffer (taskman serves
// one message at a time and replies before the next).
#pragma once

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <sys/stat.h>

#include "libc/src/resmgr/dispatch.h"
#include "taskman/path_table.h"

namespace taskman {

class ProcFs;

inline constexpr uint32_t kDirMode = S_IFDIR | 0555;

// The checks every open of a read-only node makes; 0 or an errno.
inline int read_only_open(const struct _io_connect* msg, bool is_dir) {
  const uint32_t access = msg->ioflag & O_ACCMODE;
  if ((msg->ioflag & O_DIRECTORY) != 0 && !is_dir) return ENOTDIR;
  if ((msg->ioflag & (O_CREAT | O_EXCL)) == (O_CREAT | O_EXCL)) return EEXIST;
  if (access == O_WRONLY || access == O_RDWR) return is_dir ? EISDIR : EROFS;
  return 0;
}

inline int read_only_change(resmgr_context_t*, const struct _io_connect*, const char*, void*) { return EROFS; }
inline int read_only_rename(resmgr_context_t*, const struct _io_connect*, const char*, const char*, void*) {
  return EROFS;
}

// An Ocb (iofunc_ocb_t ocb, iofunc_attr_t attr, const ProcFs* owner first)
// with its attributes set; nullptr without memory.
template <typename Ocb>
Ocb* new_ocb(const ProcFs* owner, uint32_t mode, uint64_t size, uint64_t ino) {
  auto* o = static_cast<Ocb*>(calloc(1, sizeof(Ocb)));
  if (o == nullptr) return nullptr;
  o->owner = owner;
  qrv::libc::iofunc_attr_init(&o->attr, mode);
  o->attr.size = size;
  o->attr.ino = ino;
  o->attr.count = 1;
  o->ocb.attr = &o->attr;
  return o;
}

inline void free_ocb(resmgr_context_t*, iofunc_ocb_t* ocb) { free(ocb); }

inline unsigned char* records_buffer(size_t* size) {
  alignas(8) static unsigned char records[2048];
  *size = sizeof records;
  return records;
}

// Replies with the directory records from entry ocb->offset on, produced by
// next(index, name, cap, &ino) while it finds names.
template <typename Next>
int read_dir(resmgr_context_t* ctp, const struct _io_read* msg, iofunc_ocb_t* ocb, Next&& next) {
  size_t size = 0;
  unsigned char* records = records_buffer(&size);
  const size_t cap = msg->nbytes < size ? static_cast<size_t>(msg->nbytes) : size;
  size_t used = 0;
  char name[kNameMax + 1];
  uint64_t ino = 0;
  while (next(static_cast<uint32_t>(ocb->offset), name, sizeof name, &ino)) {
    if (!qrv::libc::resmgr_dirent_add(records, cap, &used, ino, name)) {
      if (used == 0) return EINVAL;  // not even one record fits
      break;
    }
    ocb->offset++;
  }
  ctp->iov[0] = iov_t{records, used};
  ctp->status = static_cast<long>(used);
  return _RESMGR_NPARTS(1);
}

}  // namespace taskman
