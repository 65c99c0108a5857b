// Host build of the thread block: a thread_local, since host tests run on
// glibc's threads and must not touch the x86 thread pointer.
#include "libc/src/common/errno.h"
#include "libc/src/common/thread_block.h"

namespace qrv::libc {
namespace {
thread_local ThreadBlock t_block = {nullptr, 0, 0, nullptr, nullptr, nullptr, nullptr, {}};
ThreadBlock g_main_block = {nullptr, 0, 0, nullptr, nullptr, nullptr, nullptr, {}};
}  // namespace

ThreadBlock* current_thread_block() {
  t_block.self_ = &t_block;
  return &t_block;
}

void install_thread_block(ThreadBlock* block) {
  // Host threads are glibc's: their block is the thread_local; copy identity in.
  t_block.tid_ = block->tid_;
}

ThreadBlock* main_thread_block() { return &g_main_block; }

int* __errno_location() { return &current_thread_block()->errno_value_; }

}  // namespace qrv::libc
