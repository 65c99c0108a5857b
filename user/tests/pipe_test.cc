// pipe_test: pipes through the pipe manager, between threads of work in one
// process and between processes: data in order, end of file, EPIPE and
// SIGPIPE, O_NONBLOCK, PIPE_BUF atomicity with two writers, 1 MiB with every
// byte checked, and a reader killed while blocked taking nothing with it.
// Children are this program under other names (argv[0]).
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "user/tests/check.h"

using qrv_test::expect;
using qrv_test::expect_eq;

extern char** environ;

namespace {

constexpr long kMiB = 1 << 20;

unsigned char pattern(long i) { return static_cast<unsigned char>((i * 7 + 3) ^ (i >> 9)); }

long err(long r) { return r < 0 ? -errno : r; }

// Spawns this program as `role` with the pipe end `fd` as its fd 3.
pid_t child(const char* role, int fd, const char* arg) {
  posix_spawn_file_actions_t fa;
  posix_spawn_file_actions_init(&fa);
  posix_spawn_file_actions_adddup2(&fa, fd, 3);
  posix_spawnattr_t attr;
  posix_spawnattr_init(&attr);
  sigset_t dfl;
  sigemptyset(&dfl);
  sigaddset(&dfl, SIGPIPE);
  posix_spawnattr_setsigdefault(&attr, &dfl);
  posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETSIGDEF);
  char* argv[] = {const_cast<char*>(role), const_cast<char*>(arg), nullptr};
  pid_t pid = -1;
  const int r = posix_spawn(&pid, "/proc/boot/pipe_test", &fa, &attr, argv, environ);
  posix_spawn_file_actions_destroy(&fa);
  return r == 0 ? pid : -1;
}

int status_of(pid_t pid) {
  int status = -1;
  return waitpid(pid, &status, 0) == pid ? status : -1;
}

// Children: what each role does with fd 3.
int source(long bytes) {  // writes the pattern in odd-sized pieces
  static unsigned char buf[3000];
  for (long at = 0; at < bytes;) {
    const long n = bytes - at < static_cast<long>(sizeof buf) ? bytes - at : static_cast<long>(sizeof buf);
    for (long i = 0; i < n; ++i) buf[i] = pattern(at + i);
    if (write(3, buf, static_cast<size_t>(n)) != n) return 2;
    at += n;
  }
  return 0;
}

int blocks(int value) {  // 64 atomic writes of PIPE_BUF bytes
  static unsigned char buf[PIPE_BUF];
  memset(buf, value, sizeof buf);
  for (int i = 0; i < 64; ++i) {
    if (write(3, buf, sizeof buf) != static_cast<ssize_t>(sizeof buf)) return 2;
  }
  return 0;
}

void basics() {
  int fds[2];
  expect_eq(pipe(fds), 0, "pipe");
  expect_eq(write(fds[1], "hello", 5), 5, "write 5 bytes");
  char buf[16] = {};
  expect_eq(read(fds[0], buf, sizeof buf), 5, "read them: what is there, not what was asked");
  expect(memcmp(buf, "hello", 5) == 0, "in order");
  struct stat st;
  expect(fstat(fds[0], &st) == 0 && S_ISFIFO(st.st_mode), "a pipe is a FIFO");
  expect_eq(err(lseek(fds[0], 0, SEEK_SET)), -ESPIPE, "lseek: ESPIPE");
  expect_eq(err(pread(fds[0], buf, 1, 0)), -ESPIPE, "pread: ESPIPE");
  expect_eq(err(read(fds[1], buf, 1)), -EBADF, "read the write end: EBADF");
  expect_eq(err(write(fds[0], "x", 1)), -EBADF, "write the read end: EBADF");
  expect_eq(write(fds[1], "ab", 2), 2, "write before closing");
  expect_eq(close(fds[1]), 0, "close the write end");
  expect_eq(read(fds[0], buf, 1), 1, "what was written stays readable");
  expect_eq(read(fds[0], buf, 8), 1, "to the last byte");
  expect_eq(read(fds[0], buf, 8), 0, "then end of file");
  close(fds[0]);

  expect_eq(pipe(fds), 0, "another pipe");
  signal(SIGPIPE, SIG_IGN);
  close(fds[0]);
  expect_eq(err(write(fds[1], "x", 1)), -EPIPE, "write with no reader: EPIPE");
  signal(SIGPIPE, SIG_DFL);
  close(fds[1]);
  expect_eq(err(pipe2(fds, O_APPEND)), -EINVAL, "pipe2 with a flag it does not take: EINVAL");
}

void nonblocking() {
  int fds[2];
  expect_eq(pipe2(fds, O_NONBLOCK | O_CLOEXEC), 0, "pipe2 O_NONBLOCK|O_CLOEXEC");
  expect((fcntl(fds[0], F_GETFL) & O_NONBLOCK) != 0 && fcntl(fds[1], F_GETFD) == FD_CLOEXEC, "its flags");
  char buf[PIPE_BUF];
  expect_eq(err(read(fds[0], buf, 1)), -EAGAIN, "read an empty pipe: EAGAIN");
  memset(buf, 'z', sizeof buf);
  long total = 0;
  for (int i = 0; i < 100; ++i) {
    const ssize_t n = write(fds[1], buf, sizeof buf);
    if (n < 0) break;
    total += n;
  }
  expect(errno == EAGAIN && total >= PIPE_BUF && total % PIPE_BUF == 0, "a full pipe: EAGAIN, whole writes only");
  expect_eq(err(write(fds[1], buf, 1)), -EAGAIN, "not even one byte more");
  expect_eq(read(fds[0], buf, 10), 10, "room for 10 bytes");
  expect_eq(err(write(fds[1], buf, PIPE_BUF)), -EAGAIN, "a PIPE_BUF write does not split");
  expect_eq(write(fds[1], buf, 10), 10, "10 bytes go in");
  expect_eq(fcntl(fds[0], F_SETFL, 0), 0, "F_SETFL: blocking again");
  expect_eq(fcntl(fds[0], F_GETFL) & O_NONBLOCK, 0, "F_GETFL shows it");
  close(fds[0]);
  close(fds[1]);
}

void between_processes() {
  int fds[2];
  expect_eq(pipe(fds), 0, "a pipe for 1 MiB");
  char arg[16];
  snprintf(arg, sizeof arg, "%ld", kMiB);
  const pid_t src = child("pipe_source", fds[1], arg);
  expect(src > 0, "spawn the writer");
  close(fds[1]);  // the writer's is the only write end now
  static unsigned char buf[5000];
  long got = 0;
  long wrong = 0;
  for (;;) {
    const ssize_t n = read(fds[0], buf, sizeof buf);
    if (n <= 0) break;
    for (ssize_t i = 0; i < n; ++i) wrong += buf[i] != pattern(got + i);
    got += n;
  }
  expect_eq(got, kMiB, "1 MiB through a pipe, then end of file");
  expect_eq(wrong, 0, "every byte in order");
  expect_eq(status_of(src), 0, "the writer exits 0");
  close(fds[0]);

  expect_eq(pipe(fds), 0, "a pipe for two writers");
  const pid_t a = child("pipe_blocks", fds[1], "65");
  const pid_t b = child("pipe_blocks", fds[1], "66");
  close(fds[1]);
  static unsigned char block[PIPE_BUF];
  long blocks_seen = 0, mixed = 0;
  size_t fill = 0;
  for (;;) {
    const ssize_t n = read(fds[0], block + fill, sizeof block - fill);
    if (n <= 0) break;
    fill += static_cast<size_t>(n);
    if (fill < sizeof block) continue;
    for (unsigned char c : block) mixed += c != block[0];
    ++blocks_seen;
    fill = 0;
  }
  expect_eq(blocks_seen, 128, "128 blocks of PIPE_BUF from two writers");
  expect_eq(mixed, 0, "each one whole: writes of PIPE_BUF are atomic");
  expect(status_of(a) == 0 && status_of(b) == 0, "both writers exit 0");
  close(fds[0]);

  expect_eq(pipe(fds), 0, "a pipe with no reader");
  close(fds[0]);
  const pid_t victim = child("pipe_source", fds[1], "10");
  close(fds[1]);
  const int st = status_of(victim);
  expect(WIFSIGNALED(st) && WTERMSIG(st) == SIGPIPE, "a writer with no reader dies of SIGPIPE");
}

void killed_reader() {
  int fds[2];
  expect_eq(pipe(fds), 0, "a pipe shared with a reader");
  const pid_t r = child("pipe_reader", fds[0], "");
  const struct timespec ms20 = {0, 20000000};
  nanosleep(&ms20, nullptr);  // it blocks in read
  expect_eq(kill(r, SIGKILL), 0, "kill the blocked reader");
  const int st = status_of(r);
  expect(WIFSIGNALED(st) && WTERMSIG(st) == SIGKILL, "it died");
  expect_eq(write(fds[1], "q", 1), 1, "write after its death");
  char c = 0;
  expect(read(fds[0], &c, 1) == 1 && c == 'q', "the byte is ours, not the dead reader's");
  close(fds[0]);
  close(fds[1]);
}

}  // namespace

int main(int argc, char** argv) {
  if (strcmp(argv[0], "pipe_source") == 0 && argc == 2) return source(atol(argv[1]));
  if (strcmp(argv[0], "pipe_blocks") == 0 && argc == 2) return blocks(atoi(argv[1]));
  if (strcmp(argv[0], "pipe_reader") == 0) {
    char c;
    return read(3, &c, 1) == 1 ? 0 : 2;
  }
  basics();
  nonblocking();
  between_processes();
  killed_reader();
  return qrv_test::report("pipe_test");
}
