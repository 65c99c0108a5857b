// TlbRecorder: counting TLB hooks.
#include "kernel/arch/host/tlb_recorder.h"

namespace {

void flush_local(void* ctx, VirtAddr va) {
  auto* r = static_cast<TlbRecorder*>(ctx);
  if (va == kFlushAllVa) {
    ++r->local_all;
  } else {
    ++r->local;
    r->last_local = va;
  }
}

void flush_remote(void* ctx, uint16_t asid, VirtAddr) {
  auto* r = static_cast<TlbRecorder*>(ctx);
  ++r->remote;
  r->last_asid = asid;
}

}  // namespace

TlbHooks TlbRecorder::hooks() { return TlbHooks{flush_local, flush_remote, this}; }
