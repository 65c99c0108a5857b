// Host stand-in for RAM: a page-aligned heap buffer pretending to live at
// physical address kBase, managed by a real PhysAllocator, so host tests run
// pa, the Sv39 engine and the slab heap on "physical" memory. The buffer is
// 2 MiB-aligned, so virtual and physical alignment agree up to 2 MiB.
#pragma once

#include <cstdint>
#include <vector>

#include "kernel/kext/pa.h"
#include "kernel/mm/pa_table_source.h"
#include "kernel/mm/page_table.h"

class SimPhysMem {
 public:
  static constexpr uint64_t kBase = 0x80000000ull;

  explicit SimPhysMem(uint64_t bytes);
  ~SimPhysMem();
  SimPhysMem(const SimPhysMem&) = delete;
  SimPhysMem& operator=(const SimPhysMem&) = delete;

  PhysAllocator& pa() { return pa_; }
  // Host pointer = physical address + virt_offset() (the simulated direct map).
  uint64_t virt_offset() const { return offset_; }
  void* virt(PhysAddr p) const { return reinterpret_cast<void*>(p.value() + offset_); }
  uint64_t size() const { return bytes_; }

  PaTableSource& table_source() { return tables_; }
  const PaTableSource& table_source() const { return tables_; }
  const PtAllocator* pt_allocator() const { return &pt_alloc_; }

 private:
  uint64_t bytes_;
  uint8_t* buf_;
  uint64_t offset_;
  std::vector<pa_quantum> meta_;
  PhysAllocator pa_;
  PaTableSource tables_;
  PtAllocator pt_alloc_;
};
