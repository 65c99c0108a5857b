// Compiled only by //taskman:kernel_objects_opaque_test, which expects each
// DEREF_* / SIZEOF_* case to be refused: outside the kernel, tProcess,
// tThread, tChannel and tConnect are incomplete types (KERNEL_INTERNAL).
// The control (no case) must compile, so the headers themselves are usable.
#include <cstddef>
#include <cstdint>

#include "kernel/ipc/channel.h"
#include "kernel/proc/thread.h"

uint64_t peek(tProcess* p, tThread* t, tChannel* c, tConnect* k) {
#if defined(DEREF_PROCESS)
  return p->pid;
#elif defined(DEREF_THREAD)
  return t->tid;
#elif defined(DEREF_CHANNEL)
  return static_cast<uint64_t>(c->chid);
#elif defined(DEREF_CONNECT)
  return k->scoid;
#elif defined(SIZEOF_PROCESS)
  return sizeof(tProcess);
#elif defined(SIZEOF_THREAD)
  return sizeof(tThread);
#else
  return reinterpret_cast<uintptr_t>(p) ^ reinterpret_cast<uintptr_t>(t) ^ reinterpret_cast<uintptr_t>(c) ^
         reinterpret_cast<uintptr_t>(k);  // handles as pointers are fine
#endif
}
