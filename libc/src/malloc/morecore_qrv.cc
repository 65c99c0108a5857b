// Board heap source: a static arena in .bss first (so programs run before
// taskman serves memory), then anonymous memory from taskman's mmap service
// through the taskman link (the one integration point, see taskman_link.h).
#include <stdint.h>

#include "libc/src/malloc/morecore.h"
#include "libc/src/neutrino/taskman_link.h"

namespace qrv::libc {
namespace {

constexpr size_t kArenaBytes = 1024 * 1024;
alignas(4096) unsigned char g_arena[kArenaBytes];
size_t g_arena_used = 0;  // guarded by the malloc lock (the only caller)

}  // namespace

void* os_morecore(size_t bytes) {
  if (bytes <= kArenaBytes - g_arena_used) {
    void* p = g_arena + g_arena_used;
    g_arena_used += bytes;
    return p;
  }
  TaskmanMmapRequest req = {bytes, 0};
  TaskmanMmapReply reply = {0, 0};
  if (taskman_call(TaskmanOp::kMmapAnon, &req, sizeof(req), &reply, sizeof(reply)) < 0) {
    return nullptr;
  }
  return reinterpret_cast<void*>(reply.addr);
}

}  // namespace qrv::libc
