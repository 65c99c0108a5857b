// spawn_bench_init: /proc/boot/init of the spawn benchmark's boot image. Prints
// how far the machine had come when init's main began (instructions
// retired on this hart since reset, and virtual time since boot), then the
// cost of spawn+exit+wait of a small static program (/proc/boot/nop): every
// instruction on the hart between posix_spawn and waitpid's return (libc,
// taskman, its loader, the child, the kernel) and the virtual time; then
// the same for fork+exit+wait of init itself. Run at
// -smp 1 under -icount shift=0: bazel run //user/bench:spawn_bench
#include <spawn.h>
#include <stdint.h>
#include <stdio.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

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
// Prints the mean and best instructions and the mean virtual time of
// kRounds runs of op (after one that warms the caches); false if one failed.
template <typename Op>
bool measure(const char* what, Op op) {
  constexpr int kRounds = 200;
  uint64_t insn = 0, ns = 0, best = ~0ull;
  for (int i = 0; i < kRounds + 1; ++i) {
    const uint64_t i0 = instret();
    const uint64_t t0 = now_ns();
    if (!op()) {
      printf("spawn_bench: FAIL: %s\n", what);
      return false;
    }
    const uint64_t di = instret() - i0;
    const uint64_t dt = now_ns() - t0;
    if (i == 0) continue;
    insn += di;
    ns += dt;
    best = di < best ? di : best;
  }
  printf("spawn_bench: %s: %llu instructions (best %llu), %llu us virtual, mean of %d\n", what,
         static_cast<unsigned long long>(insn / kRounds), static_cast<unsigned long long>(best),
         static_cast<unsigned long long>(ns / kRounds / 1000), kRounds);
  return true;
}

}  // namespace

int main() {
  const uint64_t boot_insn = instret();
  const uint64_t boot_ns = now_ns();
  printf("spawn_bench: init's main after %llu instructions since reset, %llu us of virtual time since boot\n",
         static_cast<unsigned long long>(boot_insn), static_cast<unsigned long long>(boot_ns / 1000));
  char arg0[] = "nop";
  char* argv[] = {arg0, nullptr};
  const bool spawned = measure("spawn+exit+wait of nop", [&] {
    pid_t pid = 0;
    int status = 0;
    return posix_spawn(&pid, "/proc/boot/nop", nullptr, nullptr, argv, nullptr) == 0 &&
           waitpid(pid, &status, 0) == pid && status == 0;
  });
  // The child is a copy of this program (its touched pages copied now).
  const bool forked = measure("fork+exit+wait", [] {
    const pid_t pid = fork();
    if (pid == 0) _exit(0);
    int status = 0;
    return pid > 0 && waitpid(pid, &status, 0) == pid && status == 0;
  });
  return spawned && forked ? 0 : 1;
}
