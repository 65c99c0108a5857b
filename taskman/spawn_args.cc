// _PROC_SPAWN checking and the initial stack (see spawn_args.h).
#include "taskman/spawn_args.h"

#include <errno.h>
#include <string.h>

namespace taskman {

namespace {
constexpr uint32_t kKnownFlags =
    _PROC_SPAWN_SETSCHED | _PROC_SPAWN_SETPGROUP | _PROC_SPAWN_SETSID | _PROC_SPAWN_SETSIGMASK | _PROC_SPAWN_SETSIGDEF;
constexpr uint64_t kAtNull = 0;
constexpr uint64_t kAtPagesz = 6;
constexpr uint64_t kAtEntry = 9;

// The string after the one at p (which ends before end), or nullptr.
const char* next_string(const char* p, const char* end) {
  const void* nul = memchr(p, 0, static_cast<size_t>(end - p));
  return nul == nullptr ? nullptr : static_cast<const char*>(nul) + 1;
}

// Skips n strings from p; nullptr if they do not all end before end.
const char* skip_strings(const char* p, const char* end, uint32_t n) {
  for (uint32_t i = 0; i < n && p != nullptr; ++i) p = p < end ? next_string(p, end) : nullptr;
  return p;
}

// Whether n descriptors are in range and name each child fd once; *seen:
// those fds, one bit each.
static_assert(_PROC_SPAWN_FDS == 64, "one bit per descriptor");
bool check_fds(const struct _proc_spawn_fd* fds, uint32_t n, uint64_t* seen) {
  *seen = 0;
  for (uint32_t i = 0; i < n; ++i) {
    const struct _proc_spawn_fd& f = fds[i];
    if (f.fd < 0 || f.fd >= _PROC_SPAWN_FDS || f.src_coid < 0 || f.src_coid >= _PROC_SPAWN_FDS || f.pid <= 0 ||
        f.chid <= 0 || (*seen & (uint64_t{1} << f.fd)) != 0) {
      return false;
    }
    *seen |= uint64_t{1} << f.fd;
  }
  return true;
}
}  // namespace

int spawn_args_parse(const void* msg, size_t len, SpawnArgs* out) {
  const auto* m = static_cast<const struct _proc_spawn*>(msg);
  if (len < sizeof *m || m->hdr.type != _PROC_SPAWN || m->hdr.size != len) return -EINVAL;
  if (m->hdr.reserved != 0 || (m->flags & ~kKnownFlags) != 0) return -EINVAL;
  if (m->nfds > _PROC_SPAWN_FDS) return -EINVAL;
  const size_t fds_len = m->nfds * sizeof(struct _proc_spawn_fd);
  if (len - sizeof *m < fds_len || m->strings_len != len - sizeof *m - fds_len) return -EINVAL;
  const auto* fds = reinterpret_cast<const struct _proc_spawn_fd*>(m + 1);
  uint64_t seen = 0;
  if (!check_fds(fds, m->nfds, &seen)) return -EINVAL;
  if (m->strings_len > _PROC_SPAWN_MAX) return -E2BIG;
  if (m->argc > kSpawnMaxStrings || m->envc > kSpawnMaxStrings - m->argc) return -E2BIG;
  if ((m->flags & _PROC_SPAWN_SETPGROUP) != 0 && m->pgroup < 0) return -EINVAL;
  if ((m->flags & _PROC_SPAWN_SETSCHED) != 0) {
    const bool policy = m->sched_policy == QRV_SCHED_FIFO || m->sched_policy == QRV_SCHED_RR || m->sched_policy == QRV_SCHED_OTHER;
    if (!policy || m->sched_priority < 1 || m->sched_priority > 255) return -EINVAL;
  }
  const char* first = reinterpret_cast<const char*>(fds + m->nfds);
  const char* end = first + m->strings_len;
  const char* argv = skip_strings(first, end, 1);
  const char* envp = skip_strings(argv, end, m->argc);
  const char* last = skip_strings(envp, end, m->envc);
  if (last != end || first[0] == 0) return -EINVAL;  // exactly the strings announced, a path
  *out = SpawnArgs{m, fds, first, argv, envp, end};
  return 0;
}

int fork_args_parse(const void* msg, size_t len, uint64_t code_lo, uint64_t code_hi,
                    const struct _proc_spawn_fd** fds) {
  const auto* m = static_cast<const struct _proc_fork*>(msg);
  if (len < sizeof *m || m->hdr.type != _PROC_FORK || m->hdr.size != len || m->hdr.reserved != 0 || m->reserved != 0) {
    return -EINVAL;
  }
  if (m->nfds > _PROC_SPAWN_FDS || len != sizeof *m + m->nfds * sizeof(struct _proc_spawn_fd)) return -EINVAL;
  if (m->entry < code_lo || m->entry >= code_hi || m->entry % 2 != 0 || m->sp == 0 || m->sp % 16 != 0) return -EINVAL;
  const auto* f = reinterpret_cast<const struct _proc_spawn_fd*>(m + 1);
  uint64_t seen = 0;
  if (!check_fds(f, m->nfds, &seen) || (m->cloexec & ~seen) != 0) return -EINVAL;
  *fds = f;
  return 0;
}

const char* spawn_boot_name(const char* path) {
  static const char kPrefix[] = "/proc/boot/";
  if (strncmp(path, kPrefix, sizeof kPrefix - 1) != 0) return nullptr;
  const char* name = path + sizeof kPrefix - 1;
  return name[0] != 0 && strchr(name, '/') == nullptr ? name : nullptr;
}

uint64_t spawn_build_stack(uint8_t* mem, uint64_t top, uint64_t size, const SpawnArgs& args, uint64_t entry) {
  const uint32_t argc = args.msg->argc;
  const uint32_t envc = args.msg->envc;
  const uint64_t strings = static_cast<uint64_t>(args.end - args.argv);
  const uint64_t words = 1 + argc + 1 + envc + 1 + 6;
  const uint64_t need = ((strings + 15) & ~uint64_t{15}) + words * 8 + 16;
  if (need > size) return 0;
  // Strings at the top, copied as one block; then the vector below them.
  const uint64_t strings_va = (top - strings) & ~uint64_t{15};
  const uint64_t sp = (strings_va - words * 8) & ~uint64_t{15};
  const uint64_t base = top - size;
  memcpy(mem + (strings_va - base), args.argv, strings);
  auto* vec = reinterpret_cast<uint64_t*>(mem + (sp - base));
  size_t w = 0;
  const char* s = args.argv;
  auto push_strings = [&](uint32_t n) {
    for (uint32_t i = 0; i < n; ++i) {
      vec[w++] = strings_va + static_cast<uint64_t>(s - args.argv);
      s += strlen(s) + 1;
    }
    vec[w++] = 0;
  };
  vec[w++] = argc;
  push_strings(argc);
  push_strings(envc);
  vec[w++] = kAtPagesz;
  vec[w++] = 4096;
  vec[w++] = kAtEntry;
  vec[w++] = entry;
  vec[w++] = kAtNull;
  vec[w++] = 0;
  return sp;
}

}  // namespace taskman
