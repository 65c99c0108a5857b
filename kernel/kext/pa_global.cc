// The kernel's one physical allocator and its seed-named entry points.
// constinit: no constructor runs at boot; pa_init fills it in explicitly.
#include "kernel/kext/pa.h"

namespace {

constinit PhysAllocator g_pa;

}  // namespace

PhysAllocator& pa_global() { return g_pa; }

Status pa_init(std::span<const PaRegion> memory, std::span<const PaRegion> reserved,
               std::span<pa_quantum> storage) {
  return g_pa.init(memory, reserved, storage);
}

Result<PhysAddr> pa_alloc(uint64_t bytes, uint64_t align, const PaRestrict* restrict_chain) {
  return g_pa.alloc(bytes, align, restrict_chain);
}

Result<PhysAddr> pa_alloc_given(PhysAddr addr, uint64_t bytes) {
  return g_pa.alloc_given(addr, bytes);
}

void pa_free(PhysAddr addr, uint64_t bytes) { g_pa.free(addr, bytes); }

uint64_t mem_free_size() { return g_pa.free_size(); }

uint64_t mem_reserved_size() { return g_pa.reserved_size(); }

PaCheckReport pa_check() { return g_pa.check(); }
