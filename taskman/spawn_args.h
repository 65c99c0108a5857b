// A _PROC_SPAWN or _PROC_FORK message (sys/procmsg.h), checked, and the initial stack the
// loader builds from it. Both are plain logic over untrusted bytes, tested
// on the host: the message comes from any process.
#pragma once

#include <stddef.h>
#include <stdint.h>
#include "libc/include/sys/procmsg.h"

namespace taskman {

inline constexpr uint32_t kSpawnMaxStrings = 1024;  // argc + envc

struct SpawnArgs {
  const struct _proc_spawn* msg;
  const struct _proc_spawn_fd* fds;  // msg->nfds of them
  const char* path;     // the first string
  const char* argv;     // argc strings, one after another
  const char* envp;     // envc strings
  const char* end;      // one past the last string's NUL
};

// Checks a message of `len` bytes at `msg` (its header's size must be len):
// 0 or -errno (EINVAL for malformed, E2BIG past the limits).
int spawn_args_parse(const void* msg, size_t len, SpawnArgs* out);

// A _PROC_FORK message of `len` bytes, checked: 0 or -EINVAL (a wrong
// size, reserved bits, bad descriptors, an entry outside [code_lo,
// code_hi), a misaligned or null sp, cloexec bits of absent descriptors).
// *fds: its descriptors, right after it.
int fork_args_parse(const void* msg, size_t len, uint64_t code_lo, uint64_t code_hi,
                    const struct _proc_spawn_fd** fds);

// The name under /proc/boot that `path` names ("/proc/boot/NAME"), or
// nullptr (ENOENT: nothing else holds programs yet).
const char* spawn_boot_name(const char* path);

// The System V / psABI initial stack: argc, argv[], NULL, envp[], NULL,
// auxv pairs (AT_PAGESZ, AT_ENTRY, AT_NULL), the strings above them. Built
// in `mem`, which the program sees at [top - size, top). Returns the
// program's sp (16-aligned), or 0 if it does not fit (E2BIG).
uint64_t spawn_build_stack(uint8_t* mem, uint64_t top, uint64_t size, const SpawnArgs& args, uint64_t entry);

}  // namespace taskman
