// yes [string...]: the strings (joined by spaces; "y" without any) on one
// line, forever, until writing fails (the reader went away).
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int main(int argc, char** argv) {
  size_t len = 0;
  for (int i = 1; i < argc; ++i) len += strlen(argv[i]) + 1;
  if (argc < 2) len = 2;
  char* line = static_cast<char*>(malloc(len));
  if (line == nullptr) return 1;
  if (argc < 2) {
    memcpy(line, "y\n", 2);
  } else {
    size_t k = 0;
    for (int i = 1; i < argc; ++i) {
      const size_t n = strlen(argv[i]);
      memcpy(line + k, argv[i], n);
      k += n;
      line[k++] = i + 1 < argc ? ' ' : '\n';
    }
  }
  // Whole lines, as many as fit in 4 KiB, per write.
  static char buf[4096];
  size_t fill = 0;
  while (fill + len <= sizeof buf) {
    memcpy(buf + fill, line, len);
    fill += len;
  }
  const char* chunk = fill > 0 ? buf : line;
  const size_t chunk_len = fill > 0 ? fill : len;
  for (;;) {
    for (size_t done = 0; done < chunk_len;) {
      const long w = write(1, chunk + done, chunk_len - done);
      if (w <= 0) return 1;
      done += static_cast<size_t>(w);
    }
  }
}
