// io_bench_init: /proc/boot/init of the I/O benchmark's boot image. Starts
// the servers (devnull, pipe) as a boot script would, then prints, in
// instructions on this hart (every one between the call and its return:
// libc, the kernel, the server), the mean of many rounds of:
//   read of 0 bytes from /dev/null, write of 64 bytes to /dev/null,
//   open+close of /dev/null, and a 4 KiB round trip through two pipes
//   between this process and a child that echoes (write 4 KiB, the child
//   reads and writes them back, read 4 KiB).
// Run at -smp 1 under -icount shift=0: bazel run //user/bench:io_bench
#include <fcntl.h>
#include <spawn.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "user/init/start_server.h"

namespace {

uint64_t instret() {
  uint64_t v;
  asm volatile("rdinstret %0" : "=r"(v));
  return v;
}

template <typename Op>
void measure(const char* what, int rounds, Op&& op) {
  op();  // warm
  const uint64_t i0 = instret();
  for (int i = 0; i < rounds; ++i) op();
  printf("io_bench: %s: %llu instructions, mean of %d\n", what,
         static_cast<unsigned long long>((instret() - i0) / static_cast<uint64_t>(rounds)), rounds);
}

// The child: echoes 4 KiB blocks from fd 3 to fd 4 until end of file.
int echo() {
  static char buf[4096];
  for (;;) {
    size_t got = 0;
    while (got < sizeof buf) {
      const ssize_t n = read(3, buf + got, sizeof buf - got);
      if (n <= 0) return n == 0 ? 0 : 1;
      got += static_cast<size_t>(n);
    }
    if (write(4, buf, sizeof buf) != static_cast<ssize_t>(sizeof buf)) return 1;
  }
}

}  // namespace

int main(int, char** argv) {
  if (strcmp(argv[0], "echo") == 0) return echo();
  if (qrv_init::start_server("devnull", "/dev/null", "io_bench") < 0 ||
      qrv_init::start_server("pipe", "/dev/pipe", "io_bench") < 0) {
    printf("io_bench: FAIL: the servers did not start\n");
    return 1;
  }
  const int fd = open("/dev/null", O_RDWR);
  static char buf[4096];
  measure("read 0 bytes of /dev/null", 1000, [&] { (void)read(fd, buf, 0); });
  measure("write 64 bytes to /dev/null", 1000, [&] { (void)write(fd, buf, 64); });
  measure("open+close /dev/null", 200, [&] { close(open("/dev/null", O_RDONLY)); });
  int to[2], from[2];
  if (pipe(to) != 0 || pipe(from) != 0) {
    printf("io_bench: FAIL: pipe\n");
    return 1;
  }
  posix_spawn_file_actions_t fa;
  posix_spawn_file_actions_init(&fa);
  posix_spawn_file_actions_adddup2(&fa, to[0], 3);
  posix_spawn_file_actions_adddup2(&fa, from[1], 4);
  char* echo_argv[] = {const_cast<char*>("echo"), nullptr};
  pid_t child;
  if (posix_spawn(&child, "/proc/boot/init", &fa, nullptr, echo_argv, nullptr) != 0) {
    printf("io_bench: FAIL: spawn the echo\n");
    return 1;
  }
  close(to[0]);
  close(from[1]);
  measure("4 KiB pipe round trip between two processes", 200, [&] {
    (void)write(to[1], buf, sizeof buf);
    size_t got = 0;
    while (got < sizeof buf) {
      const ssize_t n = read(from[0], buf + got, sizeof buf - got);
      if (n <= 0) break;
      got += static_cast<size_t>(n);
    }
  });
  return 0;
}
