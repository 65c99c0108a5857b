// pidin [arg | mem] (QNX's): every process and thread, from /proc: pid,
// tid, name, priority and policy, state, and what the thread is blocked on;
// `pidin arg` each process's arguments, `pidin mem` its memory (user pages
// mapped, page-table pages).
#include <dirent.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

namespace {

int by_pid(const void* a, const void* b) { return *static_cast<const int*>(a) - *static_cast<const int*>(b); }

enum class Mode { kThreads, kArgs, kMemory };

// The text after "\n<key> " in text, up to its line's end, into out.
void field(const char* text, const char* key, char* out, size_t cap) {
  char pat[16];
  snprintf(pat, sizeof pat, "\n%s ", key);
  const char* p = strstr(text, pat);
  out[0] = '\0';
  if (p == nullptr) return;
  p += strlen(pat);
  size_t len = strcspn(p, "\n");
  if (len >= cap) len = cap - 1;
  memcpy(out, p, len);
  out[len] = '\0';
}

// One /proc/<pid> text (see taskman/proc_pid.cc): "name X", "args ...",
// "memory N pages, M table pages" and "thread ..." lines.
void show(int pid, Mode mode) {
  char path[32];
  snprintf(path, sizeof path, "/proc/%d", pid);
  const int fd = open(path, O_RDONLY);
  if (fd < 0) return;  // it ended meanwhile
  char text[4096];
  const long n = read(fd, text, sizeof text - 1);
  close(fd);
  if (n <= 0) return;
  text[n] = '\0';
  char name[64];
  field(text, "name", name, sizeof name);
  if (mode == Mode::kArgs) {
    char args[128];
    field(text, "args", args, sizeof args);
    printf("%7d %s\n", pid, args);
    return;
  }
  if (mode == Mode::kMemory) {
    unsigned long pages = 0, tables = 0;
    char mem[64];
    field(text, "memory", mem, sizeof mem);
    sscanf(mem, "%lu pages, %lu table pages", &pages, &tables);
    printf("%7d %-16s %8lu KiB %8lu KiB\n", pid, name, pages * 4, tables * 4);
    return;
  }
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

int main(int argc, char** argv) {
  Mode mode = Mode::kThreads;
  if (argc == 2 && strcmp(argv[1], "arg") == 0) {
    mode = Mode::kArgs;
  } else if (argc == 2 && strcmp(argv[1], "mem") == 0) {
    mode = Mode::kMemory;
  } else if (argc > 1) {
    fprintf(stderr, "usage: pidin [arg | mem]\n");
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
  static const char* const kHeads[] = {"    pid tid name             prio STATE     Blocked",
                                       "    pid Arguments", "    pid name               memory   tables"};
  printf("%s\n", kHeads[static_cast<int>(mode)]);
  for (int i = 0; i < n; ++i) show(pids[i], mode);
  return 0;
}
