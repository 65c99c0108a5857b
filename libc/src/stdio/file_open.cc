// Opening, closing and positioning streams, and the list of open streams that
// fflush(NULL) and exit walk. The list has its own lock, taken before any
// stream's lock, never after.
#include "kernel/abi/errno.h"
#include "libc/src/common/entrypoint.h"
#include "libc/src/common/errno.h"
#include "libc/src/malloc/malloc_api.h"
#include "libc/src/posix/posix_api.h"
#include "libc/src/stdio/file.h"
#include "libc/src/stdio/stdio_api.h"

namespace qrv::libc {
namespace {

constexpr int kSeekSet = 0;
constexpr int kSeekCur = 1;
constexpr int kSeekEnd = 2;

// Open flags (fcntl.h values, Linux numbering).
constexpr int kORdOnly = 0;
constexpr int kOWrOnly = 01;
constexpr int kORdWr = 02;
constexpr int kOCreat = 0100;
constexpr int kOExcl = 0200;
constexpr int kOTrunc = 01000;
constexpr int kOAppend = 02000;

Lock g_list_lock;

class ListLock : public LockGuard {
 public:
  ListLock() : LockGuard(g_list_lock) {}
};

// Parses an fopen mode ("r", "w+", "ab", "wx", ...): stream flags and open
// flags; false for anything else.
bool parse_mode(const char* mode, uint32_t* flags, int* oflags) {
  switch (mode[0]) {
    case 'r':
      *flags = kCanRead;
      *oflags = kORdOnly;
      break;
    case 'w':
      *flags = kCanWrite;
      *oflags = kOWrOnly | kOCreat | kOTrunc;
      break;
    case 'a':
      *flags = kCanWrite | kAppend;
      *oflags = kOWrOnly | kOCreat | kOAppend;
      break;
    default:
      return false;
  }
  for (const char* p = mode + 1; *p != '\0'; ++p) {
    if (*p == '+') {
      *flags |= kCanRead | kCanWrite;
      *oflags = (*oflags & ~kOWrOnly) | kORdWr;
    } else if (*p == 'x' && mode[0] == 'w') {
      *oflags |= kOExcl;
    } else if (*p != 'b' && *p != 'e') {
      return false;
    }
  }
  return true;
}

}  // namespace

void register_stream(File* f) {
  ListLock lock;
  f->next_ = g_stream_list;
  g_stream_list = f;
}

void unregister_stream(File* f) {
  ListLock lock;
  for (File** p = &g_stream_list; *p != nullptr; p = &(*p)->next_) {
    if (*p == f) {
      *p = f->next_;
      return;
    }
  }
}

int flush_all_streams() {
  ListLock lock;
  int result = 0;
  for (File* f = g_stream_list; f != nullptr; f = f->next_) {
    FileLock file_lock(f);
    if ((f->flags_ & kWriting) != 0 && flush_locked(f) != 0) result = kEof;
  }
  return result;
}

File* open_stream(const IoOps* ops, void* cookie, uint32_t flags, int fd) {
  auto* f = static_cast<File*>(malloc(sizeof(File)));
  if (f == nullptr) return nullptr;
  *f = File{ops, cookie, nullptr, 0, 0, 0, flags | kOwnsFile, kFullBuffered, -1, fd, {}, 0, nullptr};
  if (cookie == nullptr) f->cookie_ = &f->fd_;
  register_stream(f);
  return f;
}

QRV_LIBC_FN(File*, fdopen, (int fd, const char* mode)) {
  uint32_t flags = 0;
  int oflags = 0;
  if (fd < 0) {
    set_errno(QRV_EBADF);
    return nullptr;
  }
  if (!parse_mode(mode, &flags, &oflags)) {
    set_errno(QRV_EINVAL);
    return nullptr;
  }
  return open_stream(&kFdOps, nullptr, flags, fd);
}

QRV_LIBC_FN(File*, fopen, (const char* __restrict path, const char* __restrict mode)) {
  uint32_t flags = 0;
  int oflags = 0;
  if (!parse_mode(mode, &flags, &oflags)) {
    set_errno(QRV_EINVAL);
    return nullptr;
  }
  const int fd = open(path, oflags, 0666);
  if (fd < 0) return nullptr;
  File* f = open_stream(&kFdOps, nullptr, flags, fd);
  if (f == nullptr) close(fd);
  return f;
}

QRV_LIBC_FN(int, fclose, (File * f)) {
  unregister_stream(f);
  int result;
  {
    FileLock lock(f);
    result = flush_locked(f) == 0 ? 0 : kEof;
    if (f->ops_->close != nullptr) {
      const long r = f->ops_->close(f->cookie_);
      if (r < 0) {
        set_errno(static_cast<int>(-r));
        result = kEof;
      }
    }
    if ((f->flags_ & kOwnsBuffer) != 0) free(f->buf_);
    f->buf_ = nullptr;
    f->flags_ &= ~(kOwnsBuffer | kCanRead | kCanWrite);
  }
  if ((f->flags_ & kOwnsFile) != 0) free(f);
  return result;
}

QRV_LIBC_FN(int, fseek, (File * f, long offset, int whence)) {
  if (whence != kSeekSet && whence != kSeekCur && whence != kSeekEnd) {
    set_errno(QRV_EINVAL);
    return -1;
  }
  FileLock lock(f);
  if (f->ops_->seek == nullptr) {
    set_errno(QRV_ESPIPE);
    return -1;
  }
  if ((f->flags_ & kWriting) != 0) {
    if (flush_locked(f) != 0) return -1;
  } else if (whence == kSeekCur) {
    offset -= static_cast<long>(f->len_ - f->pos_) + (f->ungot_ >= 0 ? 1 : 0);
  }
  const long r = f->ops_->seek(f->cookie_, offset, whence);
  if (r < 0) {
    set_errno(static_cast<int>(-r));
    return -1;
  }
  f->pos_ = f->len_ = 0;
  f->ungot_ = -1;
  f->flags_ &= ~(kAtEof | kWriting);
  return 0;
}

QRV_LIBC_FN(long, ftell, (File * f)) {
  FileLock lock(f);
  if (f->ops_->seek == nullptr) {
    set_errno(QRV_ESPIPE);
    return -1;
  }
  const long r = f->ops_->seek(f->cookie_, 0, kSeekCur);
  if (r < 0) {
    set_errno(static_cast<int>(-r));
    return -1;
  }
  if ((f->flags_ & kWriting) != 0) return r + static_cast<long>(f->pos_);
  return r - static_cast<long>(f->len_ - f->pos_) - (f->ungot_ >= 0 ? 1 : 0);
}

QRV_LIBC_FN(void, rewind, (File * f)) {
  fseek(f, 0, kSeekSet);
  FileLock lock(f);
  f->flags_ &= ~kError;
}

}  // namespace qrv::libc
