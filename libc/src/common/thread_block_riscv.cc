// RISC-V build of the thread block: tp holds its address (psABI: tp is the
// thread pointer and is never allocated by the compiler). errno lives in it.
#include "libc/src/common/entrypoint.h"
#include "libc/src/common/errno.h"
#include "libc/src/common/thread_block.h"

namespace qrv::libc {
namespace {
// A process's first thread is tid 1 (kernel/abi/types.h, qrv_thread_attr).
ThreadBlock g_main_block = {&g_main_block, 0, 1, nullptr, nullptr, nullptr, nullptr, {}};
}  // namespace

ThreadBlock* current_thread_block() {
  ThreadBlock* block;
  asm volatile("mv %0, tp" : "=r"(block));
  return block;
}

void install_thread_block(ThreadBlock* block) { asm volatile("mv tp, %0" : : "r"(block) : "memory"); }

ThreadBlock* main_thread_block() { return &g_main_block; }

QRV_LIBC_FN(int*, __errno_location, ()) { return &current_thread_block()->errno_value_; }

}  // namespace qrv::libc
