// The sigstub on the host (sigstub.h), where no kernel enters it and the
// compiler's own ABI keeps floating point: the handler, then SignalReturn.
#include "libc/src/posix/sigstub.h"

#include "libc/src/neutrino/neutrino_api.h"

extern "C" void __qrv_sigstub(int signo, void* info, void* context, void (*handler)(int, void*, void*)) {
  handler(signo, info, context);
  qrv::libc::SignalReturn_r(context);
  __builtin_trap();  // the kernel refused the context: nothing to resume
}
