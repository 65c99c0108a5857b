// kpanic: the kernel's one way to stop on a broken invariant. Never for bad
// user input (that is an error value); for corrupted kernel state only.
// On the board it prints, backtraces and shuts the machine down as failed;
// in host tests (//kernel/arch/host:panic) it prints to stderr and aborts,
// so tests can check it with EXPECT_DEATH.
#pragma once

[[noreturn]] void kpanic(const char* fmt, ...) __attribute__((format(printf, 1, 2)));
