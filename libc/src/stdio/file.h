// The FILE object (struct __qrv_file; C code sees it only as opaque FILE):
// a buffer over four I/O operations, so the same code serves file
// descriptors (fd_ops) and test or memory streams. Every field is guarded by
// lock_, except next_ (guarded by the open-file list lock in file_list.cc).
#pragma once

#include <stddef.h>
#include <stdint.h>

#include "libc/src/neutrino/lock.h"

namespace qrv::libc {

// Each returns bytes / new offset / 0, or -errno.
struct IoOps {
  long (*read)(void* cookie, void* buf, size_t n);
  long (*write)(void* cookie, const void* buf, size_t n);
  long (*seek)(void* cookie, int64_t offset, int whence);
  long (*close)(void* cookie);
};

// File::flags_ bits.
inline constexpr uint32_t kCanRead = 1;
inline constexpr uint32_t kCanWrite = 2;
inline constexpr uint32_t kAppend = 4;
inline constexpr uint32_t kAtEof = 8;
inline constexpr uint32_t kError = 16;
inline constexpr uint32_t kOwnsBuffer = 32;  // buf_ came from malloc and is freed by fclose
inline constexpr uint32_t kOwnsFile = 64;    // the FILE came from malloc and is freed by fclose
inline constexpr uint32_t kWriting = 128;    // buf_ holds unwritten output (else: unread input, or nothing)

// Buffering modes, as _IOFBF, _IOLBF, _IONBF.
inline constexpr int kFullBuffered = 0;
inline constexpr int kLineBuffered = 1;
inline constexpr int kUnbuffered = 2;

}  // namespace qrv::libc

struct __qrv_file {
  const qrv::libc::IoOps* ops_;
  void* cookie_;
  unsigned char* buf_;
  size_t buf_size_;
  size_t pos_;  // next byte to read or write in buf_
  size_t len_;  // reading: bytes valid in buf_
  uint32_t flags_;
  int32_t mode_;    // kFullBuffered, kLineBuffered, kUnbuffered
  int32_t ungot_;   // a byte pushed back by ungetc, or -1
  int32_t fd_;      // fileno, or -1
  qrv::libc::Lock lock_;
  unsigned char one_byte_;  // the buffer of an unbuffered stream
  __qrv_file* next_;
};

namespace qrv::libc {

using File = ::__qrv_file;

class FileLock : public LockGuard {
 public:
  explicit FileLock(File* f) : LockGuard(f->lock_) {}
};

// The core operations with the lock held (file_core.cc).
size_t write_locked(File* f, const void* data, size_t n);
size_t read_locked(File* f, void* data, size_t n);
int flush_locked(File* f);  // 0, or -1 with errno and the error flag
int getc_locked(File* f);
int ungetc_locked(int c, File* f);  // ungetc: one byte back, or EOF when it cannot

// Streams over file descriptors (std_streams.cc): the cookie points at fd_.
extern const IoOps kFdOps;

// A new stream over ops/cookie (nullptr: &fd_, for kFdOps) with flags
// kCanRead/kCanWrite/kAppend, malloc'd and on the open-file list; nullptr
// (errno ENOMEM) when memory runs out.
File* open_stream(const IoOps* ops, void* cookie, uint32_t flags, int fd);

// The open-stream list (head defined in std_streams.cc, starting with the
// three standard streams; guarded by the list lock in file_open.cc).
extern File* g_stream_list;

// Every open stream, for fflush(NULL) and exit (file_open.cc).
void register_stream(File* f);
void unregister_stream(File* f);
int flush_all_streams();

}  // namespace qrv::libc
