// init: the first program taskman starts (/proc/boot/init). Until the
// shell and the servers exist (later issues) it shows what a program sees
// of the system, starts /proc/boot/hello to show that spawn and wait work,
// and ends: taskman then powers the machine off.
#include <errno.h>
#include <spawn.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

extern char** environ;

int main(int argc, char** argv) {
  printf("init: pid %d, parent %d, group %d, session %d; argv[0] %s (%d argument%s)\n", getpid(), getppid(),
         getpgrp(), getsid(0), argc > 0 ? argv[0] : "?", argc, argc == 1 ? "" : "s");
  char arg0[] = "hello";
  char arg1[] = "from init";
  char* child_argv[] = {arg0, arg1, nullptr};
  pid_t pid = 0;
  const int r = posix_spawn(&pid, "/proc/boot/hello", nullptr, nullptr, child_argv, environ);
  if (r != 0) {
    printf("init: cannot spawn /proc/boot/hello: %s\n", strerror(r));
    return 1;
  }
  int status = 0;
  if (waitpid(pid, &status, 0) != pid) {
    printf("init: waitpid: %s\n", strerror(errno));
    return 1;
  }
  printf("init: hello (pid %d) exited with status %d\n", pid, WEXITSTATUS(status));
  return 0;
}
