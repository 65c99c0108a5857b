// CPIO "newc" (SVR4, magic 070701) and "crc" (070702) archive reader over an
// untrusted buffer: the boot image. Cpio::open walks every header once, up to
// TRAILER!!!, and every later read checks its bounds again, so no input,
// however corrupt, makes the reader touch a byte outside [data, data + size).
#pragma once

#include <cstddef>
#include <cstdint>

enum class CpioStatus : uint8_t {
  kOk,
  kMisaligned,         // the archive does not start on a 4-byte boundary
  kTruncatedHeader,    // fewer than 110 bytes where a header must be
  kBadMagic,           // not 070701 or 070702
  kBadHeaderField,     // a header field is not 8 hex digits
  kBadNameSize,        // namesize 0 or 1 (no name at all)
  kNameTooLong,        // longer than kCpioMaxNameLength
  kTruncatedName,      // the name or its padding runs past the end
  kNameNotTerminated,  // the name's last byte is not NUL, or it holds a NUL
  kTruncatedBody,      // the file data or its padding runs past the end
  kBadPadding,         // a padding byte is not zero
  kBadChecksum,        // a 070702 entry whose data does not sum to its check
  kTooManyEntries,     // more than kCpioMaxEntries before the trailer
  kNoTrailer,          // the archive ends on an entry boundary, no TRAILER!!!
  kNotFound,           // no such entry (find), or no more entries (next)
  kCount,
};

// A static name for every status ("bad magic", ...); "unknown status" otherwise.
const char* cpio_status_name(CpioStatus s);

// Names longer than this (without the NUL) are refused, like PATH_MAX-ish
// limits elsewhere: a boot image name is a short path.
inline constexpr uint32_t kCpioMaxNameLength = 255;
// Entries before the trailer; more is taken as a corrupt or hostile archive.
inline constexpr uint32_t kCpioMaxEntries = 4096;
inline constexpr size_t kCpioHeaderSize = 110;

// st_mode type bits (the same values as <sys/stat.h>).
inline constexpr uint32_t kCpioTypeMask = 0170000;
inline constexpr uint32_t kCpioTypeDirectory = 0040000;
inline constexpr uint32_t kCpioTypeRegular = 0100000;
inline constexpr uint32_t kCpioTypeSymlink = 0120000;

// An error or a value (the same shape as FdtOr).
template <typename T>
struct CpioOr {
  CpioStatus status = CpioStatus::kOk;
  T value{};

  bool ok() const { return status == CpioStatus::kOk; }
};

// One archive member. name and data point into the archive.
struct CpioEntry {
  const char* name = "";  // as stored ("./bin/x" stays so); NUL at name[name_len]
  uint32_t name_len = 0;  // without the NUL
  uint32_t mode = 0;      // st_mode: type bits and permissions
  uint32_t ino = 0;
  uint32_t mtime = 0;
  uint32_t size = 0;  // bytes of data
  const uint8_t* data = nullptr;
  size_t offset = 0;  // of its header, from the archive start
  size_t next = 0;    // of the following header

  bool is_directory() const { return (mode & kCpioTypeMask) == kCpioTypeDirectory; }
  bool is_regular() const { return (mode & kCpioTypeMask) == kCpioTypeRegular; }
  bool is_symlink() const { return (mode & kCpioTypeMask) == kCpioTypeSymlink; }
  uint32_t permissions() const { return mode & 07777; }
};

class Cpio {
 public:
  // Validates the archive (at most `size` readable bytes at `data`) from its
  // first header to its trailer. Bytes after the trailer (block padding) are
  // never read.
  static CpioOr<Cpio> open(const void* data, size_t size);

  // Entries before the trailer.
  uint32_t entry_count() const { return entry_count_; }
  // Bytes from the start up to the end of the trailer's name.
  size_t used_size() const { return used_size_; }

  // Iteration in archive order. kNotFound means the trailer was reached.
  CpioOr<CpioEntry> first() const;
  CpioOr<CpioEntry> next(const CpioEntry& entry) const;

  // The first entry whose name, with leading "/" and "./" removed, equals
  // `name` with the same removed ("bin/x", "/bin/x" and "./bin/x" match).
  CpioOr<CpioEntry> find(const char* name, size_t len) const;
  CpioOr<CpioEntry> find(const char* name) const;

  // Every entry in order: visit(const CpioEntry&) returns false to stop.
  template <typename Visit>
  CpioStatus for_each(Visit&& visit) const;

  // `name` without its leading "/" and "./" (in place: a suffix of it).
  static void normalize(const char** name, size_t* len);

 private:
  struct Parsed {
    CpioStatus status = CpioStatus::kOk;
    bool trailer = false;
    CpioEntry entry;
  };
  Parsed parse_at(size_t offset) const;

  const uint8_t* data_ = nullptr;
  size_t size_ = 0;
  size_t used_size_ = 0;
  uint32_t entry_count_ = 0;
};

template <typename Visit>
CpioStatus Cpio::for_each(Visit&& visit) const {
  CpioOr<CpioEntry> e = first();
  while (e.ok()) {
    if (!visit(static_cast<const CpioEntry&>(e.value))) {
      return CpioStatus::kOk;
    }
    e = next(e.value);
  }
  return e.status == CpioStatus::kNotFound ? CpioStatus::kOk : e.status;
}
