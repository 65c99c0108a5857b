// shutdown: asks init to stop every process and power the machine off
// (init's SIGTERM). init is the process /proc names "init" (pid 2 on QRV).
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

int main() {
  const int fd = open("/proc/2", O_RDONLY);
  char text[256] = {};
  const long n = fd >= 0 ? read(fd, text, sizeof text - 1) : -1;
  if (fd >= 0) close(fd);
  if (n <= 0 || strstr(text, "\nname init\n") == nullptr) {
    fprintf(stderr, "shutdown: no init at pid 2\n");
    return 1;
  }
  if (kill(2, SIGTERM) != 0) {
    fprintf(stderr, "shutdown: %s\n", strerror(errno));
    return 1;
  }
  return 0;
}
