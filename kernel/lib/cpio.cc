// CPIO newc validation, header by header, with overflow-safe range checks.
// Header layout (cpio(5), "New ASCII Format"): a 6-byte magic, then 13 fields
// of 8 hex digits; the name follows and is padded so that header + name ends
// on a 4-byte boundary, and so is the data.
#include "kernel/lib/cpio.h"

namespace {
constexpr char kMagicNewc[] = "070701";
constexpr char kMagicCrc[] = "070702";
constexpr char kTrailer[] = "TRAILER!!!";
constexpr size_t kMagicSize = 6;
constexpr size_t kFieldSize = 8;

// Field indexes after the magic.
enum Field : uint32_t {
  kIno,
  kMode,
  kUid,
  kGid,
  kNlink,
  kMtime,
  kFileSize,
  kDevMajor,
  kDevMinor,
  kRdevMajor,
  kRdevMinor,
  kNameSize,
  kCheck,
  kFieldCount,
};
static_assert(kMagicSize + kFieldCount * kFieldSize == kCpioHeaderSize);

// [off, off + len) inside [0, size) without overflow.
bool in_bounds(size_t off, size_t len, size_t size) { return off <= size && len <= size - off; }

size_t align4(size_t v) { return (v + 3) & ~size_t{3}; }

bool bytes_equal(const uint8_t* a, const char* b, size_t n) {
  for (size_t i = 0; i < n; ++i) {
    if (a[i] != static_cast<uint8_t>(b[i])) return false;
  }
  return true;
}

bool all_zero(const uint8_t* p, size_t n) {
  for (size_t i = 0; i < n; ++i) {
    if (p[i] != 0) return false;
  }
  return true;
}

// Eight hex digits (either case), or false.
bool parse_hex8(const uint8_t* p, uint32_t* out) {
  uint32_t v = 0;
  for (size_t i = 0; i < kFieldSize; ++i) {
    const uint8_t c = p[i];
    uint32_t d;
    if (c >= '0' && c <= '9') {
      d = static_cast<uint32_t>(c - '0');
    } else if (c >= 'a' && c <= 'f') {
      d = static_cast<uint32_t>(c - 'a' + 10);
    } else if (c >= 'A' && c <= 'F') {
      d = static_cast<uint32_t>(c - 'A' + 10);
    } else {
      return false;
    }
    v = (v << 4) | d;
  }
  *out = v;
  return true;
}

size_t c_strlen(const char* s) {
  size_t n = 0;
  while (s[n] != '\0') ++n;
  return n;
}
}  // namespace

const char* cpio_status_name(CpioStatus s) {
  switch (s) {
    case CpioStatus::kOk: return "ok";
    case CpioStatus::kMisaligned: return "archive not 4-byte aligned";
    case CpioStatus::kTruncatedHeader: return "truncated header";
    case CpioStatus::kBadMagic: return "bad magic (not newc 070701/070702)";
    case CpioStatus::kBadHeaderField: return "header field not 8 hex digits";
    case CpioStatus::kBadNameSize: return "bad name size";
    case CpioStatus::kNameTooLong: return "name too long";
    case CpioStatus::kTruncatedName: return "truncated name";
    case CpioStatus::kNameNotTerminated: return "name not NUL-terminated";
    case CpioStatus::kTruncatedBody: return "truncated file data";
    case CpioStatus::kBadPadding: return "nonzero padding";
    case CpioStatus::kBadChecksum: return "bad checksum";
    case CpioStatus::kTooManyEntries: return "too many entries";
    case CpioStatus::kNoTrailer: return "no trailer";
    case CpioStatus::kNotFound: return "not found";
    case CpioStatus::kCount: break;
  }
  return "unknown status";
}

void Cpio::normalize(const char** name, size_t* len) {
  const char* p = *name;
  size_t n = *len;
  for (;;) {
    if (n >= 1 && p[0] == '/') {
      p += 1;
      n -= 1;
    } else if (n >= 2 && p[0] == '.' && p[1] == '/') {
      p += 2;
      n -= 2;
    } else if (n == 1 && p[0] == '.') {  // "." is the root itself
      p += 1;
      n = 0;
    } else {
      break;
    }
  }
  *name = p;
  *len = n;
}

Cpio::Parsed Cpio::parse_at(size_t off) const {
  Parsed r;
  if (off == size_) {
    r.status = CpioStatus::kNoTrailer;
    return r;
  }
  if (!in_bounds(off, kCpioHeaderSize, size_)) {
    r.status = CpioStatus::kTruncatedHeader;
    return r;
  }
  const uint8_t* h = data_ + off;
  const bool crc = bytes_equal(h, kMagicCrc, kMagicSize);
  if (!crc && !bytes_equal(h, kMagicNewc, kMagicSize)) {
    r.status = CpioStatus::kBadMagic;
    return r;
  }
  uint32_t f[kFieldCount];
  for (uint32_t i = 0; i < kFieldCount; ++i) {
    if (!parse_hex8(h + kMagicSize + i * kFieldSize, &f[i])) {
      r.status = CpioStatus::kBadHeaderField;
      return r;
    }
  }
  const uint32_t namesize = f[kNameSize];
  if (namesize < 2) {
    r.status = CpioStatus::kBadNameSize;
    return r;
  }
  if (namesize - 1 > kCpioMaxNameLength) {
    r.status = CpioStatus::kNameTooLong;
    return r;
  }
  const size_t name_off = off + kCpioHeaderSize;
  if (!in_bounds(name_off, namesize, size_)) {
    r.status = CpioStatus::kTruncatedName;
    return r;
  }
  const uint8_t* name = data_ + name_off;
  if (name[namesize - 1] != 0) {
    r.status = CpioStatus::kNameNotTerminated;
    return r;
  }
  for (uint32_t i = 0; i + 1 < namesize; ++i) {
    if (name[i] == 0) {
      r.status = CpioStatus::kNameNotTerminated;
      return r;
    }
  }
  const size_t name_end = name_off + namesize;
  CpioEntry& e = r.entry;
  e.name = reinterpret_cast<const char*>(name);
  e.name_len = namesize - 1;
  e.mode = f[kMode];
  e.ino = f[kIno];
  e.mtime = f[kMtime];
  e.offset = off;
  if (namesize == sizeof(kTrailer) && bytes_equal(name, kTrailer, sizeof(kTrailer))) {
    // The end. Its padding is not required: some writers stop right here.
    r.trailer = true;
    e.data = name + namesize;
    e.next = name_end;
    return r;
  }

  const size_t data_off = align4(name_end);
  if (!in_bounds(name_end, data_off - name_end, size_)) {
    r.status = CpioStatus::kTruncatedName;
    return r;
  }
  if (!all_zero(data_ + name_end, data_off - name_end)) {
    r.status = CpioStatus::kBadPadding;
    return r;
  }
  const uint32_t filesize = f[kFileSize];
  const size_t next = align4(data_off + filesize);
  if (!in_bounds(data_off, next - data_off, size_)) {
    r.status = CpioStatus::kTruncatedBody;
    return r;
  }
  if (!all_zero(data_ + data_off + filesize, next - data_off - filesize)) {
    r.status = CpioStatus::kBadPadding;
    return r;
  }
  e.size = filesize;
  e.data = data_ + data_off;
  e.next = next;
  if (crc) {
    // The "crc" format's check is the 32-bit sum of the data bytes.
    uint32_t sum = 0;
    for (uint32_t i = 0; i < filesize; ++i) sum += e.data[i];
    if (sum != f[kCheck]) {
      r.status = CpioStatus::kBadChecksum;
      return r;
    }
  }
  return r;
}

CpioOr<Cpio> Cpio::open(const void* data, size_t size) {
  CpioOr<Cpio> r;
  if ((reinterpret_cast<uintptr_t>(data) & 3) != 0) {
    r.status = CpioStatus::kMisaligned;
    return r;
  }
  Cpio& c = r.value;
  c.data_ = static_cast<const uint8_t*>(data);
  c.size_ = size;
  size_t off = 0;
  uint32_t count = 0;
  for (;;) {
    Parsed p = c.parse_at(off);
    if (p.status != CpioStatus::kOk) {
      r.status = p.status;
      return r;
    }
    if (p.trailer) {
      c.used_size_ = p.entry.next;
      break;
    }
    if (count == kCpioMaxEntries) {
      r.status = CpioStatus::kTooManyEntries;
      return r;
    }
    ++count;
    off = p.entry.next;
  }
  c.entry_count_ = count;
  return r;
}

CpioOr<CpioEntry> Cpio::first() const {
  CpioEntry start;
  start.next = 0;
  return next(start);
}

CpioOr<CpioEntry> Cpio::next(const CpioEntry& entry) const {
  CpioOr<CpioEntry> r;
  if (data_ == nullptr) {
    r.status = CpioStatus::kNotFound;
    return r;
  }
  Parsed p = parse_at(entry.next);
  if (p.status != CpioStatus::kOk) {
    r.status = p.status;
  } else if (p.trailer) {
    r.status = CpioStatus::kNotFound;
  } else {
    r.value = p.entry;
  }
  return r;
}

CpioOr<CpioEntry> Cpio::find(const char* name, size_t len) const {
  normalize(&name, &len);
  CpioOr<CpioEntry> found;
  found.status = CpioStatus::kNotFound;
  const CpioStatus st = for_each([&](const CpioEntry& e) {
    const char* n = e.name;
    size_t nl = e.name_len;
    normalize(&n, &nl);
    if (nl == len && bytes_equal(reinterpret_cast<const uint8_t*>(n), name, len)) {
      found.status = CpioStatus::kOk;
      found.value = e;
      return false;
    }
    return true;
  });
  if (st != CpioStatus::kOk) {
    found.status = st;
  }
  return found;
}

CpioOr<CpioEntry> Cpio::find(const char* name) const { return find(name, c_strlen(name)); }
