// Directories: opendir and readdir over an fd whose _IO_READ answers whole
// sys/iomsg.h _io_dirent records. A record the server gets wrong is EIO,
// never a read past the buffer.
#include "libc/src/common/entrypoint.h"
#include "libc/src/common/errno.h"
#include "libc/src/malloc/malloc_api.h"
#include "libc/src/neutrino/io_link.h"
#include "libc/src/posix/posix_api.h"
#include "libc/src/string/string_api.h"

struct __qrv_dir {
  int fd;
  size_t pos;  // the next record in buf
  size_t len;  // bytes of records in buf
  qrv::libc::Dirent entry;
  alignas(8) unsigned char buf[2048];
};

namespace qrv::libc {
namespace {
constexpr int kODirectory = 0200000;
}  // namespace

QRV_LIBC_FN(Dir*, fdopendir, (int fd)) {
  Stat st;
  if (fstat(fd, &st) != 0) return nullptr;
  if ((st.st_mode & 0170000) != 0040000) {
    set_errno(QRV_ENOTDIR);
    return nullptr;
  }
  auto* d = static_cast<Dir*>(malloc(sizeof(Dir)));
  if (d == nullptr) {
    set_errno(QRV_ENOMEM);
    return nullptr;
  }
  d->fd = fd;
  d->pos = d->len = 0;
  return d;
}

QRV_LIBC_FN(Dir*, opendir, (const char* path)) {
  const long fd = io_open(path, kODirectory | 02000000, 0);  // O_RDONLY | O_DIRECTORY | O_CLOEXEC
  if (fd < 0) {
    set_errno(static_cast<int>(-fd));
    return nullptr;
  }
  Dir* d = fdopendir(static_cast<int>(fd));
  if (d == nullptr) {
    const int e = get_errno();
    (void)io_close(static_cast<int>(fd));
    set_errno(e);
  }
  return d;
}

QRV_LIBC_FN(Dirent*, readdir, (Dir * d)) {
  if (d->pos >= d->len) {
    const long r = io_read(d->fd, d->buf, sizeof d->buf);
    if (r <= 0) {
      if (r < 0) set_errno(static_cast<int>(-r));
      return nullptr;  // the end (errno unchanged), or an error
    }
    d->len = static_cast<size_t>(r) < sizeof d->buf ? static_cast<size_t>(r) : sizeof d->buf;
    d->pos = 0;
  }
  struct _io_dirent rec;
  const size_t left = d->len - d->pos;
  if (left < sizeof rec) return set_errno(QRV_EIO), nullptr;
  memcpy(&rec, d->buf + d->pos, sizeof rec);
  const char* name = reinterpret_cast<const char*>(d->buf + d->pos + sizeof rec);
  if (rec.reclen > left || rec.reclen % 8 != 0 || rec.namelen > 255 || sizeof rec + rec.namelen + 1u > rec.reclen ||
      name[rec.namelen] != '\0') {
    d->pos = d->len;
    set_errno(QRV_EIO);
    return nullptr;
  }
  d->entry.d_ino = rec.ino;
  d->entry.d_reclen = static_cast<uint16_t>(sizeof d->entry);
  d->entry.d_namlen = rec.namelen;
  memcpy(d->entry.d_name, name, rec.namelen + 1u);
  d->pos += rec.reclen;
  return &d->entry;
}

QRV_LIBC_FN(void, rewinddir, (Dir * d)) {
  (void)io_lseek(d->fd, 0, 0);
  d->pos = d->len = 0;
}

QRV_LIBC_FN(int, dirfd, (Dir * d)) { return d->fd; }

QRV_LIBC_FN(int, closedir, (Dir * d)) {
  const long r = io_close(d->fd);
  free(d);
  return static_cast<int>(from_kernel_result(r));
}

}  // namespace qrv::libc
