// Test-only DTB writer: builds version-17 blobs token by token, including
// deliberately malformed ones (raw tokens, no FDT_END, patched headers).
// Blobs come back exactly sized: a read past the end is an ASan error.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <string>
#include <vector>

namespace fdt_test {

// Header field offsets (devicetree spec 5.2).
inline constexpr size_t kOffMagic = 0;
inline constexpr size_t kOffTotalSize = 4;
inline constexpr size_t kOffStruct = 8;
inline constexpr size_t kOffStrings = 12;
inline constexpr size_t kOffRsvmap = 16;
inline constexpr size_t kOffVersion = 20;
inline constexpr size_t kOffLastComp = 24;
inline constexpr size_t kOffStringsSize = 32;
inline constexpr size_t kOffStructSize = 36;
inline constexpr size_t kHeaderSize = 40;

inline void put_be32(std::vector<uint8_t>& v, size_t off, uint32_t x) {
  v[off] = static_cast<uint8_t>(x >> 24);
  v[off + 1] = static_cast<uint8_t>(x >> 16);
  v[off + 2] = static_cast<uint8_t>(x >> 8);
  v[off + 3] = static_cast<uint8_t>(x);
}

inline uint32_t get_be32(const std::vector<uint8_t>& v, size_t off) {
  return (static_cast<uint32_t>(v[off]) << 24) | (static_cast<uint32_t>(v[off + 1]) << 16) |
         (static_cast<uint32_t>(v[off + 2]) << 8) | static_cast<uint32_t>(v[off + 3]);
}

class FdtBuilder {
 public:
  FdtBuilder& begin_node(const std::string& name) {
    token(1);
    append_padded(name.data(), name.size() + 1);
    return *this;
  }
  // A node name with no NUL before the end of the block (malformed).
  FdtBuilder& begin_node_unterminated(const std::string& name) {
    token(1);
    struct_.insert(struct_.end(), name.begin(), name.end());
    return *this;
  }
  FdtBuilder& end_node() { return token(2); }
  FdtBuilder& nop() { return token(4); }
  FdtBuilder& end() { return token(9); }
  FdtBuilder& token(uint32_t t) {
    append32(struct_, t);
    return *this;
  }

  FdtBuilder& prop(const std::string& name, const std::vector<uint8_t>& value) {
    return prop_raw(string_offset(name), value);
  }
  // A property with an explicit name offset (may point anywhere).
  FdtBuilder& prop_raw(uint32_t name_offset, const std::vector<uint8_t>& value) {
    token(3);
    append32(struct_, static_cast<uint32_t>(value.size()));
    append32(struct_, name_offset);
    append_padded(value.data(), value.size());
    return *this;
  }
  // A property header claiming `len` bytes with none following (malformed).
  FdtBuilder& prop_header_only(const std::string& name, uint32_t len) {
    token(3);
    append32(struct_, len);
    append32(struct_, string_offset(name));
    return *this;
  }
  FdtBuilder& prop_empty(const std::string& name) { return prop(name, {}); }
  FdtBuilder& prop_u32(const std::string& name, uint32_t v) { return prop_cells(name, {v}); }
  FdtBuilder& prop_u64(const std::string& name, uint64_t v) {
    return prop_cells(name, {static_cast<uint32_t>(v >> 32), static_cast<uint32_t>(v)});
  }
  FdtBuilder& prop_cells(const std::string& name, std::initializer_list<uint32_t> cells) {
    std::vector<uint8_t> v;
    for (uint32_t c : cells) {
      append32(v, c);
    }
    return prop(name, v);
  }
  FdtBuilder& prop_string(const std::string& name, const std::string& s) {
    return prop_strings(name, {s});
  }
  FdtBuilder& prop_strings(const std::string& name, std::initializer_list<std::string> list) {
    std::vector<uint8_t> v;
    for (const std::string& s : list) {
      v.insert(v.end(), s.begin(), s.end());
      v.push_back(0);
    }
    return prop(name, v);
  }

  FdtBuilder& reserve(uint64_t base, uint64_t size) {
    rsv_.push_back({base, size});
    return *this;
  }
  // Appends raw bytes to the strings block (e.g. a name without its NUL).
  FdtBuilder& raw_strings(const std::string& bytes) {
    strings_.insert(strings_.end(), bytes.begin(), bytes.end());
    return *this;
  }
  uint32_t strings_size() const { return static_cast<uint32_t>(strings_.size()); }

  // header | reservation block | structure block | strings block.
  std::vector<uint8_t> finish() const {
    std::vector<uint8_t> out(kHeaderSize, 0);
    for (const auto& r : rsv_) {
      append64(out, r.first);
      append64(out, r.second);
    }
    append64(out, 0);
    append64(out, 0);
    size_t off_struct = out.size();
    out.insert(out.end(), struct_.begin(), struct_.end());
    size_t off_strings = out.size();
    out.insert(out.end(), strings_.begin(), strings_.end());
    put_be32(out, kOffMagic, 0xd00dfeed);
    put_be32(out, kOffTotalSize, static_cast<uint32_t>(out.size()));
    put_be32(out, kOffStruct, static_cast<uint32_t>(off_struct));
    put_be32(out, kOffStrings, static_cast<uint32_t>(off_strings));
    put_be32(out, kOffRsvmap, static_cast<uint32_t>(kHeaderSize));
    put_be32(out, kOffVersion, 17);
    put_be32(out, kOffLastComp, 16);
    put_be32(out, kOffStringsSize, static_cast<uint32_t>(strings_.size()));
    put_be32(out, kOffStructSize, static_cast<uint32_t>(struct_.size()));
    out.shrink_to_fit();  // exactly sized, so ASan catches any read past the end
    return out;
  }

 private:
  static void append32(std::vector<uint8_t>& v, uint32_t x) {
    v.push_back(static_cast<uint8_t>(x >> 24));
    v.push_back(static_cast<uint8_t>(x >> 16));
    v.push_back(static_cast<uint8_t>(x >> 8));
    v.push_back(static_cast<uint8_t>(x));
  }
  static void append64(std::vector<uint8_t>& v, uint64_t x) {
    append32(v, static_cast<uint32_t>(x >> 32));
    append32(v, static_cast<uint32_t>(x));
  }
  void append_padded(const void* data, size_t n) {
    const uint8_t* p = static_cast<const uint8_t*>(data);
    struct_.insert(struct_.end(), p, p + n);
    while (struct_.size() % 4 != 0) {
      struct_.push_back(0);
    }
  }
  uint32_t string_offset(const std::string& name) {
    std::string all(strings_.begin(), strings_.end());
    size_t at = 0;
    while (at < all.size()) {
      size_t nul = all.find('\0', at);
      if (nul == std::string::npos) {
        break;
      }
      if (all.compare(at, nul - at, name) == 0 && nul - at == name.size()) {
        return static_cast<uint32_t>(at);
      }
      at = nul + 1;
    }
    uint32_t off = static_cast<uint32_t>(strings_.size());
    strings_.insert(strings_.end(), name.begin(), name.end());
    strings_.push_back(0);
    return off;
  }

  std::vector<uint8_t> struct_;
  std::vector<uint8_t> strings_;
  std::vector<std::pair<uint64_t, uint64_t>> rsv_;
};

}  // namespace fdt_test
