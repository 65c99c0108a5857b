// Test-only CPIO newc writer: well-formed archives member by member, and the
// means to break them (patch a header field as raw text, skip the NUL or the
// padding). Archives come back exactly sized: a read past the end is an ASan error.
#pragma once

#include <cstdint>
#include <cstdio>
#include <string>
#include <vector>

namespace cpio_test {

// Byte offsets of the header fields (cpio(5), New ASCII Format).
inline constexpr size_t kOffMagic = 0;
inline constexpr size_t kOffIno = 6;
inline constexpr size_t kOffMode = 14;
inline constexpr size_t kOffNlink = 38;
inline constexpr size_t kOffMtime = 46;
inline constexpr size_t kOffFileSize = 54;
inline constexpr size_t kOffNameSize = 94;
inline constexpr size_t kOffCheck = 102;
inline constexpr size_t kHeader = 110;

inline std::string hex8(uint32_t v) {
  char buf[9];
  std::snprintf(buf, sizeof(buf), "%08X", v);
  return buf;
}

struct Member {
  std::string name;
  uint32_t mode = 0100644;
  std::string data;
  std::string magic = "070701";
  // Overrides: the namesize field (default name.size() + 1), whether the NUL
  // and the padding are written.
  int64_t namesize = -1;
  bool nul = true;
  bool pad = true;
};

class CpioBuilder {
 public:
  // Appends a member; returns the offset of its header.
  size_t add(const Member& m) {
    const size_t at = bytes_.size();
    uint32_t check = 0;
    if (m.magic == "070702") {
      for (unsigned char c : m.data) check += c;
    }
    const uint32_t namesize = m.namesize >= 0 ? static_cast<uint32_t>(m.namesize)
                                              : static_cast<uint32_t>(m.name.size() + 1);
    std::string h = m.magic;
    h += hex8(++ino_);                                 // ino
    h += hex8(m.mode);                                 // mode
    h += hex8(0) + hex8(0);                            // uid, gid
    h += hex8((m.mode & 0170000) == 0040000 ? 2 : 1);  // nlink
    h += hex8(0);                                      // mtime
    h += hex8(static_cast<uint32_t>(m.data.size()));   // filesize
    h += hex8(0) + hex8(0) + hex8(0) + hex8(0);        // dev, rdev
    h += hex8(namesize);
    h += hex8(check);
    append(h);
    append(m.name);
    if (m.nul) bytes_.push_back(0);
    if (m.pad) pad4();
    append(m.data);
    if (m.pad) pad4();
    return at;
  }
  size_t file(const std::string& name, const std::string& data, uint32_t mode = 0100644) {
    Member m;
    m.name = name;
    m.data = data;
    m.mode = mode;
    return add(m);
  }
  size_t dir(const std::string& name) {
    Member m;
    m.name = name;
    m.mode = 040755;
    return add(m);
  }
  size_t trailer() {
    Member m;
    m.name = "TRAILER!!!";
    m.mode = 0;
    const size_t at = add(m);
    return at;
  }
  // Raw bytes (for padding to a block, or garbage).
  void append(const std::string& s) { bytes_.insert(bytes_.end(), s.begin(), s.end()); }

  std::vector<uint8_t> bytes() const { return bytes_; }

 private:
  void pad4() {
    while (bytes_.size() % 4 != 0) bytes_.push_back(0);
  }

  std::vector<uint8_t> bytes_;
  uint32_t ino_ = 0;
};

// Overwrites the header field at `header + field` with 8 raw characters.
inline void patch(std::vector<uint8_t>& v, size_t header, size_t field, const std::string& text) {
  for (size_t i = 0; i < text.size(); ++i) v[header + field + i] = static_cast<uint8_t>(text[i]);
}
inline void patch_hex(std::vector<uint8_t>& v, size_t header, size_t field, uint32_t value) {
  patch(v, header, field, hex8(value));
}

}  // namespace cpio_test
