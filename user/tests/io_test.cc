// io_test: files the QNX way, end to end. Each call goes through taskman's
// path manager to a server (devnull for /dev/null and /dev/zero, taskman for
// /proc/boot and the made-up directories above mount points) and back:
// open/read/write/close on each, path resolution and its errors, the cwd,
// dup/dup2/fcntl, readdir, the descriptor limit, what a spawned child
// inherits (descriptors without close-on-exec, file actions, fd_map, cwd),
// and that no server so far is a terminal (termios.h's devctls: ENOTTY).
#include <devctl.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/neutrino.h>
#include <sys/procmsg.h>
#include <sys/stat.h>
#include <sys/uio.h>
#include <sys/wait.h>
#include <termios.h>
#include <unistd.h>

#include "user/tests/check.h"

using qrv_test::expect;
using qrv_test::expect_eq;

namespace {

// -errno of a failed call, or its result.
long err(long r) { return r < 0 ? -errno : r; }

bool dir_has(const char* path, const char* name) {
  DIR* d = opendir(path);
  if (d == nullptr) return false;
  bool found = false;
  while (struct dirent* e = readdir(d)) found = found || strcmp(e->d_name, name) == 0;
  closedir(d);
  return found;
}

void dev_null_and_zero() {
  const int fd = open("/dev/null", O_RDWR);
  expect(fd >= 0, "open /dev/null");
  char buf[256];
  expect_eq(read(fd, buf, 0), 0, "read 0 bytes of /dev/null");
  expect_eq(read(fd, buf, sizeof buf), 0, "/dev/null is at end of file");
  memset(buf, 'x', sizeof buf);
  expect_eq(write(fd, buf, 64), 64, "write 64 bytes to /dev/null");
  expect_eq(write(fd, buf, 0), 0, "write 0 bytes to /dev/null");
  struct stat st;
  expect_eq(fstat(fd, &st), 0, "fstat /dev/null");
  expect(S_ISCHR(st.st_mode) && (st.st_mode & 0777) == 0666, "/dev/null is a character device, 0666");
  expect_eq(read(fd, reinterpret_cast<void*>(0x10), 8), 0, "a bad buffer is never touched at end of file");
  expect_eq(close(fd), 0, "close /dev/null");
  expect_eq(err(close(fd)), -EBADF, "close it twice: EBADF");
  expect_eq(err(read(fd, buf, 1)), -EBADF, "read a closed fd: EBADF");

  const int z = open("/dev/zero", O_RDONLY);
  expect(z >= 0, "open /dev/zero");
  memset(buf, 0xff, sizeof buf);
  expect_eq(read(z, buf, sizeof buf), sizeof buf, "read /dev/zero");
  bool zeros = true;
  for (char c : buf) zeros = zeros && c == 0;
  expect(zeros, "/dev/zero reads zeros");
  expect_eq(err(write(z, buf, 1)), -EBADF, "write to a read-only fd: EBADF");
  expect_eq(err(read(z, reinterpret_cast<void*>(0x10), 8)), -EFAULT, "read into a bad buffer: EFAULT");
  static char big[40000];
  const ssize_t n = read(z, big, sizeof big);
  expect(n > 0 && n <= static_cast<ssize_t>(sizeof big), "a big read of /dev/zero: all, or a short read");
  expect_eq(close(z), 0, "close /dev/zero");
}

void proc_boot() {
  expect(dir_has("/proc/boot", "io_test"), "readdir /proc/boot lists io_test");
  expect(dir_has("/proc/boot", "taskman"), "readdir /proc/boot lists taskman");
  expect(!dir_has("/proc/boot", "."), "readdir /proc/boot lists no '.'");
  struct stat st;
  expect_eq(stat("/proc/boot", &st), 0, "stat /proc/boot");
  expect(S_ISDIR(st.st_mode), "/proc/boot is a directory");
  expect_eq(stat("/proc/boot/io_test", &st), 0, "stat /proc/boot/io_test");
  expect(S_ISREG(st.st_mode) && st.st_size > 1000, "io_test is a regular file of its size");
  const int fd = open("/proc/boot/io_test", O_RDONLY);
  expect(fd >= 0, "open /proc/boot/io_test");
  char magic[4] = {};
  expect_eq(read(fd, magic, 4), 4, "read its first 4 bytes");
  expect(memcmp(magic, "\177ELF", 4) == 0, "they are the ELF magic");
  expect_eq(pread(fd, magic, 3, 1), 3, "pread 3 bytes at 1");
  expect(memcmp(magic, "ELF", 3) == 0, "pread reads at its offset");
  expect_eq(lseek(fd, 0, SEEK_CUR), 4, "pread leaves the offset alone");
  const int d = dup(fd);
  expect(d >= 0 && d != fd, "dup");
  char next[4];
  expect_eq(read(d, next, 4), 4, "read through the dup");
  expect_eq(lseek(fd, 0, SEEK_CUR), 8, "dup'd descriptors share the offset");
  expect_eq(lseek(fd, 0, SEEK_END), st.st_size, "lseek to the end");
  expect_eq(read(fd, next, 4), 0, "end of file");
  expect_eq(err(lseek(fd, -1, SEEK_SET)), -EINVAL, "lseek before the start: EINVAL");
  expect_eq(dup2(fd, 20), 20, "dup2 to 20");
  expect_eq(dup2(fd, 20), 20, "dup2 onto an open fd replaces it");
  expect_eq(fcntl(20, F_GETFD), 0, "F_GETFD: not close-on-exec");
  expect_eq(fcntl(20, F_SETFD, FD_CLOEXEC), 0, "F_SETFD FD_CLOEXEC");
  expect_eq(fcntl(20, F_GETFD), FD_CLOEXEC, "F_GETFD: close-on-exec");
  expect_eq(fcntl(20, F_GETFL) & O_ACCMODE, O_RDONLY, "F_GETFL: O_RDONLY");
  expect_eq(fcntl(fd, F_DUPFD, 30), 30, "F_DUPFD at 30");
  expect_eq(err(fcntl(63, F_GETFD)), -EBADF, "F_GETFD of a closed fd: EBADF");
  expect_eq(err(dup2(fd, 64)), -EBADF, "dup2 past OPEN_MAX: EBADF");
  const int open_fds[] = {fd, d, 20, 30};
  for (int f : open_fds) expect_eq(close(f), 0, "close a /proc/boot fd");
  expect_eq(err(open("/proc/boot/io_test", O_WRONLY)), -EROFS, "write to /proc/boot: EROFS");
  expect_eq(err(open("/proc/boot/new", O_WRONLY | O_CREAT, 0644)), -EROFS, "create in /proc/boot: EROFS");
  expect_eq(err(unlink("/proc/boot/io_test")), -EROFS, "unlink in /proc/boot: EROFS");
  expect_eq(err(mkdir("/proc/boot/d", 0755)), -EROFS, "mkdir in /proc/boot: EROFS");
  expect_eq(err(open("/proc/boot/io_test", O_RDONLY | O_DIRECTORY)), -ENOTDIR, "O_DIRECTORY on a file: ENOTDIR");
  expect_eq(err(open("/proc/boot/io_test/x", O_RDONLY)), -ENOTDIR, "a file as a directory: ENOTDIR");
}

void paths() {
  expect_eq(err(open("", O_RDONLY)), -ENOENT, "open \"\": ENOENT");
  expect_eq(err(open("/no/such/file", O_RDONLY)), -ENOENT, "open a path nobody owns: ENOENT");
  expect_eq(err(open("/dev/null/x", O_RDONLY)), -ENOTDIR, "below /dev/null: ENOTDIR");
  expect_eq(err(open("/dev/null", O_ACCMODE)), -EINVAL, "access mode 3: EINVAL");
  static char long_path[1100];
  memset(long_path, 'a', sizeof long_path - 1);
  long_path[0] = '/';
  expect_eq(err(open(long_path, O_RDONLY)), -ENAMETOOLONG, "a path past PATH_MAX: ENAMETOOLONG");
  long_path[300] = '\0';
  expect_eq(err(open(long_path, O_RDONLY)), -ENAMETOOLONG, "a component past NAME_MAX: ENAMETOOLONG");
  const int dots = open("/dev/./../dev//null", O_RDONLY);
  expect(dots >= 0, "dots and doubled slashes resolve");
  close(dots);
  expect(dir_has("/", "proc") && dir_has("/", "dev"), "/ lists the mount points' first components");
  expect(dir_has("/dev", "null") && dir_has("/dev", "zero"), "/dev lists null and zero");
  expect(dir_has("/proc", "boot"), "/proc lists boot");
  struct stat st;
  expect(stat("/dev", &st) == 0 && S_ISDIR(st.st_mode), "/dev is a directory");
  expect_eq(access("/dev/null", R_OK | W_OK), 0, "access /dev/null rw");
  expect_eq(access("/proc/boot/io_test", X_OK), 0, "access a program for executing");
  expect_eq(err(access("/nope", F_OK)), -ENOENT, "access a missing file: ENOENT");
}

void cwd() {
  char buf[64];
  expect(getcwd(buf, sizeof buf) != nullptr && strcmp(buf, "/") == 0, "the cwd starts at /");
  expect_eq(chdir("/proc/boot"), 0, "chdir /proc/boot");
  expect(getcwd(buf, sizeof buf) != nullptr && strcmp(buf, "/proc/boot") == 0, "getcwd after chdir");
  const int fd = open("io_test", O_RDONLY);
  expect(fd >= 0, "open a relative path");
  close(fd);
  expect_eq(chdir(".."), 0, "chdir ..");
  expect(getcwd(buf, sizeof buf) != nullptr && strcmp(buf, "/proc") == 0, "getcwd: /proc");
  expect(getcwd(buf, 5) == nullptr && errno == ERANGE, "getcwd into too small a buffer: ERANGE");
  expect_eq(err(chdir("/dev/null")), -ENOTDIR, "chdir to a device: ENOTDIR");
  expect_eq(err(chdir("/nope")), -ENOENT, "chdir to nothing: ENOENT");
  expect_eq(chdir("/"), 0, "chdir /");
}

void descriptors() {
  // Every fd-range coid, then EMFILE; all of them back. (Nothing is printed
  // meanwhile: fds 1 and 2 are /dev/null until they are closed.)
  int fds[65];
  int n = 0;
  for (; n < 65; ++n) {
    fds[n] = open("/dev/null", O_RDONLY);
    if (fds[n] < 0) break;
  }
  const int after = n < 65 ? errno : 0;
  for (int i = 0; i < n; ++i) close(fds[i]);
  expect_eq(n, 64, "OPEN_MAX descriptors open (none was open before)");
  expect_eq(after, EMFILE, "then EMFILE");
  const int fd = open("/dev/null", O_WRONLY | O_CLOEXEC);
  expect_eq(fcntl(fd, F_GETFD), FD_CLOEXEC, "O_CLOEXEC sets close-on-exec");
  struct qrv_server_info info;
  expect_eq(ConnectServerInfo(0, fd, &info), fd, "ConnectServerInfo names the fd");
  expect(info.pid > 1 && info.chid > 0 && (info.flags & _NTO_COF_CLOEXEC) != 0, "and its server and flags");
  expect_eq(err(ConnectServerInfo(1, fd, &info)), -EPERM, "another process's connections: EPERM");
  expect_eq(err(ConnectFlags(0, fd, 0x10, 0x10)), -EINVAL, "unknown connection flags: EINVAL");
  expect_eq(err(ConnectFlags(0, fd, 0, 1)), -EINVAL, "bits outside the mask: EINVAL");
  expect_eq(err(ConnectServerInfo(0, fd, reinterpret_cast<qrv_server_info*>(0x10))), -EFAULT, "a bad info: EFAULT");
  const struct iovec parts[2] = {{const_cast<char*>("ab"), 2}, {const_cast<char*>("cde"), 3}};
  expect_eq(writev(fd, parts, 2), 5, "writev of two parts");
  close(fd);
}

void proc() {
  char self[16];
  snprintf(self, sizeof self, "%d", getpid());
  expect(dir_has("/proc", "boot") && dir_has("/proc", "1") && dir_has("/proc", self), "/proc lists boot, 1 and us");
  expect(dir_has("/", "proc"), "/ still lists proc");
  char path[32];
  snprintf(path, sizeof path, "/proc/%s", self);
  struct stat st;
  expect(stat(path, &st) == 0 && S_ISREG(st.st_mode), "/proc/<pid> is a file");
  int fd = open(path, O_RDONLY);
  static char text[2048];
  const ssize_t n = fd >= 0 ? read(fd, text, sizeof text - 1) : -1;
  text[n > 0 ? n : 0] = '\0';
  expect(strstr(text, "name io_test\n") != nullptr && strstr(text, "state running\n") != nullptr,
         "/proc/<pid> reads as text: name, state");
  expect(strstr(text, "thread 1 priority ") != nullptr && strstr(text, " REPLY pid 1 chid ") != nullptr,
         "and its threads: ours waits for taskman's reply (to this very read)");
  struct _proc_info info;
  expect_eq(devctl(fd, _PROC_DCMD_INFO, &info, sizeof info, nullptr), EOK, "_PROC_DCMD_INFO");
  expect(info.pid == getpid() && info.ppid == getppid() && info.threads == 1 && info.state == _PROC_STATE_RUNNING,
         "the info: pid, parent, one thread, running");
  expect_eq(devctl(fd, 0x7777, &info, sizeof info, nullptr), ENOTTY, "an unknown devctl: ENOTTY");
  close(fd);
  // devnull's thread waits in receive on its channel.
  const int null_fd = open("/dev/null", O_RDONLY);
  struct qrv_server_info server;
  ConnectServerInfo(0, null_fd, &server);
  close(null_fd);
  snprintf(path, sizeof path, "/proc/%d", server.pid);
  fd = open(path, O_RDONLY);
  qrv_tm_thread_info t = {};
  t.tid = 0;  // the first
  expect_eq(devctl(fd, _PROC_DCMD_THREAD, &t, sizeof t, nullptr), EOK, "_PROC_DCMD_THREAD");
  expect(t.tid == 1 && t.state == 5 && t.blocked_chid > 0, "devnull's thread 1 is RECEIVE-blocked on its channel");
  t.tid = 2;
  expect_eq(devctl(fd, _PROC_DCMD_THREAD, &t, sizeof t, nullptr), ESRCH, "no thread after it: ESRCH");
  expect_eq(devctl(fd, _PROC_DCMD_THREAD, &t, 4, nullptr), EINVAL, "a short question: EINVAL");
  expect_eq(devctl(fd, _PROC_DCMD_INFO, &info, sizeof info, nullptr), EOK, "devnull's info");
  expect(strcmp(info.name, "devnull") == 0 && info.threads == 1, "its name and one thread");
  close(fd);
  expect_eq(err(open("/proc/99999", O_RDONLY)), -ENOENT, "/proc of nobody: ENOENT");
  expect_eq(err(open("/proc/abc", O_RDONLY)), -ENOENT, "/proc/abc: ENOENT");
  snprintf(path, sizeof path, "/proc/%s/x", self);
  expect_eq(err(open(path, O_RDONLY)), -ENOTDIR, "below /proc/<pid>: ENOTDIR");
  snprintf(path, sizeof path, "/proc/%s", self);
  expect_eq(err(open(path, O_WRONLY)), -EROFS, "/proc is read-only: EROFS");
}

// Servers that are not terminals answer the DCMD_CHR devctls ENOTTY (the
// resmgr library's answer to a devctl it does not know; taskman's /proc too).
void not_terminals() {
  const int fd = open("/dev/null", O_RDWR);
  errno = 0;
  expect_eq(isatty(fd), 0, "/dev/null is not a terminal");
  expect_eq(errno, ENOTTY, "isatty: ENOTTY");
  struct termios t;
  expect_eq(err(tcgetattr(fd, &t)), -ENOTTY, "tcgetattr /dev/null: ENOTTY");
  expect_eq(err(tcsetattr(fd, TCSANOW + 7, &t)), -EINVAL, "tcsetattr with a bad action: EINVAL");
  expect_eq(err(tcgetpgrp(fd)), -ENOTTY, "tcgetpgrp /dev/null: ENOTTY");
  close(fd);
  char path[32];
  snprintf(path, sizeof path, "/proc/%d", getpid());
  const int proc_fd = open(path, O_RDONLY);
  errno = 0;
  expect(isatty(proc_fd) == 0 && errno == ENOTTY, "/proc/<pid> is not a terminal either");
  close(proc_fd);
  errno = 0;
  expect(isatty(fd) == 0 && errno == EBADF, "isatty of a closed fd: EBADF");
}

// The child of children(), as "io_child A B": it exits with the number of
// its checks that failed (its fd 1 may be anything: it prints nothing).
int child_checks(int a, int b) {
  int bad = 0;
  char buf[4];
  bad += read(a, buf, 4) != 4;                          // the parent's open file, shared offset
  bad += fcntl(b, F_GETFD) != -1 || errno != EBADF;     // close-on-exec: not here
  bad += lseek(5, 0, SEEK_CUR) != 8;                    // dup2'd from a: the same open file
  char z[8] = {1};
  bad += read(7, z, sizeof z) != sizeof z || z[0] != 0;  // opened for it: /dev/zero
  char cwd[32];
  bad += getcwd(cwd, sizeof cwd) == nullptr || strcmp(cwd, "/proc/boot") != 0;
  return bad;
}

// The child of spawn()'s fd_map {a, closed, b}: fds 0 and 2, not 1.
int map_checks() {
  struct stat st;
  int bad = 0;
  bad += fstat(0, &st) != 0 || !S_ISREG(st.st_mode);
  bad += fcntl(1, F_GETFD) != -1;
  bad += fstat(2, &st) != 0 || !S_ISCHR(st.st_mode);  // mapped although close-on-exec
  for (int fd = 3; fd < 64; ++fd) bad += fcntl(fd, F_GETFD) != -1;
  return bad;
}

void children() {
  expect_eq(chdir("/proc/boot"), 0, "chdir /proc/boot before spawning");
  const int a = open("io_test", O_RDONLY);
  const int b = open("/dev/null", O_WRONLY | O_CLOEXEC);
  char buf[4];
  expect(a >= 0 && b >= 0 && read(a, buf, 4) == 4, "two descriptors, one 4 bytes in");
  char arg_a[8], arg_b[8];
  snprintf(arg_a, sizeof arg_a, "%d", a);
  snprintf(arg_b, sizeof arg_b, "%d", b);
  char* argv[] = {const_cast<char*>("io_child"), arg_a, arg_b, nullptr};
  posix_spawn_file_actions_t fa;
  posix_spawn_file_actions_init(&fa);
  posix_spawn_file_actions_adddup2(&fa, a, 5);
  posix_spawn_file_actions_addopen(&fa, 7, "/dev/zero", O_RDONLY, 0);
  pid_t pid = 0;
  int status = -1;
  expect_eq(posix_spawn(&pid, "io_test", &fa, nullptr, argv, nullptr), 0, "spawn a relative path with file actions");
  expect(waitpid(pid, &status, 0) == pid && WIFEXITED(status), "the child ends");
  expect_eq(WEXITSTATUS(status), 0, "the child's descriptor checks (its failures)");
  expect_eq(lseek(a, 0, SEEK_CUR), 8, "the child's read moved the shared offset");
  posix_spawn_file_actions_destroy(&fa);

  posix_spawn_file_actions_init(&fa);
  posix_spawn_file_actions_addopen(&fa, 3, "/nope", O_RDONLY, 0);
  expect_eq(posix_spawn(&pid, "io_test", &fa, nullptr, argv, nullptr), ENOENT, "a failing addopen fails the spawn");
  posix_spawn_file_actions_destroy(&fa);
  posix_spawn_file_actions_init(&fa);
  posix_spawn_file_actions_adddup2(&fa, 40, 3);
  expect_eq(posix_spawn(&pid, "io_test", &fa, nullptr, argv, nullptr), EBADF, "dup2 of a closed fd: EBADF");
  expect_eq(posix_spawn_file_actions_addclose(&fa, -1), EBADF, "addclose -1: EBADF");
  expect_eq(posix_spawn_file_actions_adddup2(&fa, 0, 64), EBADF, "adddup2 past OPEN_MAX: EBADF");
  posix_spawn_file_actions_destroy(&fa);

  const int map[] = {a, SPAWN_FDCLOSED, b};
  char* map_argv[] = {const_cast<char*>("io_map"), nullptr};
  pid = spawn("/proc/boot/io_test", 3, map, nullptr, map_argv, nullptr);
  expect(pid > 0 && waitpid(pid, &status, 0) == pid && WIFEXITED(status), "spawn() with an fd_map");
  expect_eq(WEXITSTATUS(status), 0, "the fd_map child's checks (its failures)");
  close(a);
  close(b);
  expect_eq(chdir("/"), 0, "back to /");
}

}  // namespace

int main(int argc, char** argv) {
  if (argc == 3 && strcmp(argv[0], "io_child") == 0) return child_checks(atoi(argv[1]), atoi(argv[2]));
  if (strcmp(argv[0], "io_map") == 0) return map_checks();
  dev_null_and_zero();
  proc_boot();
  paths();
  cwd();
  descriptors();
  proc();
  not_terminals();
  children();
  return qrv_test::report("io_test");
}
