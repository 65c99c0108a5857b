// __qrv_libc_start: the C++ half of program start-up, called by crt0's
// _start with the stack's argc/argv/envp/auxv. Installs the main thread's
// block (tp: errno and thread identity), publishes environ, runs main and
// exits with its result (so atexit handlers run and streams are flushed).
#include <stdint.h>

#include "libc/src/common/entrypoint.h"
#include "libc/src/common/environ.h"
#include "libc/src/common/thread_block.h"
#include "libc/src/stdlib/stdlib_api.h"

extern "C" int main(int argc, char** argv, char** envp);

namespace qrv::libc {

// The auxiliary vector (pairs of type and value, ending with type 0).
const uint64_t* g_auxv = nullptr;

}  // namespace qrv::libc

extern "C" [[noreturn]] void __qrv_libc_start(int argc, char** argv, char** envp, const uint64_t* auxv) {
  using namespace qrv::libc;
  install_thread_block(main_thread_block());
  environ = envp;
  g_auxv = auxv;
  exit(main(argc, argv, envp));
}
