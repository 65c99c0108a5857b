// kernel_counts: processes, threads and timers from the process table,
// message-passing objects from kernel/ipc, memory from kheap (and the
// address-space cache) and pa.
#include "kernel/proc/counts.h"

#include "kernel/ipc/channel.h"
#include "kernel/kext/pa.h"
#include "kernel/mm/kheap.h"
#include "kernel/mm/mm_init.h"
#include "kernel/proc/process.h"

qrv_kernel_counts kernel_counts() {
  qrv_kernel_counts c = {};
  const ProcessCounts p = process_counts();
  c.processes = p.processes;
  c.threads = p.threads;
  c.timers = p.timers;
  const IpcCounts& ipc = ipc_counts();
  c.channels = ipc.channels;
  c.connections = ipc.connections;
  c.pulses = ipc.pulses;
  for (uint32_t i = 0; i < kHeapClasses; ++i) {
    const SlabCache& cls = kheap().size_class(i);
    c.heap_bytes += cls.stats().in_use * cls.object_size();
  }
  c.heap_bytes += kheap().large_stats().pages * 4096;
  const SlabCache& spaces = mm_spaces().cache.cache();  // tAddress objects: their own slab cache
  c.heap_bytes += spaces.stats().in_use * spaces.object_size();
  c.free_bytes = mem_free_size();
  c.user_bytes = p.user_pages * 4096;
  return c;
}
