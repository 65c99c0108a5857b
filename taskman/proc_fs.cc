// /proc/boot and the made-up directories (see proc_fs.h).
#include "taskman/proc_fs.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "taskman/proc_node.h"
#include "taskman/proc_table.h"

namespace taskman {
namespace {

// An open file or directory of /proc/boot: its attributes live in the OCB
// (the image has no other place for them).
struct BootOcb {
  iofunc_ocb_t ocb;
  iofunc_attr_t attr;
  const ProcFs* owner;
  CpioEntry entry;
  bool dir;
};

// An open made-up directory: which one.
struct DirOcb {
  iofunc_ocb_t ocb;
  iofunc_attr_t attr;
  const ProcFs* owner;
  char path[kPathMax];
};

ProcFs* fs_of(void* handle) { return static_cast<ProcFs*>(handle); }

int boot_open(resmgr_context_t*, const struct _io_connect* msg, const char* path, void* handle, iofunc_ocb_t** ocb) {
  const ImageFs* fs = fs_of(handle)->fs();
  if (path[0] == '\0') {
    if (const int e = read_only_open(msg, true); e != 0) return e;
    BootOcb* o = new_ocb<BootOcb>(fs_of(handle), kDirMode, 0, 1);
    if (o == nullptr) return ENOMEM;
    o->dir = true;
    *ocb = &o->ocb;
    return 0;
  }
  CpioEntry e;
  if (fs->find(path, &e) == nullptr) {
    // "file/more": a file on the way is ENOTDIR, as POSIX has it.
    if (const char* slash = strchr(path, '/'); slash != nullptr) {
      char first[kNameMax + 1];
      const size_t n = static_cast<size_t>(slash - path);
      if (n < sizeof first) {
        memcpy(first, path, n);
        first[n] = '\0';
        if (fs->find(first, &e) != nullptr) return ENOTDIR;
      }
    }
    return (msg->ioflag & O_CREAT) != 0 ? EROFS : ENOENT;
  }
  if (const int err = read_only_open(msg, false); err != 0) return err;
  BootOcb* o = new_ocb<BootOcb>(fs_of(handle), e.mode, e.size, e.ino + 2);  // 1 is the directory
  if (o == nullptr) return ENOMEM;
  o->attr.mtime_ns = o->attr.atime_ns = o->attr.ctime_ns = static_cast<int64_t>(e.mtime) * 1000000000;
  o->entry = e;
  *ocb = &o->ocb;
  return 0;
}

int boot_read(resmgr_context_t* ctp, const struct _io_read* msg, iofunc_ocb_t* ocb) {
  auto* o = reinterpret_cast<BootOcb*>(ocb);
  if (o->dir) {
    const ImageFs* fs = o->owner->fs();
    return read_dir(ctp, msg, ocb, [&](uint32_t index, char* name, size_t cap, uint64_t* ino) {
      // Entries in archive order; the record index is the OCB's offset, so
      // skipped entries (the archive's "." and nested names) still count.
      CpioEntry e;
      const char* n = nullptr;
      for (uint32_t i = index; fs->at(i, &e, &n); ++i) {
        if (n[0] == '\0' || strchr(n, '/') != nullptr || strcmp(n, ".") == 0 || strlen(n) + 1 > cap) {
          ocb->offset++;  // not listed
          continue;
        }
        strcpy(name, n);
        *ino = e.ino + 2;
        return true;
      }
      return false;
    });
  }
  const uint64_t size = o->entry.size;
  const uint64_t at = ocb->offset < size ? ocb->offset : size;
  const uint64_t n = msg->nbytes < size - at ? msg->nbytes : size - at;
  ctp->iov[0] = iov_t{const_cast<uint8_t*>(o->entry.data) + at, n};
  ocb->offset = at + n;
  ctp->status = static_cast<long>(n);
  return _RESMGR_NPARTS(1);
}


int dir_open(resmgr_context_t*, const struct _io_connect* msg, const char* path, void* handle, iofunc_ocb_t** ocb) {
  // path is the whole normalized path (the resolution's rest for these).
  Resolution r;
  if (path[0] != '/' || fs_of(handle)->paths()->resolve(path, &r) != 0 || r.entry != nullptr) return ENOENT;
  if (const int e = read_only_open(msg, true); e != 0) return e;
  DirOcb* o = new_ocb<DirOcb>(fs_of(handle), kDirMode, 0, 0);
  if (o == nullptr) return ENOMEM;
  strcpy(o->path, path);  // resolve() accepted it: shorter than kPathMax
  *ocb = &o->ocb;
  return 0;
}

int dir_read(resmgr_context_t* ctp, const struct _io_read* msg, iofunc_ocb_t* ocb) {
  auto* o = reinterpret_cast<DirOcb*>(ocb);
  return read_dir(ctp, msg, ocb, [&](uint32_t index, char* name, size_t cap, uint64_t* ino) {
    *ino = index + 1;
    return o->owner->paths()->child_name(o->path, index, name, cap);
  });
}

const resmgr_connect_funcs_t kBootConnect = {boot_open, read_only_change, read_only_change, read_only_rename};
const resmgr_io_funcs_t kBootIo = {boot_read, nullptr, nullptr, nullptr, nullptr, free_ocb};
const resmgr_connect_funcs_t kDirConnect = {dir_open, nullptr, nullptr, nullptr};
const resmgr_io_funcs_t kDirIo = {dir_read, nullptr, nullptr, nullptr, nullptr, free_ocb};

}  // namespace

int ProcFs::init(dispatch_t* dpp, const ImageFs* fs, PathTable* paths, const ProcTable* procs, int chid) {
  fs_ = fs;
  paths_ = paths;
  procs_ = procs;
  const int pids = attach_pids(dpp);
  if (pids < 0) return pids;
  if (const int e = paths->attach("/proc", kTaskmanPid, chid, static_cast<uint32_t>(pids), kPathFlagDir); e != 0) {
    return e;
  }
  const int boot = qrv::libc::resmgr_attach(dpp, nullptr, 0, &kBootConnect, &kBootIo, this);
  const int dir = qrv::libc::resmgr_attach(dpp, nullptr, 0, &kDirConnect, &kDirIo, this);
  if (boot < 0 || dir < 0) return -ENOMEM;
  boot_id_ = static_cast<uint32_t>(boot);
  dir_id_ = static_cast<uint32_t>(dir);
  return paths->attach("/proc/boot", kTaskmanPid, chid, boot_id_, kPathFlagDir);
}

}  // namespace taskman
