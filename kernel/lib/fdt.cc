// Flattened Device Tree reader. All arithmetic on blob offsets is done in 64
// bits before comparing with a block size, so a hostile length cannot wrap a
// check; the structure block is validated in one pass at open().
#include "kernel/lib/fdt.h"

namespace {

constexpr uint32_t kHeaderSizeV16 = 36;  // v16 lacks size_dt_struct
constexpr uint32_t kHeaderSizeV17 = 40;
constexpr uint32_t kLastVersionUnderstood = 17;
constexpr uint32_t kRsvEntrySize = 16;

uint32_t be32(const uint8_t* p) {
  return (static_cast<uint32_t>(p[0]) << 24) | (static_cast<uint32_t>(p[1]) << 16) |
         (static_cast<uint32_t>(p[2]) << 8) | static_cast<uint32_t>(p[3]);
}

uint64_t be64(const uint8_t* p) { return (static_cast<uint64_t>(be32(p)) << 32) | be32(p + 4); }

uint64_t align4(uint64_t v) { return (v + 3) & ~static_cast<uint64_t>(3); }

// Length of the NUL-terminated string at s, if the NUL is within max bytes.
bool bounded_strlen(const char* s, uint64_t max, uint32_t* len) {
  for (uint64_t i = 0; i < max; ++i) {
    if (s[i] == '\0') {
      *len = static_cast<uint32_t>(i);
      return true;
    }
  }
  return false;
}

bool str_eq(const char* a, const char* b) {
  while (*a != '\0' && *a == *b) {
    ++a;
    ++b;
  }
  return *a == *b;
}

// Does node name `name` match path component [c, c + len)? A component
// without '@' also matches "component@unit".
bool component_matches(const char* name, const char* c, uint32_t len) {
  bool has_at = false;
  for (uint32_t i = 0; i < len; ++i) {
    if (name[i] != c[i]) {
      return false;  // also stops at name's NUL, since c[i] is never NUL
    }
    has_at = has_at || c[i] == '@';
  }
  return name[len] == '\0' || (!has_at && name[len] == '@');
}

// End of a path: the first NUL or ':'.
uint32_t path_length(const char* path) {
  uint32_t n = 0;
  while (path[n] != '\0' && path[n] != ':') {
    ++n;
  }
  return n;
}

}  // namespace

// Indexed by FdtError; the static_assert keeps it in step with the enum.
constexpr const char* kFdtErrorNames[] = {
    "ok",
    "bad magic",
    "truncated",
    "bad version",
    "offset out of range",
    "misaligned",
    "bad token",
    "unterminated string",
    "bad cell count",
    "nesting too deep",
    "not found",
    "bad property length",
    "bad path",
};
static_assert(sizeof(kFdtErrorNames) / sizeof(kFdtErrorNames[0]) ==
              static_cast<size_t>(FdtError::kCount));

const char* fdt_error_name(FdtError e) {
  size_t i = static_cast<size_t>(e);
  return i < static_cast<size_t>(FdtError::kCount) ? kFdtErrorNames[i] : "unknown error";
}

// ---- properties -------------------------------------------------------------

FdtOr<uint32_t> FdtProperty::u32() const {
  if (len != 4) {
    return {FdtError::kBadLength, 0};
  }
  return {FdtError::kOk, be32(data)};
}

FdtOr<uint64_t> FdtProperty::u64() const {
  if (len != 8) {
    return {FdtError::kBadLength, 0};
  }
  return {FdtError::kOk, be64(data)};
}

FdtOr<uint64_t> FdtProperty::u32_or_u64() const {
  if (len == 4) {
    return {FdtError::kOk, be32(data)};
  }
  return u64();
}

FdtOr<uint64_t> FdtProperty::cells(uint32_t first, uint32_t count) const {
  if (count == 0 || count > 2) {
    return {FdtError::kBadCellCount, 0};
  }
  uint64_t end = (static_cast<uint64_t>(first) + count) * 4;
  if (end > len) {
    return {FdtError::kBadLength, 0};
  }
  const uint8_t* p = data + static_cast<uint64_t>(first) * 4;
  return {FdtError::kOk, count == 1 ? be32(p) : be64(p)};
}

FdtOr<const char*> FdtProperty::string() const { return string_at(0); }

FdtOr<uint32_t> FdtProperty::string_count() const {
  if (len == 0 || data[len - 1] != '\0') {
    return {FdtError::kUnterminatedString, 0};
  }
  uint32_t n = 0;
  for (uint32_t i = 0; i < len; ++i) {
    n += data[i] == '\0' ? 1u : 0u;
  }
  return {FdtError::kOk, n};
}

FdtOr<const char*> FdtProperty::string_at(uint32_t index) const {
  if (len == 0 || data[len - 1] != '\0') {
    return {FdtError::kUnterminatedString, nullptr};
  }
  uint32_t start = 0;
  for (uint32_t i = 0; i < len; ++i) {
    if (data[i] == '\0') {
      if (index == 0) {
        return {FdtError::kOk, reinterpret_cast<const char*>(data + start)};
      }
      --index;
      start = i + 1;
    }
  }
  return {FdtError::kNotFound, nullptr};
}

bool FdtProperty::contains_string(const char* s) const {
  if (len == 0 || data[len - 1] != '\0') {
    return false;
  }
  uint32_t start = 0;
  while (start < len) {
    const char* candidate = reinterpret_cast<const char*>(data + start);
    if (str_eq(candidate, s)) {
      return true;
    }
    uint32_t n = 0;
    bounded_strlen(candidate, len - start, &n);  // terminated: checked above
    start += n + 1;
  }
  return false;
}

// ---- opening ----------------------------------------------------------------

FdtOr<Fdt> Fdt::open(const void* blob, size_t max_size) {
  const uint8_t* b = static_cast<const uint8_t*>(blob);
  if (b == nullptr || max_size < 8) {
    return {FdtError::kTruncated, {}};
  }
  if (be32(b) != kMagic) {
    return {FdtError::kBadMagic, {}};
  }
  uint32_t total = be32(b + 4);
  if (total > max_size || total < kHeaderSizeV16 || max_size < kHeaderSizeV16) {
    return {FdtError::kTruncated, {}};
  }
  uint32_t off_struct = be32(b + 8);
  uint32_t off_strings = be32(b + 12);
  uint32_t off_rsv = be32(b + 16);
  uint32_t version = be32(b + 20);
  uint32_t last_comp = be32(b + 24);
  uint32_t strings_size = be32(b + 32);
  if (version < 16 || last_comp > kLastVersionUnderstood) {
    return {FdtError::kBadVersion, {}};
  }
  uint32_t header_size = version >= 17 ? kHeaderSizeV17 : kHeaderSizeV16;
  if (total < header_size) {
    return {FdtError::kTruncated, {}};
  }
  uint32_t struct_size = version >= 17 ? be32(b + 36) : 0;
  if (off_struct < header_size || off_struct > total || off_strings < header_size ||
      off_strings > total || off_rsv < header_size || off_rsv > total) {
    return {FdtError::kOffsetOutOfRange, {}};
  }
  if (version < 17) {
    struct_size = total - off_struct;
  }
  uint64_t struct_end = static_cast<uint64_t>(off_struct) + struct_size;
  uint64_t strings_end = static_cast<uint64_t>(off_strings) + strings_size;
  if (struct_end > total || strings_end > total) {
    return {FdtError::kOffsetOutOfRange, {}};
  }
  if (off_struct % 4 != 0 || off_rsv % 8 != 0) {
    return {FdtError::kMisaligned, {}};
  }
  // The structure and strings blocks may not overlap (v16 blobs give no
  // structure size: there the structure block ends where strings begin).
  if (version < 17 && off_strings > off_struct) {
    struct_size = off_strings - off_struct;
    struct_end = off_strings;
  }
  if (strings_size != 0 && off_strings < struct_end && off_struct < strings_end) {
    return {FdtError::kOffsetOutOfRange, {}};
  }

  Fdt f;
  f.blob_ = b;
  f.total_size_ = total;
  f.struct_ = b + off_struct;
  f.struct_size_ = struct_size;
  f.strings_ = reinterpret_cast<const char*>(b + off_strings);
  f.strings_size_ = strings_size;
  f.rsv_offset_ = off_rsv;

  // The reservation block runs to its zero entry, which must be in the blob
  // and may not run into the structure or strings blocks.
  uint64_t rsv_limit = total;
  if (off_struct >= off_rsv && off_struct < rsv_limit) {
    rsv_limit = off_struct;
  }
  if (off_strings >= off_rsv && off_strings < rsv_limit && strings_size != 0) {
    rsv_limit = off_strings;
  }
  for (uint64_t p = off_rsv;; p += kRsvEntrySize) {
    if (p + kRsvEntrySize > rsv_limit) {
      return {FdtError::kOffsetOutOfRange, {}};
    }
    if (be64(b + p) == 0 && be64(b + p + 8) == 0) {
      break;
    }
    ++f.rsv_count_;
  }

  FdtError e = f.validate_structure();
  if (e != FdtError::kOk) {
    return {e, {}};
  }
  return {FdtError::kOk, f};
}

FdtOr<Fdt::Token> Fdt::read_token(uint32_t offset) const {
  Token t;
  uint64_t off = offset;
  if (off % 4 != 0) {
    return {FdtError::kMisaligned, t};
  }
  if (off + 4 > struct_size_) {
    return {FdtError::kOffsetOutOfRange, t};
  }
  t.tag = be32(struct_ + off);
  t.at = offset;
  uint64_t next = off + 4;
  switch (t.tag) {
    case kFdtBeginNode: {
      const char* name = reinterpret_cast<const char*>(struct_ + next);
      uint32_t n = 0;
      if (!bounded_strlen(name, struct_size_ - next, &n)) {
        return {FdtError::kUnterminatedString, t};
      }
      t.name = name;
      next = align4(next + n + 1);
      break;
    }
    case kFdtProp: {
      if (next + 8 > struct_size_) {
        return {FdtError::kOffsetOutOfRange, t};
      }
      t.len = be32(struct_ + next);
      uint32_t name_off = be32(struct_ + next + 4);
      next += 8;
      if (next + t.len > struct_size_) {
        return {FdtError::kOffsetOutOfRange, t};
      }
      t.data = struct_ + next;
      next = align4(next + t.len);
      if (name_off >= strings_size_) {
        return {FdtError::kOffsetOutOfRange, t};
      }
      uint32_t n = 0;
      if (!bounded_strlen(strings_ + name_off, strings_size_ - name_off, &n)) {
        return {FdtError::kUnterminatedString, t};
      }
      t.name = strings_ + name_off;
      break;
    }
    case kFdtEndNode:
    case kFdtNop:
    case kFdtEnd:
      break;
    default:
      return {FdtError::kBadToken, t};
  }
  // A token's padding may end exactly at the block's end, never past it.
  if (next > struct_size_) {
    return {FdtError::kOffsetOutOfRange, t};
  }
  t.next = static_cast<uint32_t>(next);
  return {FdtError::kOk, t};
}

FdtOr<Fdt::Token> Fdt::skip_nops(uint32_t offset) const {
  for (;;) {
    FdtOr<Token> t = read_token(offset);
    if (!t.ok() || t.value.tag != kFdtNop) {
      return t;
    }
    offset = t.value.next;
  }
}

// One pass over the structure block: NOPs anywhere, then exactly one root
// node whose properties precede its children, balanced, not too deep,
// followed (after NOPs) by FDT_END.
FdtError Fdt::validate_structure() const {
  FdtOr<Token> t = skip_nops(0);
  if (!t.ok()) {
    return t.error;
  }
  if (t.value.tag != kFdtBeginNode) {
    return FdtError::kBadToken;
  }
  uint32_t depth = 0;          // nodes open
  bool children_seen = false;  // in the innermost open node
  for (;;) {
    switch (t.value.tag) {
      case kFdtBeginNode:
        if (depth > kMaxDepth) {
          return FdtError::kTooDeep;
        }
        ++depth;
        children_seen = false;
        break;
      case kFdtProp:
        if (children_seen) {
          return FdtError::kBadToken;
        }
        break;
      case kFdtEndNode:
        --depth;
        children_seen = true;
        break;
      case kFdtNop:
        break;
      default:
        return FdtError::kBadToken;  // FDT_END inside a node
    }
    if (depth == 0) {
      break;
    }
    t = read_token(t.value.next);
    if (!t.ok()) {
      return t.error;
    }
  }
  t = skip_nops(t.value.next);
  if (!t.ok()) {
    return t.error == FdtError::kOffsetOutOfRange ? FdtError::kTruncated : t.error;
  }
  return t.value.tag == kFdtEnd ? FdtError::kOk : FdtError::kBadToken;
}

// ---- navigation -------------------------------------------------------------

FdtNode Fdt::root() const {
  FdtNode n;
  FdtOr<Token> t = skip_nops(0);  // open() proved this is FDT_BEGIN_NODE
  if (t.ok()) {
    n.offset = t.value.at;
    n.name = t.value.name;
  }
  return n;
}

FdtOr<FdtNode> Fdt::node_at(uint32_t offset, uint32_t parent, uint32_t depth) const {
  FdtOr<Token> t = read_token(offset);
  if (!t.ok()) {
    return {t.error, {}};
  }
  if (t.value.tag != kFdtBeginNode) {
    return {FdtError::kBadToken, {}};
  }
  if (depth > kMaxDepth) {
    return {FdtError::kTooDeep, {}};
  }
  FdtNode n;
  n.offset = offset;
  n.parent = parent;
  n.depth = depth;
  n.name = t.value.name;
  return {FdtError::kOk, n};
}

// Offset of the token after the node's FDT_END_NODE.
FdtOr<uint32_t> Fdt::skip_subtree(uint32_t node_offset) const {
  uint32_t depth = 0;
  uint32_t off = node_offset;
  for (;;) {
    FdtOr<Token> t = read_token(off);
    if (!t.ok()) {
      return {t.error, 0};
    }
    off = t.value.next;
    if (t.value.tag == kFdtBeginNode) {
      ++depth;
    } else if (t.value.tag == kFdtEndNode) {
      if (depth == 0) {
        return {FdtError::kBadToken, 0};
      }
      if (--depth == 0) {
        return {FdtError::kOk, off};
      }
    } else if (t.value.tag == kFdtEnd) {
      return {FdtError::kBadToken, 0};
    }
  }
}

FdtOr<FdtNode> Fdt::first_child(const FdtNode& node) const {
  FdtOr<Token> t = read_token(node.offset);
  if (!t.ok()) {
    return {t.error, {}};
  }
  if (t.value.tag != kFdtBeginNode) {
    return {FdtError::kBadToken, {}};
  }
  uint32_t off = t.value.next;
  for (;;) {
    t = read_token(off);
    if (!t.ok()) {
      return {t.error, {}};
    }
    if (t.value.tag == kFdtBeginNode) {
      return node_at(off, node.offset, node.depth + 1);
    }
    if (t.value.tag != kFdtProp && t.value.tag != kFdtNop) {
      return {FdtError::kNotFound, {}};
    }
    off = t.value.next;
  }
}

FdtOr<FdtNode> Fdt::next_sibling(const FdtNode& node) const {
  if (node.parent == FdtNode::kNoParent) {
    return {FdtError::kNotFound, {}};
  }
  FdtOr<uint32_t> end = skip_subtree(node.offset);
  if (!end.ok()) {
    return {end.error, {}};
  }
  FdtOr<Token> t = skip_nops(end.value);
  if (!t.ok()) {
    return {t.error, {}};
  }
  if (t.value.tag != kFdtBeginNode) {
    return {FdtError::kNotFound, {}};
  }
  return node_at(t.value.at, node.parent, node.depth);
}

FdtOr<FdtNode> Fdt::child(const FdtNode& node, const char* name) const {
  FdtOr<FdtNode> c = first_child(node);
  while (c.ok()) {
    if (component_matches(c.value.name, name, path_length(name))) {
      return c;
    }
    c = next_sibling(c.value);
  }
  return c;
}

FdtOr<FdtNode> Fdt::parent(const FdtNode& node) const {
  if (node.parent == FdtNode::kNoParent || node.depth == 0) {
    return {FdtError::kNotFound, {}};
  }
  // The grandparent is not recorded: find the parent by walking from the root.
  FdtOr<FdtNode> found{FdtError::kNotFound, {}};
  FdtError e = walk([&](const FdtNode& n) {
    if (n.offset == node.parent) {
      found = {FdtError::kOk, n};
      return false;
    }
    return true;
  });
  if (e != FdtError::kOk) {
    return {e, {}};
  }
  return found;
}

// ---- properties of nodes ----------------------------------------------------

// The property after the token at `offset`, which must be a `tag` token.
FdtOr<FdtProperty> Fdt::property_after(uint32_t offset, uint32_t tag) const {
  FdtOr<Token> t = read_token(offset);
  if (!t.ok()) {
    return {t.error, {}};
  }
  if (t.value.tag != tag) {
    return {FdtError::kBadToken, {}};
  }
  t = skip_nops(t.value.next);
  if (!t.ok()) {
    return {t.error, {}};
  }
  if (t.value.tag != kFdtProp) {
    return {FdtError::kNotFound, {}};
  }
  FdtProperty p;
  p.offset = t.value.at;
  p.name = t.value.name;
  p.data = t.value.data;
  p.len = t.value.len;
  return {FdtError::kOk, p};
}

FdtOr<FdtProperty> Fdt::first_property(const FdtNode& node) const {
  return property_after(node.offset, kFdtBeginNode);
}

FdtOr<FdtProperty> Fdt::next_property(const FdtProperty& prop) const {
  return property_after(prop.offset, kFdtProp);
}

FdtOr<FdtProperty> Fdt::property_at(uint32_t node_offset, const char* name) const {
  FdtNode n;
  n.offset = node_offset;
  FdtOr<FdtProperty> p = first_property(n);
  while (p.ok()) {
    if (str_eq(p.value.name, name)) {
      return p;
    }
    p = next_property(p.value);
  }
  return p;
}

FdtOr<FdtProperty> Fdt::property(const FdtNode& node, const char* name) const {
  return property_at(node.offset, name);
}

FdtOr<const char*> Fdt::property_string(const FdtNode& node, const char* name) const {
  FdtOr<FdtProperty> p = property(node, name);
  if (!p.ok()) {
    return {p.error, nullptr};
  }
  return p.value.string();
}

bool Fdt::is_compatible(const FdtNode& node, const char* compat) const {
  FdtOr<FdtProperty> p = property(node, "compatible");
  return p.ok() && p.value.contains_string(compat);
}

bool Fdt::is_enabled(const FdtNode& node) const {
  FdtOr<FdtProperty> p = property(node, "status");
  if (!p.ok()) {
    return true;
  }
  FdtOr<const char*> s = p.value.string();
  return s.ok() && (str_eq(s.value, "okay") || str_eq(s.value, "ok"));
}

// ---- paths ------------------------------------------------------------------

// Follows the '/'-separated components of path[0, len) down from `node`; a
// trailing '/' is accepted, an empty component ("//") is not.
FdtOr<FdtNode> Fdt::descend(const FdtNode& node, const char* path, uint32_t len) const {
  FdtOr<FdtNode> cur{FdtError::kOk, node};
  uint32_t i = 0;
  while (i < len) {
    uint32_t start = i;
    while (i < len && path[i] != '/') {
      ++i;
    }
    if (i == start) {
      return {FdtError::kBadPath, {}};
    }
    FdtOr<FdtNode> c = first_child(cur.value);
    while (c.ok() && !component_matches(c.value.name, path + start, i - start)) {
      c = next_sibling(c.value);
    }
    if (!c.ok()) {
      return c;
    }
    cur = c;
    i += i < len ? 1 : 0;  // the '/'
  }
  return cur;
}

FdtOr<FdtNode> Fdt::find_absolute(const char* path, uint32_t len) const {
  if (len == 0 || path[0] != '/') {
    return {FdtError::kBadPath, {}};
  }
  return descend(root(), path + 1, len - 1);
}

FdtOr<FdtNode> Fdt::find_path(const char* path) const {
  if (path == nullptr) {
    return {FdtError::kBadPath, {}};
  }
  uint32_t len = path_length(path);
  if (len == 0) {
    return {FdtError::kBadPath, {}};
  }
  if (path[0] == '/') {
    return find_absolute(path, len);
  }
  // "alias" or "alias/rest": the alias names an absolute path.
  uint32_t alen = 0;
  while (alen < len && path[alen] != '/') {
    ++alen;
  }
  FdtOr<FdtNode> aliases = find_absolute("/aliases", 8);
  if (!aliases.ok()) {
    return aliases;
  }
  FdtOr<FdtProperty> p = first_property(aliases.value);
  while (p.ok()) {
    const char* n = p.value.name;
    uint32_t k = 0;
    while (k < alen && n[k] == path[k]) {
      ++k;
    }
    if (k == alen && n[k] == '\0') {
      break;
    }
    p = next_property(p.value);
  }
  if (!p.ok()) {
    return {p.error, {}};
  }
  FdtOr<const char*> target = p.value.string();
  if (!target.ok()) {
    return {target.error, {}};
  }
  FdtOr<FdtNode> node = find_absolute(target.value, path_length(target.value));
  if (!node.ok() || alen == len) {
    return node;
  }
  return descend(node.value, path + alen + 1, len - alen - 1);  // "alias/rest"
}

FdtOr<FdtNode> Fdt::stdout_node(const char** options) const {
  if (options != nullptr) {
    *options = nullptr;
  }
  FdtOr<FdtNode> chosen = find_absolute("/chosen", 7);
  if (!chosen.ok()) {
    return chosen;
  }
  FdtOr<const char*> s = property_string(chosen.value, "stdout-path");
  if (s.error == FdtError::kNotFound) {
    s = property_string(chosen.value, "linux,stdout-path");
  }
  if (!s.ok()) {
    return {s.error, {}};
  }
  uint32_t len = path_length(s.value);
  if (options != nullptr && s.value[len] == ':') {
    *options = s.value + len + 1;
  }
  return find_path(s.value);
}

FdtOr<FdtNode> Fdt::find_compatible(const char* compat, const FdtNode* after) const {
  FdtOr<FdtNode> found{FdtError::kNotFound, {}};
  bool started = after == nullptr;
  FdtError e = walk([&](const FdtNode& n) {
    if (!started) {
      started = n.offset == after->offset;
      return true;
    }
    if (is_compatible(n, compat)) {
      found = {FdtError::kOk, n};
      return false;
    }
    return true;
  });
  if (e != FdtError::kOk) {
    return {e, {}};
  }
  return found;
}

// ---- cells and reg ------------------------------------------------------------

FdtOr<uint32_t> Fdt::cells_of(uint32_t node_offset, const char* name, uint32_t dflt) const {
  FdtOr<FdtProperty> p = property_at(node_offset, name);
  if (p.error == FdtError::kNotFound) {
    return {FdtError::kOk, dflt};
  }
  if (!p.ok()) {
    return {p.error, 0};
  }
  return p.value.u32();
}

FdtOr<uint32_t> Fdt::address_cells(const FdtNode& node) const {
  return cells_of(node.offset, "#address-cells", 2);
}

FdtOr<uint32_t> Fdt::size_cells(const FdtNode& node) const {
  return cells_of(node.offset, "#size-cells", 1);
}

FdtError Fdt::reg_cells(const FdtNode& node, uint32_t* ac, uint32_t* sc) const {
  if (node.parent == FdtNode::kNoParent) {
    *ac = 2;  // the root has no parent: the spec's defaults
    *sc = 1;
    return FdtError::kOk;
  }
  FdtOr<uint32_t> a = cells_of(node.parent, "#address-cells", 2);
  FdtOr<uint32_t> s = cells_of(node.parent, "#size-cells", 1);
  if (!a.ok()) {
    return a.error;
  }
  if (!s.ok()) {
    return s.error;
  }
  if (a.value < 1 || a.value > 2 || s.value > 2) {
    return FdtError::kBadCellCount;
  }
  *ac = a.value;
  *sc = s.value;
  return FdtError::kOk;
}

FdtOr<uint32_t> Fdt::reg_count(const FdtNode& node) const {
  uint32_t ac = 0;
  uint32_t sc = 0;
  FdtError e = reg_cells(node, &ac, &sc);
  if (e != FdtError::kOk) {
    return {e, 0};
  }
  FdtOr<FdtProperty> p = property(node, "reg");
  if (!p.ok()) {
    return {p.error, 0};
  }
  uint32_t entry = (ac + sc) * 4;
  if (p.value.len % entry != 0) {
    return {FdtError::kBadLength, 0};
  }
  return {FdtError::kOk, p.value.len / entry};
}

FdtOr<FdtRegion> Fdt::reg(const FdtNode& node, uint32_t index) const {
  uint32_t ac = 0;
  uint32_t sc = 0;
  FdtError e = reg_cells(node, &ac, &sc);
  if (e != FdtError::kOk) {
    return {e, {}};
  }
  FdtOr<FdtProperty> p = property(node, "reg");
  if (!p.ok()) {
    return {p.error, {}};
  }
  uint32_t entry_cells = ac + sc;
  if (p.value.len % (entry_cells * 4) != 0) {
    return {FdtError::kBadLength, {}};
  }
  if (index >= p.value.len / (entry_cells * 4)) {
    return {FdtError::kNotFound, {}};
  }
  uint32_t first = index * entry_cells;
  FdtOr<uint64_t> base = p.value.cells(first, ac);
  if (!base.ok()) {
    return {base.error, {}};
  }
  FdtRegion r;
  r.base = base.value;
  if (sc != 0) {
    FdtOr<uint64_t> size = p.value.cells(first + ac, sc);
    if (!size.ok()) {
      return {size.error, {}};
    }
    r.size = size.value;
  }
  return {FdtError::kOk, r};
}

FdtOr<FdtRegion> Fdt::reserved_entry(uint32_t index) const {
  if (index >= rsv_count_) {
    return {FdtError::kNotFound, {}};
  }
  // open() proved every entry up to the terminator lies inside the blob.
  const uint8_t* p = blob_ + rsv_offset_ + static_cast<uint64_t>(index) * kRsvEntrySize;
  FdtRegion r;
  r.base = be64(p);
  r.size = be64(p + 8);
  return {FdtError::kOk, r};
}
