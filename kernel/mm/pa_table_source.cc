// PtAllocator over pa: one quantum per table page, counted.
#include "kernel/mm/pa_table_source.h"

namespace {

Result<PhysAddr> alloc_table(void* ctx) {
  auto* src = static_cast<PaTableSource*>(ctx);
  Result<PhysAddr> page = src->pa->alloc(kPageSize, kPageSize, nullptr);
  if (page.ok()) {
    ++src->live_tables;
  }
  return page;
}

void free_table(void* ctx, PhysAddr table) {
  auto* src = static_cast<PaTableSource*>(ctx);
  src->pa->free(table, kPageSize);
  --src->live_tables;
}

void* phys_to_virt(void* ctx, PhysAddr table) {
  auto* src = static_cast<PaTableSource*>(ctx);
  return reinterpret_cast<void*>(static_cast<uintptr_t>(table.value() + src->virt_offset));
}

}  // namespace

PtAllocator pa_table_allocator(PaTableSource* src) {
  return PtAllocator{alloc_table, free_table, phys_to_virt, src};
}
