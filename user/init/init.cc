// init: the first program taskman starts (/proc/boot/init). Until the
// shell exists (a later issue) it shows what a program sees of the system
// and what it is built on: it starts the resource managers of the boot
// image as a boot script does (the console's driver, devnull, pipe), waits
// for their paths, makes /dev/console its standard input, output and error
// (inherited by everything it starts; with no driver for the console the
// kernel's console stays), runs /proc/boot/hello with its standard output
// on a pipe and relays what hello wrote, stops the servers, the console
// last, and ends; taskman then powers the machine off.
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "user/init/console_driver.h"
#include "user/init/start_server.h"

extern char** environ;

// A server started, with its path announced.
pid_t start_server(const char* name, const char* path) {
  const pid_t pid = qrv_init::start_server(name, path, "init");
  if (pid > 0) printf("init: %s (pid %d) serves %s\n", name, pid, path);
  return pid;
}

int main(int argc, char** argv) {
  printf("init: pid %d, parent %d, group %d, session %d; argv[0] %s (%d argument%s)\n", getpid(), getppid(),
         getpgrp(), getsid(0), argc > 0 ? argv[0] : "?", argc, argc == 1 ? "" : "s");
  // The console first: what init and its children print goes through it.
  const char* driver = qrv_init::console_driver();
  const pid_t console = driver != nullptr ? qrv_init::start_server(driver, "/dev/console", "init") : -1;
  if (console > 0 && open("/dev/console", O_RDWR | O_NOCTTY) == STDIN_FILENO) {
    dup2(STDIN_FILENO, STDOUT_FILENO);
    dup2(STDIN_FILENO, STDERR_FILENO);
    printf("init: %s (pid %d) serves /dev/console, init's standard streams\n", driver, console);
  } else {
    printf("init: no console driver: the kernel's console it is\n");
  }
  const pid_t servers[] = {start_server("devnull", "/dev/null"), start_server("pipe", "/dev/pipe")};
  if (servers[0] < 0 || servers[1] < 0) return 1;
  if (DIR* dev = opendir("/dev")) {
    printf("init: /dev:");
    while (struct dirent* e = readdir(dev)) printf(" %s", e->d_name);
    printf("\n");
    closedir(dev);
  }
  // hello's standard output is the write end of a pipe; init reads the other.
  int out[2];
  if (pipe(out) != 0) {
    printf("init: pipe: %s\n", strerror(errno));
    return 1;
  }
  posix_spawn_file_actions_t fa;
  posix_spawn_file_actions_init(&fa);
  posix_spawn_file_actions_adddup2(&fa, out[1], STDOUT_FILENO);
  char arg0[] = "hello";
  char arg1[] = "from init";
  char* child_argv[] = {arg0, arg1, nullptr};
  pid_t pid = 0;
  const int r = posix_spawn(&pid, "/proc/boot/hello", &fa, nullptr, child_argv, environ);
  posix_spawn_file_actions_destroy(&fa);
  close(out[1]);
  if (r != 0) {
    printf("init: cannot spawn /proc/boot/hello: %s\n", strerror(r));
    return 1;
  }
  char buf[256];
  ssize_t n;
  while ((n = read(out[0], buf, sizeof buf - 1)) > 0) {
    buf[n] = '\0';
    printf("init: through the pipe: %s", buf);
  }
  close(out[0]);
  int status = 0;
  if (waitpid(pid, &status, 0) != pid) {
    printf("init: waitpid: %s\n", strerror(errno));
    return 1;
  }
  printf("init: hello (pid %d) exited with status %d\n", pid, WEXITSTATUS(status));
  for (const pid_t server : servers) {
    kill(server, SIGTERM);
    waitpid(server, &status, 0);
  }
  if (console > 0) {  // it sends what is queued and ends; nothing is printed after
    kill(console, SIGTERM);
    waitpid(console, &status, 0);
  }
  return 0;
}
