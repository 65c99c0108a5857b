// Flattened Device Tree (DTB, devicetree spec v0.4, format version 17) reader
// over an untrusted blob. Fdt::open checks the header and the whole structure
// block once; every later read is bounds-checked again, so no input, however
// corrupt, makes the reader touch a byte outside [blob, blob + totalsize).
#pragma once

#include <cstddef>
#include <cstdint>

enum class FdtError : uint8_t {
  kOk,
  kBadMagic,            // not 0xd00dfeed
  kTruncated,           // blob shorter than its header or its totalsize
  kBadVersion,          // version < 16, or last_comp_version > 17
  kOffsetOutOfRange,    // a block, offset or length lies outside the blob
  kMisaligned,          // a block or token is not on its required alignment
  kBadToken,            // unknown token, or a token where it may not be
  kUnterminatedString,  // a node name, property name or string value has no NUL
  kBadCellCount,        // #address-cells / #size-cells unusable for decoding
  kTooDeep,             // nesting deeper than Fdt::kMaxDepth
  kNotFound,            // no such node, property, entry or index
  kBadLength,           // a property's length does not fit the type asked for
  kBadPath,             // an empty, relative-without-alias or malformed path
  kCount,
};

// A static name for every error ("bad magic", ...); "unknown error" otherwise.
const char* fdt_error_name(FdtError e);

// An error or a value: errors as values, no exceptions in the kernel.
template <typename T>
struct FdtOr {
  FdtError error = FdtError::kOk;
  T value{};

  bool ok() const { return error == FdtError::kOk; }
};

// A node, found by walking from the root (so its parent is known).
struct FdtNode {
  static constexpr uint32_t kNoParent = 0xffffffffu;
  uint32_t offset = 0;          // of its FDT_BEGIN_NODE token, in the structure block
  uint32_t parent = kNoParent;  // the parent's offset; kNoParent for the root
  uint32_t depth = 0;           // 0 for the root
  const char* name = "";        // NUL-terminated inside the blob ("" for the root)
};

// A property: its name and value point into the blob; len is the value size.
struct FdtProperty {
  uint32_t offset = 0;  // of its FDT_PROP token
  const char* name = "";
  const uint8_t* data = nullptr;
  uint32_t len = 0;

  FdtOr<uint32_t> u32() const;                                  // exactly one cell
  FdtOr<uint64_t> u64() const;                                  // exactly two cells
  FdtOr<uint64_t> u32_or_u64() const;                           // one or two cells
  FdtOr<uint64_t> cells(uint32_t first, uint32_t count) const;  // count 1..2
  FdtOr<const char*> string() const;                            // first string of the value
  FdtOr<uint32_t> string_count() const;                         // of a string list
  FdtOr<const char*> string_at(uint32_t index) const;           // of a string list
  bool contains_string(const char* s) const;                    // string list membership
};

// A region decoded from `reg` or from the memory reservation block.
struct FdtRegion {
  uint64_t base = 0;
  uint64_t size = 0;
};

class Fdt {
 public:
  static constexpr uint32_t kMagic = 0xd00dfeedu;
  static constexpr uint32_t kMaxDepth = 32;

  // Validates the blob (at most max_size readable bytes) and returns a reader.
  static FdtOr<Fdt> open(const void* blob, size_t max_size);

  const uint8_t* blob() const { return blob_; }
  uint32_t total_size() const { return total_size_; }

  // Tree navigation. kNotFound means "none"; other errors mean corruption.
  FdtNode root() const;
  FdtOr<FdtNode> first_child(const FdtNode& node) const;
  FdtOr<FdtNode> next_sibling(const FdtNode& node) const;
  FdtOr<FdtNode> child(const FdtNode& node, const char* name) const;
  FdtOr<FdtNode> parent(const FdtNode& node) const;

  // Properties.
  FdtOr<FdtProperty> first_property(const FdtNode& node) const;
  FdtOr<FdtProperty> next_property(const FdtProperty& prop) const;
  FdtOr<FdtProperty> property(const FdtNode& node, const char* name) const;
  // Convenience: the first string of `name`, or kNotFound.
  FdtOr<const char*> property_string(const FdtNode& node, const char* name) const;
  bool is_compatible(const FdtNode& node, const char* compat) const;
  // False only when `status` exists and is neither "okay" nor "ok".
  bool is_enabled(const FdtNode& node) const;

  // Finds "/a/b@1/c" (a component without '@' matches "name@unit" too), or
  // "alias/rest" through /aliases. The path ends at NUL or at ':' (options).
  FdtOr<FdtNode> find_path(const char* path) const;
  // The node /chosen's stdout-path names; *options gets what follows ':' or
  // nullptr.
  FdtOr<FdtNode> stdout_node(const char** options) const;
  // The first node in document order, after `after` if given, that is
  // compatible with `compat`.
  FdtOr<FdtNode> find_compatible(const char* compat, const FdtNode* after = nullptr) const;

  // #address-cells / #size-cells a node gives its children (defaults 2 / 1).
  FdtOr<uint32_t> address_cells(const FdtNode& node) const;
  FdtOr<uint32_t> size_cells(const FdtNode& node) const;
  // `reg` decoded with the parent's cell counts: number of entries, and one.
  // Address cells must be 1..2 and size cells 0..2 (kBadCellCount otherwise).
  FdtOr<uint32_t> reg_count(const FdtNode& node) const;
  FdtOr<FdtRegion> reg(const FdtNode& node, uint32_t index) const;

  // The memory reservation block (its terminating zero entry not counted).
  uint32_t reserved_count() const { return rsv_count_; }
  FdtOr<FdtRegion> reserved_entry(uint32_t index) const;

  // Every node in document order: visit(const FdtNode&) returns false to stop.
  template <typename Visit>
  FdtError walk(Visit&& visit) const;

 private:
  struct Token {
    uint32_t tag = 0;
    uint32_t at = 0;    // offset of this token
    uint32_t next = 0;  // offset of the following token
    const char* name = "";
    const uint8_t* data = nullptr;
    uint32_t len = 0;
  };

  FdtOr<Token> read_token(uint32_t offset) const;
  FdtOr<FdtProperty> property_after(uint32_t offset, uint32_t tag) const;
  FdtOr<Token> skip_nops(uint32_t offset) const;
  FdtOr<uint32_t> skip_subtree(uint32_t node_offset) const;
  FdtError validate_structure() const;
  FdtOr<FdtNode> descend(const FdtNode& node, const char* path, uint32_t len) const;
  FdtOr<FdtNode> find_absolute(const char* path, uint32_t len) const;
  FdtOr<FdtNode> node_at(uint32_t offset, uint32_t parent, uint32_t depth) const;
  FdtOr<uint32_t> cells_of(uint32_t node_offset, const char* name, uint32_t dflt) const;
  FdtOr<FdtProperty> property_at(uint32_t node_offset, const char* name) const;
  FdtError reg_cells(const FdtNode& node, uint32_t* ac, uint32_t* sc) const;

  const uint8_t* blob_ = nullptr;
  uint32_t total_size_ = 0;
  const uint8_t* struct_ = nullptr;
  uint32_t struct_size_ = 0;
  const char* strings_ = nullptr;
  uint32_t strings_size_ = 0;
  uint32_t rsv_offset_ = 0;
  uint32_t rsv_count_ = 0;
};

// Structure-block tokens (spec 5.4.1).
inline constexpr uint32_t kFdtBeginNode = 1;
inline constexpr uint32_t kFdtEndNode = 2;
inline constexpr uint32_t kFdtProp = 3;
inline constexpr uint32_t kFdtNop = 4;
inline constexpr uint32_t kFdtEnd = 9;

template <typename Visit>
FdtError Fdt::walk(Visit&& visit) const {
  uint32_t stack[kMaxDepth + 1];
  uint32_t depth = 0;  // nodes currently open
  uint32_t off = 0;
  for (;;) {
    FdtOr<Token> t = read_token(off);
    if (!t.ok()) {
      return t.error;
    }
    switch (t.value.tag) {
      case kFdtBeginNode: {
        if (depth > kMaxDepth) {
          return FdtError::kTooDeep;
        }
        FdtNode n;
        n.offset = off;
        n.parent = depth == 0 ? FdtNode::kNoParent : stack[depth - 1];
        n.depth = depth;
        n.name = t.value.name;
        stack[depth++] = off;
        if (!visit(static_cast<const FdtNode&>(n))) {
          return FdtError::kOk;
        }
        break;
      }
      case kFdtEndNode:
        if (depth == 0) {
          return FdtError::kBadToken;
        }
        if (--depth == 0) {
          return FdtError::kOk;
        }
        break;
      case kFdtProp:
      case kFdtNop:
        break;
      default:
        return FdtError::kBadToken;
    }
    off = t.value.next;
  }
}
