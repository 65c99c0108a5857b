// Board heap source: a static arena in .bss first (so programs run before
// taskman serves memory), then anonymous memory from taskman (_PROC_MMAP).
#include <stdint.h>

#include "libc/src/malloc/morecore.h"
#include "libc/include/sys/procmsg.h"
#include "libc/src/neutrino/taskman_link.h"

namespace qrv::libc {
namespace {

constexpr size_t kArenaBytes = 1024 * 1024;
constexpr uint32_t kProtReadWrite = 3;  // PROT_READ | PROT_WRITE
alignas(4096) unsigned char g_arena[kArenaBytes];
size_t g_arena_used = 0;  // guarded by the malloc lock (the only caller)

}  // namespace

void* os_morecore(size_t bytes) {
  if (bytes <= kArenaBytes - g_arena_used) {
    void* p = g_arena + g_arena_used;
    g_arena_used += bytes;
    return p;
  }
  const _proc_mmap req = {{_PROC_MMAP, 0, sizeof req}, bytes, kProtReadWrite, 0};
  _proc_mmap_reply reply = {0, 0};
  if (taskman_send(&req, sizeof(req), &reply, sizeof(reply)) < 0) {
    return nullptr;
  }
  return reinterpret_cast<void*>(reply.addr);
}

}  // namespace qrv::libc
