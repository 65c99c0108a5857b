// spawn_bench_init: /proc/boot/init of the spawn benchmark's boot image. Prints
// how far the machine had come when init's main began (instructions
// retired on this hart since reset, and virtual time since boot), then the
// cost of spawn+exit+wait of a small static program (/proc/boot/nop): every
// instruction on the hart between posix_spawn and waitpid's return (libc,
// taskman, its loader, the child, the kernel) and the virtual time. Run at
// -smp 1 under -icount shift=0: bazel run //user/bench:spawn_bench
#include <spawn.h>
#include <stdint.h>
#include <stdio.h>
#include <sys/wait.h>
#include <time.h>

namespace {
uint64_t instret() {
  uint64_t v;
  asm volatile("rdinstret %0" : "=r"(v));
  return v;
}

uint64_t now_ns() {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return static_cast<uint64_t>(ts.tv_sec) * 1000000000ull + static_cast<uint64_t>(ts.tv_nsec);
}
}  // namespace

int main() {
  const uint64_t boot_insn = instret();
  const uint64_t boot_ns = now_ns();
  printf("spawn_bench: init's main after %llu instructions since reset, %llu us of virtual time since boot\n",
         static_cast<unsigned long long>(boot_insn), static_cast<unsigned long long>(boot_ns / 1000));
  char arg0[] = "nop";
  char* argv[] = {arg0, nullptr};
  constexpr int kRounds = 200;
  uint64_t insn = 0, ns = 0, best = ~0ull;
  for (int i = 0; i < kRounds + 1; ++i) {
    const uint64_t i0 = instret();
    const uint64_t t0 = now_ns();
    pid_t pid = 0;
    int status = 0;
    if (posix_spawn(&pid, "/proc/boot/nop", nullptr, nullptr, argv, nullptr) != 0 || waitpid(pid, &status, 0) != pid ||
        status != 0) {
      printf("spawn_bench: FAIL: spawn or wait of /proc/boot/nop\n");
      return 1;
    }
    const uint64_t di = instret() - i0;
    const uint64_t dt = now_ns() - t0;
    if (i == 0) continue;  // the first one warms the caches
    insn += di;
    ns += dt;
    best = di < best ? di : best;
  }
  printf("spawn_bench: spawn+exit+wait of nop: %llu instructions (best %llu), %llu us virtual, mean of %d\n",
         static_cast<unsigned long long>(insn / kRounds), static_cast<unsigned long long>(best),
         static_cast<unsigned long long>(ns / kRounds / 1000), kRounds);
  return 0;
}
