// wc's counting, fed in chunks (a word may span two), and its output line.
// Pure, host-tested.
#pragma once

#include <stddef.h>
#include <stdint.h>

namespace utils {

struct WcCounts {
  uint64_t lines = 0;  // newlines
  uint64_t words = 0;  // runs of non-white-space bytes
  uint64_t bytes = 0;
  bool in_word = false;
};

void wc_feed(WcCounts* c, const char* data, size_t n);

// Which counts to print (none set: all three, as without -c -l -w).
struct WcWhich {
  bool lines = false;
  bool words = false;
  bool bytes = false;
};

// POSIX's "%d %d %d %s\n", the counts chosen, in the order lines, words,
// bytes; no name (standard input): no trailing field. Returns the length
// (snprintf's: the text may be cut to cap).
int wc_format(const WcCounts& c, WcWhich which, const char* name, char* out, size_t cap);

}  // namespace utils
