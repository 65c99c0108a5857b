// What a boot script does for each resource manager: spawn it from
// /proc/boot, then wait (up to 2 s) until its path exists, or it ends. Shared by init,
// test_init and the I/O benchmark's init. Failures are printed as
// "<who>: <tag>cannot start ..." (tag "FAIL: " where a test judges them).
#pragma once

#include <spawn.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

namespace qrv_init {

// The server's pid, or -1.
inline pid_t start_server(const char* name, const char* path, const char* who, const char* tag = "") {
  char file[64];
  snprintf(file, sizeof file, "/proc/boot/%s", name);
  char* argv[] = {const_cast<char*>(name), nullptr};
  pid_t pid = 0;
  if (const int r = posix_spawn(&pid, file, nullptr, nullptr, argv, environ); r != 0) {
    printf("%s: %scannot start %s: %s\n", who, tag, name, strerror(r));
    return -1;
  }
  struct stat st;
  for (int i = 0; i < 2000; ++i) {
    if (stat(path, &st) == 0) return pid;
    int status = 0;
    if (waitpid(pid, &status, WNOHANG) == pid) {  // it gave up (its reason printed)
      printf("%s: %s%s (pid %d) ended with status %d before serving %s\n", who, tag, name, pid,
             WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status), path);
      return -1;
    }
    const struct timespec ms = {0, 1000000};
    nanosleep(&ms, nullptr);
  }
  printf("%s: %s%s never served %s\n", who, tag, name, path);
  return -1;
}

}  // namespace qrv_init
