// Host heap source: consecutive pieces of one large reserved range (like sbrk,
// so the allocator's segments merge), from glibc's mmap. Pages are committed
// by Linux on first touch; QRV's allocator and glibc's never share memory.
#include <sys/mman.h>

#include "libc/src/malloc/morecore.h"

namespace qrv::libc {
namespace {

constexpr size_t kReserve = size_t{16} << 30;  // 16 GiB of address space
unsigned char* g_base = nullptr;
size_t g_used = 0;  // guarded by the malloc lock (the only caller)

}  // namespace

void* os_morecore(size_t bytes) {
  if (g_base == nullptr) {
    void* p = ::mmap(nullptr, kReserve, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE,
                     -1, 0);
    if (p == MAP_FAILED) return nullptr;
    g_base = static_cast<unsigned char*>(p);
  }
  if (bytes > kReserve - g_used) return nullptr;
  void* p = g_base + g_used;
  g_used += bytes;
  return p;
}

}  // namespace qrv::libc
