// Buffered reading and writing of a stream (the *_locked core) and the
// character and block functions over it. A stream is either writing (buf_
// holds output) or reading (buf_ holds input); switching flushes or drops.
#include "kernel/abi/errno.h"
#include "libc/src/common/entrypoint.h"
#include "libc/src/common/errno.h"
#include "libc/src/malloc/malloc_api.h"
#include "libc/src/stdio/file.h"
#include "libc/src/stdio/stdio_api.h"
#include "libc/src/string/string_api.h"

namespace qrv::libc {
namespace {

constexpr int kSeekCur = 1;

void fail(File* f, int error) {
  f->flags_ |= kError;
  set_errno(error);
}

// Gives f a buffer on first use; a stream that cannot get one is unbuffered.
void ensure_buffer(File* f) {
  if (f->buf_ != nullptr) return;
  if (f->mode_ != kUnbuffered) {
    f->buf_ = static_cast<unsigned char*>(malloc(kBufferSize));
    if (f->buf_ != nullptr) {
      f->buf_size_ = kBufferSize;
      f->flags_ |= kOwnsBuffer;
      return;
    }
    f->mode_ = kUnbuffered;
  }
  f->buf_ = &f->one_byte_;
  f->buf_size_ = 1;
}

// Writes all n bytes through the stream's ops; false (error set) on failure.
bool write_out(File* f, const unsigned char* p, size_t n) {
  while (n > 0) {
    const long r = f->ops_->write(f->cookie_, p, n);
    if (r <= 0) {
      fail(f, r < 0 ? static_cast<int>(-r) : QRV_EIO);
      return false;
    }
    p += r;
    n -= static_cast<size_t>(r);
  }
  return true;
}

// Drops unread input, moving the file position back over it when possible.
void drop_input(File* f) {
  const size_t unread = (f->len_ - f->pos_) + (f->ungot_ >= 0 ? 1 : 0);
  if (unread > 0 && f->ops_->seek != nullptr) {
    f->ops_->seek(f->cookie_, -static_cast<int64_t>(unread), kSeekCur);
  }
  f->pos_ = f->len_ = 0;
  f->ungot_ = -1;
}

bool to_writing(File* f) {
  if ((f->flags_ & kCanWrite) == 0) {
    fail(f, QRV_EBADF);
    return false;
  }
  ensure_buffer(f);
  if ((f->flags_ & kWriting) == 0) {
    drop_input(f);
    f->flags_ |= kWriting;
  }
  return true;
}

bool to_reading(File* f) {
  if ((f->flags_ & kCanRead) == 0) {
    fail(f, QRV_EBADF);
    return false;
  }
  ensure_buffer(f);
  if ((f->flags_ & kWriting) != 0) {
    if (flush_locked(f) != 0) return false;
    f->flags_ &= ~kWriting;
    f->pos_ = f->len_ = 0;
  }
  return true;
}

}  // namespace

int flush_locked(File* f) {
  if ((f->flags_ & kWriting) != 0 && f->pos_ > 0) {
    const size_t n = f->pos_;
    f->pos_ = 0;
    if (!write_out(f, f->buf_, n)) return -1;
  } else if ((f->flags_ & kWriting) == 0 && (f->len_ > f->pos_ || f->ungot_ >= 0)) {
    drop_input(f);
  }
  return 0;
}

size_t write_locked(File* f, const void* data, size_t n) {
  if (n == 0 || !to_writing(f)) return 0;
  const auto* p = static_cast<const unsigned char*>(data);
  if (f->mode_ == kUnbuffered || (f->pos_ == 0 && n >= f->buf_size_)) {
    if (flush_locked(f) != 0) return 0;
    return write_out(f, p, n) ? n : 0;
  }
  size_t done = 0;
  while (done < n) {
    size_t chunk = f->buf_size_ - f->pos_;
    if (chunk > n - done) chunk = n - done;
    memcpy(f->buf_ + f->pos_, p + done, chunk);
    f->pos_ += chunk;
    if (f->pos_ == f->buf_size_ && flush_locked(f) != 0) return done;
    done += chunk;
  }
  if (f->mode_ == kLineBuffered && memchr(p, '\n', n) != nullptr && flush_locked(f) != 0) return 0;
  return n;
}

size_t read_locked(File* f, void* data, size_t n) {
  if (n == 0 || !to_reading(f)) return 0;
  auto* p = static_cast<unsigned char*>(data);
  size_t done = 0;
  if (f->ungot_ >= 0) {
    p[done++] = static_cast<unsigned char>(f->ungot_);
    f->ungot_ = -1;
  }
  while (done < n) {
    if (f->pos_ < f->len_) {
      size_t chunk = f->len_ - f->pos_;
      if (chunk > n - done) chunk = n - done;
      memcpy(p + done, f->buf_ + f->pos_, chunk);
      f->pos_ += chunk;
      done += chunk;
      continue;
    }
    // Large reads bypass the buffer; small ones refill it.
    const bool direct = n - done >= f->buf_size_;
    const long r = direct ? f->ops_->read(f->cookie_, p + done, n - done)
                          : f->ops_->read(f->cookie_, f->buf_, f->buf_size_);
    if (r == 0) {
      f->flags_ |= kAtEof;
      break;
    }
    if (r < 0) {
      fail(f, static_cast<int>(-r));
      break;
    }
    if (direct) {
      done += static_cast<size_t>(r);
    } else {
      f->pos_ = 0;
      f->len_ = static_cast<size_t>(r);
    }
  }
  return done;
}

int getc_locked(File* f) {
  if ((f->flags_ & kWriting) == 0 && f->ungot_ < 0 && f->pos_ < f->len_) return f->buf_[f->pos_++];
  unsigned char c;
  return read_locked(f, &c, 1) == 1 ? c : kEof;
}

QRV_LIBC_FN(size_t, fread, (void* __restrict data, size_t size, size_t count, File* __restrict f)) {
  size_t total;
  if (size == 0 || count == 0) return 0;
  if (__builtin_mul_overflow(size, count, &total)) {
    set_errno(QRV_EOVERFLOW);
    return 0;
  }
  FileLock lock(f);
  return read_locked(f, data, total) / size;
}

QRV_LIBC_FN(size_t, fwrite, (const void* __restrict data, size_t size, size_t count, File* __restrict f)) {
  size_t total;
  if (size == 0 || count == 0) return 0;
  if (__builtin_mul_overflow(size, count, &total)) {
    set_errno(QRV_EOVERFLOW);
    return 0;
  }
  FileLock lock(f);
  return write_locked(f, data, total) / size;
}

QRV_LIBC_FN(int, fgetc, (File * f)) {
  FileLock lock(f);
  return getc_locked(f);
}

QRV_LIBC_FN(int, getc, (File * f)) { return fgetc(f); }
QRV_LIBC_FN(int, getchar, ()) { return fgetc(stdin); }

QRV_LIBC_FN(char*, fgets, (char* __restrict s, int n, File* __restrict f)) {
  if (n <= 0) {
    set_errno(QRV_EINVAL);
    return nullptr;
  }
  FileLock lock(f);
  int i = 0;
  while (i < n - 1) {
    const int c = getc_locked(f);
    if (c == kEof) {
      if (i == 0 || (f->flags_ & kError) != 0) return nullptr;
      break;
    }
    s[i++] = static_cast<char>(c);
    if (c == '\n') break;
  }
  s[i] = '\0';
  return s;
}

int ungetc_locked(int c, File* f) {
  if (c == kEof) return kEof;
  if (!to_reading(f) || f->ungot_ >= 0) return kEof;
  // Put it back into the buffer when it fits there, else in the one-byte slot.
  if (f->pos_ > 0) {
    f->buf_[--f->pos_] = static_cast<unsigned char>(c);
  } else {
    f->ungot_ = static_cast<unsigned char>(c);
  }
  f->flags_ &= ~kAtEof;
  return static_cast<unsigned char>(c);
}

QRV_LIBC_FN(int, ungetc, (int c, File* f)) {
  if (c == kEof) return kEof;
  FileLock lock(f);
  return ungetc_locked(c, f);
}

QRV_LIBC_FN(int, fputc, (int c, File* f)) {
  const auto byte = static_cast<unsigned char>(c);
  FileLock lock(f);
  return write_locked(f, &byte, 1) == 1 ? byte : kEof;
}

QRV_LIBC_FN(int, putc, (int c, File* f)) { return fputc(c, f); }
QRV_LIBC_FN(int, putchar, (int c)) { return fputc(c, stdout); }

QRV_LIBC_FN(int, fputs, (const char* __restrict s, File* __restrict f)) {
  const size_t n = strlen(s);
  FileLock lock(f);
  if (n == 0) return (f->flags_ & kCanWrite) != 0 ? 0 : kEof;
  return write_locked(f, s, n) == n ? 0 : kEof;
}

QRV_LIBC_FN(int, puts, (const char* s)) {
  const size_t n = strlen(s);
  FileLock lock(stdout);
  if (n > 0 && write_locked(stdout, s, n) != n) return kEof;
  return write_locked(stdout, "\n", 1) == 1 ? 0 : kEof;
}

QRV_LIBC_FN(int, feof, (File * f)) {
  FileLock lock(f);
  return (f->flags_ & kAtEof) != 0;
}

QRV_LIBC_FN(int, ferror, (File * f)) {
  FileLock lock(f);
  return (f->flags_ & kError) != 0;
}

QRV_LIBC_FN(void, clearerr, (File * f)) {
  FileLock lock(f);
  f->flags_ &= ~(kAtEof | kError);
}

QRV_LIBC_FN(int, fileno, (File * f)) {
  FileLock lock(f);
  if (f->fd_ < 0) set_errno(QRV_EBADF);
  return f->fd_;
}

QRV_LIBC_FN(int, fflush, (File * f)) {
  if (f == nullptr) return flush_all_streams();
  FileLock lock(f);
  return flush_locked(f) == 0 ? 0 : kEof;
}

QRV_LIBC_FN(int, setvbuf, (File* __restrict f, char* __restrict buf, int mode, size_t size)) {
  if (mode != kFullBuffered && mode != kLineBuffered && mode != kUnbuffered) {
    set_errno(QRV_EINVAL);
    return kEof;
  }
  FileLock lock(f);
  if (flush_locked(f) != 0) return kEof;
  if ((f->flags_ & kOwnsBuffer) != 0) free(f->buf_);
  f->flags_ &= ~kOwnsBuffer;
  f->buf_ = nullptr;
  f->buf_size_ = 0;
  f->pos_ = f->len_ = 0;
  f->mode_ = mode;
  if (mode != kUnbuffered && buf != nullptr && size > 0) {
    f->buf_ = reinterpret_cast<unsigned char*>(buf);
    f->buf_size_ = size;
  }
  return 0;
}

QRV_LIBC_FN(void, setbuf, (File* __restrict f, char* __restrict buf)) {
  setvbuf(f, buf, buf != nullptr ? kFullBuffered : kUnbuffered, kBufferSize);
}

}  // namespace qrv::libc
