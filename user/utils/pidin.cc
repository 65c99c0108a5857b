// pidin (QNX's): every process and thread, from /proc: pid, tid, name,
// priority and policy, state, and what the thread is blocked on.
#include <dirent.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

namespace {

int by_pid(const void* a, const void* b) { return *static_cast<const int*>(a) - *static_cast<const int*>(b); }

// One /proc/<pid> text (see taskman/proc_pid.cc): "name X" and "thread ..." lines.
void show(int pid) {
  char path[32];
  snprintf(path, sizeof path, "/proc/%d", pid);
  const int fd = open(path, O_RDONLY);
  if (fd < 0) return;  // it ended meanwhile
  char text[4096];
  const long n = read(fd, text, sizeof text - 1);
  close(fd);
  if (n <= 0) return;
  text[n] = '\0';
  char name[64] = "?";
  const char* p = strstr(text, "\nname ");
  if (p != nullptr) sscanf(p + 6, "%63s", name);
  for (char* line = strstr(text, "thread "); line != nullptr; line = strstr(line + 1, "\nthread ")) {
    if (*line == '\n') ++line;
    int tid = 0;
    unsigned prio = 0;
    char policy[16] = "", state[24] = "";
    int used = 0;
    if (sscanf(line, "thread %d priority %u %15s %23s%n", &tid, &prio, policy, state, &used) < 4) continue;
    const char* rest = line + used;
    const char* eol = strchr(rest, '\n');
    const int rest_len = eol != nullptr ? static_cast<int>(eol - rest) : static_cast<int>(strlen(rest));
    printf("%7d %3d %-16s %3u%c %-10s%.*s\n", pid, tid, name, prio, policy[0] == 'F' ? 'f' : policy[0] == 'R' ? 'r' : 'o',
           state, rest_len, rest);
  }
}

}  // namespace

int main(int argc, char**) {
  if (argc > 1) {
    fprintf(stderr, "usage: pidin\n");
    return 2;
  }
  DIR* d = opendir("/proc");
  if (d == nullptr) {
    perror("pidin: /proc");
    return 1;
  }
  int pids[256];
  int n = 0;
  while (struct dirent* e = readdir(d)) {
    char* end = nullptr;
    const long pid = strtol(e->d_name, &end, 10);
    if (*end == '\0' && pid > 0 && n < 256) pids[n++] = static_cast<int>(pid);
  }
  closedir(d);
  qsort(pids, static_cast<size_t>(n), sizeof(int), by_pid);
  printf("    pid tid name             prio STATE     Blocked\n");
  for (int i = 0; i < n; ++i) show(pids[i]);
  return 0;
}
