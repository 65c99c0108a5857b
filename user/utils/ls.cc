// ls [-1adl] [path...]: directory entries sorted by name (dot files with
// -a), a directory itself with -d; -l: type and permissions, links, owner,
// group, size, modification time, name. Several names per line on a
// terminal, one per line otherwise (and with -1).
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

namespace {

bool g_all = false, g_dir = false, g_long = false, g_one = false;
int g_status = 0;

int by_name(const void* a, const void* b) { return strcmp(*static_cast<char* const*>(a), *static_cast<char* const*>(b)); }

void mode_string(mode_t m, char* out) {
  out[0] = S_ISDIR(m) ? 'd' : S_ISCHR(m) ? 'c' : S_ISBLK(m) ? 'b' : S_ISFIFO(m) ? 'p' : S_ISLNK(m) ? 'l' : S_ISSOCK(m) ? 's' : '-';
  const char* rwx = "rwxrwxrwx";
  for (int i = 0; i < 9; ++i) out[1 + i] = (m & (0400u >> i)) != 0 ? rwx[i] : '-';
  out[10] = '\0';
}

void print_long(const char* path, const char* name) {
  struct stat st;
  if (lstat(path, &st) != 0) {
    fprintf(stderr, "ls: %s: %s\n", path, strerror(errno));
    g_status = 1;
    return;
  }
  char mode[11];
  mode_string(st.st_mode, mode);
  char when[32] = "";
  const time_t t = st.st_mtim.tv_sec;
  struct tm tm;
  if (gmtime_r(&t, &tm) != nullptr) strftime(when, sizeof when, "%b %e %H:%M", &tm);
  printf("%s %2lu %-5u %-5u %8lld %s %s\n", mode, static_cast<unsigned long>(st.st_nlink), static_cast<unsigned>(st.st_uid),
         static_cast<unsigned>(st.st_gid), static_cast<long long>(st.st_size), when, name);
}

// Names in columns across the terminal (one per line when it is not one).
void print_names(char** names, size_t n) {
  struct winsize ws = {};
  const bool tty = !g_one && isatty(1) == 1;
  size_t width = 0;
  for (size_t i = 0; i < n; ++i) width = strlen(names[i]) > width ? strlen(names[i]) : width;
  const size_t cols_total = tty && ioctl(1, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0 ? ws.ws_col : 80;
  const size_t per_line = tty ? (cols_total / (width + 2) > 0 ? cols_total / (width + 2) : 1) : 1;
  const size_t rows = (n + per_line - 1) / per_line;
  for (size_t r = 0; r < rows; ++r) {
    for (size_t c = 0; c < per_line; ++c) {
      const size_t i = c * rows + r;
      if (i >= n) break;
      const bool last = c + 1 == per_line || (c + 1) * rows + r >= n;
      if (last) {
        printf("%s", names[i]);
      } else {
        printf("%-*s", static_cast<int>(width + 2), names[i]);
      }
    }
    printf("\n");
  }
}

void list_dir(const char* path) {
  DIR* d = opendir(path);
  if (d == nullptr) {
    fprintf(stderr, "ls: %s: %s\n", path, strerror(errno));
    g_status = 1;
    return;
  }
  size_t n = 0, cap = 64;
  char** names = static_cast<char**>(malloc(cap * sizeof(char*)));
  while (struct dirent* e = readdir(d)) {
    if (!g_all && e->d_name[0] == '.') continue;
    if (n == cap) {
      cap *= 2;
      char** grown = static_cast<char**>(realloc(names, cap * sizeof(char*)));
      if (grown == nullptr) break;
      names = grown;
    }
    names[n++] = strdup(e->d_name);
  }
  closedir(d);
  qsort(names, n, sizeof(char*), by_name);
  if (g_long) {
    for (size_t i = 0; i < n; ++i) {
      char full[1024];
      snprintf(full, sizeof full, "%s/%s", path, names[i]);
      print_long(full, names[i]);
    }
  } else {
    print_names(names, n);
  }
  for (size_t i = 0; i < n; ++i) free(names[i]);
  free(names);
}

}  // namespace

int main(int argc, char** argv) {
  int i = 1;
  for (; i < argc && argv[i][0] == '-' && argv[i][1] != '\0'; ++i) {
    if (strcmp(argv[i], "--") == 0) {
      ++i;
      break;
    }
    for (const char* o = argv[i] + 1; *o != '\0'; ++o) {
      switch (*o) {
        case 'a': g_all = true; break;
        case 'd': g_dir = true; break;
        case 'l': g_long = true; break;
        case '1': g_one = true; break;
        default:
          fprintf(stderr, "ls: -%c: unknown option\nusage: ls [-1adl] [path...]\n", *o);
          return 2;
      }
    }
  }
  const char* dot[] = {"."};
  const char* const* paths = i < argc ? argv + i : dot;
  const int count = i < argc ? argc - i : 1;
  for (int k = 0; k < count; ++k) {
    struct stat st;
    if (stat(paths[k], &st) != 0) {
      fprintf(stderr, "ls: %s: %s\n", paths[k], strerror(errno));
      g_status = 1;
      continue;
    }
    if (S_ISDIR(st.st_mode) && !g_dir) {
      if (count > 1) printf("%s%s:\n", k > 0 ? "\n" : "", paths[k]);
      list_dir(paths[k]);
    } else if (g_long) {
      print_long(paths[k], paths[k]);
    } else {
      printf("%s\n", paths[k]);
    }
  }
  return g_status;
}
