// SimPhysMem: one aligned buffer, one pa over it.
#include "kernel/arch/host/sim_phys_mem.h"

#include <cstdlib>

#include "kernel/lib/panic.h"

SimPhysMem::SimPhysMem(uint64_t bytes)
    : bytes_(align_up(bytes, kPageSize)),
      buf_(static_cast<uint8_t*>(std::aligned_alloc(kMegaPageSize, align_up(bytes_, kMegaPageSize)))),
      offset_(reinterpret_cast<uint64_t>(buf_) - kBase) {
  if (buf_ == nullptr) {
    kpanic("SimPhysMem: cannot allocate %lu bytes", static_cast<unsigned long>(bytes_));
  }
  const PaRegion mem[] = {{PhysAddr(kBase), bytes_}};
  meta_.resize(PhysAllocator::metadata_bytes(mem) / sizeof(pa_quantum));
  if (pa_.init(mem, {}, meta_) != Status::kOk) {
    kpanic("SimPhysMem: pa_init failed");
  }
  tables_.pa = &pa_;
  tables_.virt_offset = offset_;
  pt_alloc_ = pa_table_allocator(&tables_);
}

SimPhysMem::~SimPhysMem() { std::free(buf_); }
