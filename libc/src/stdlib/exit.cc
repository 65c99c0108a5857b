// atexit, exit, _Exit, _exit and abort. exit runs the atexit handlers in reverse
// order of registration, flushes every stream, then ends the process with
// ThreadDestroy(-1, -1, status): tid -1 destroys every thread of the process.
#include <stdint.h>

#include "libc/src/common/entrypoint.h"
#include "libc/src/neutrino/lock.h"
#include "libc/src/neutrino/neutrino_api.h"
#include "libc/src/stdio/stdio_api.h"
#include "libc/src/stdlib/stdlib_api.h"

namespace qrv::libc {
namespace {

constexpr int kMaxHandlers = 64;  // C17 7.22.4.2 asks for at least 32
constexpr int kSigAbrt = 6;

void (*g_handlers[kMaxHandlers])();
int g_handler_count = 0;  // guarded by g_handler_lock
Lock g_handler_lock;

void lock_handlers() { g_handler_lock.lock(); }

void unlock_handlers() { g_handler_lock.unlock(); }

}  // namespace

QRV_LIBC_FN(int, atexit, (void (*fn)())) {
  lock_handlers();
  const bool full = g_handler_count == kMaxHandlers;
  if (!full) g_handlers[g_handler_count++] = fn;
  unlock_handlers();
  return full ? -1 : 0;
}

QRV_LIBC_FN(void, _Exit, (int status)) {
  ThreadDestroy_r(-1, -1, reinterpret_cast<void*>(static_cast<intptr_t>(status)));
  // Only reached if the kernel refused: nothing sane is left to do.
  __builtin_trap();
}

QRV_LIBC_FN(void, _exit, (int status)) { _Exit(status); }

QRV_LIBC_FN(void, exit, (int status)) {
  for (;;) {
    lock_handlers();
    if (g_handler_count == 0) {
      unlock_handlers();
      break;
    }
    void (*fn)() = g_handlers[--g_handler_count];
    unlock_handlers();  // a handler may call atexit
    fn();
  }
  fflush(nullptr);
  _Exit(status);
}

QRV_LIBC_FN(void, abort, ()) {
  SignalKill_r(0, 0, 0, kSigAbrt, 0, 0);  // the default action ends the process
  _Exit(128 + kSigAbrt);
}

}  // namespace qrv::libc
