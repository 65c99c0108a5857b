// The path manager's table (see path_table.h).
#include "taskman/path_table.h"

#include <errno.h>
#include <string.h>

namespace taskman {
namespace {

// Whether `prefix` (normalized) is `path` or a component-wise prefix of it;
// *rest is then what follows it, without the leading '/'.
bool component_prefix(const char* prefix, const char* path, const char** rest) {
  if (prefix[0] == '/' && prefix[1] == '\0') {  // the root is a prefix of all
    *rest = path + 1;
    return true;
  }
  const size_t n = strlen(prefix);
  if (strncmp(prefix, path, n) != 0) return false;
  if (path[n] == '\0') {
    *rest = path + n;
    return true;
  }
  if (path[n] != '/') return false;
  *rest = path + n + 1;
  return true;
}

}  // namespace

int path_normalize(const char* cwd, const char* path, char* out, size_t cap) {
  if (path == nullptr || path[0] == '\0') return -ENOENT;
  if (cap < 2) return -ENAMETOOLONG;
  size_t len = 0;  // out[0..len) is the path so far, "" meaning the root
  // Two passes over one loop: the cwd (if path is relative), then path.
  const char* sources[2] = {path[0] == '/' ? "" : cwd, path};
  for (const char* s : sources) {
    while (*s != '\0') {
      while (*s == '/') ++s;
      const char* start = s;
      while (*s != '\0' && *s != '/') ++s;
      const size_t n = static_cast<size_t>(s - start);
      if (n == 0 || (n == 1 && start[0] == '.')) continue;
      if (n == 2 && start[0] == '.' && start[1] == '.') {
        while (len > 0 && out[len - 1] != '/') --len;
        if (len > 0) --len;  // the '/' before the component
        continue;
      }
      if (n > kNameMax) return -ENAMETOOLONG;
      if (len + 1 + n + 1 > cap) return -ENAMETOOLONG;
      out[len++] = '/';
      memcpy(out + len, start, n);
      len += n;
    }
  }
  if (len == 0) out[len++] = '/';
  out[len] = '\0';
  return 0;
}

int PathTable::attach(const char* path, int32_t pid, int32_t chid, uint32_t handle, uint32_t flags) {
  if ((flags & ~(kPathFlagDir | kPathFlagUnion)) != 0 || chid <= 0 || path[0] != '/') return -EINVAL;
  if (strlen(path) >= kMountPathMax) return -ENAMETOOLONG;
  PathEntry* free_entry = nullptr;
  for (PathEntry& e : entries_) {
    if (e.seq == 0) {
      if (free_entry == nullptr) free_entry = &e;
      continue;
    }
    if (strcmp(e.path, path) != 0) continue;
    if ((e.flags & kPathFlagUnion) == 0 || (flags & kPathFlagUnion) == 0) return -EEXIST;
  }
  if (free_entry == nullptr) return -EAGAIN;
  free_entry->seq = next_seq_++;
  free_entry->pid = pid;
  free_entry->chid = chid;
  free_entry->handle = handle;
  free_entry->flags = flags;
  strcpy(free_entry->path, path);
  return 0;
}

int PathTable::detach(const char* path, int32_t pid) {
  for (PathEntry& e : entries_) {
    if (e.seq != 0 && e.pid == pid && strcmp(e.path, path) == 0) {
      e = PathEntry{};
      return 0;
    }
  }
  return -ENOENT;
}

uint32_t PathTable::remove_pid(int32_t pid) {
  uint32_t n = 0;
  for (PathEntry& e : entries_) {
    if (e.seq != 0 && e.pid == pid) {
      e = PathEntry{};
      ++n;
    }
  }
  return n;
}

int PathTable::resolve(const char* path, Resolution* out) const {
  const PathEntry* best = nullptr;
  size_t best_len = 0;
  const char* best_rest = nullptr;
  bool not_dir = false;
  bool above_some = false;
  for (const PathEntry& e : entries_) {
    if (e.seq == 0) continue;
    const char* rest = nullptr;
    if (component_prefix(e.path, path, &rest)) {
      if (*rest != '\0' && (e.flags & kPathFlagDir) == 0) {
        not_dir = true;
        continue;
      }
      const size_t n = strlen(e.path);
      if (best == nullptr || n > best_len || (n == best_len && e.seq > best->seq)) {
        best = &e;
        best_len = n;
        best_rest = rest;
      }
    } else if (component_prefix(path, e.path, &rest)) {
      above_some = true;  // path lies above e: a made-up directory, unless owned
    }
  }
  if (best != nullptr) {
    *out = Resolution{best, best_rest};
    return 0;
  }
  if (above_some) {
    *out = Resolution{nullptr, path};
    return 0;
  }
  return not_dir ? -ENOTDIR : -ENOENT;
}

bool PathTable::child_name(const char* path, uint32_t index, char* name, size_t cap) const {
  // Entries in attachment order, so that the listing is stable while the
  // table does not change.
  uint32_t seen = 0;
  for (uint32_t last = 0;;) {
    const PathEntry* e = nullptr;  // the oldest entry newer than `last`
    for (const PathEntry& c : entries_) {
      if (c.seq > last && (e == nullptr || c.seq < e->seq)) e = &c;
    }
    if (e == nullptr) return false;
    const uint32_t seq = e->seq;
    last = seq;
    const char* rest = nullptr;
    if (!component_prefix(path, e->path, &rest) || *rest == '\0') continue;
    const size_t n = strcspn(rest, "/");
    // Counted once: only for the oldest entry with this first component.
    bool earlier = false;
    for (const PathEntry& c : entries_) {
      const char* r = nullptr;
      if (c.seq != 0 && c.seq < seq && component_prefix(path, c.path, &r) && strncmp(r, rest, n) == 0 &&
          (r[n] == '\0' || r[n] == '/') && *r != '\0') {
        earlier = true;
      }
    }
    if (earlier) continue;
    if (seen++ != index) continue;
    if (n + 1 > cap) return false;
    memcpy(name, rest, n);
    name[n] = '\0';
    return true;
  }
}

}  // namespace taskman
