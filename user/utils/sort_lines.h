// sort's ordering: a comparison by options (-r -n -u, one -k key with -t)
// and a stable merge sort over line references. Pure, host-tested.
#pragma once

#include <stddef.h>

namespace utils {

struct SortLine {
  const char* s;
  size_t n;  // without the newline
};

struct SortOptions {
  bool reverse = false;
  bool numeric = false;
  bool unique = false;
  char separator = '\0';  // -t; '\0': fields are blanks then non-blanks
  size_t key_start = 0;   // -k's first field (1-based); 0: the whole line
  size_t key_end = 0;     // -k's last field; 0: to the end of the line
};

// "-k" argument: "N" or "N,M". False for anything else or a field 0.
bool sort_parse_key(const char* arg, SortOptions* options);

// The keys alone (-u treats lines whose keys compare equal as one).
int sort_key_compare(const SortOptions& o, const SortLine& a, const SortLine& b);
// The keys, then (as POSIX says, but not with -u) the whole lines bytewise;
// -r reverses both.
int sort_compare(const SortOptions& o, const SortLine& a, const SortLine& b);

// Sorts lines in place, stably; scratch has room for n lines. With -u,
// returns the number of lines kept (the first of each run of equal keys).
size_t sort_lines(SortLine* lines, SortLine* scratch, size_t n, const SortOptions& o);

}  // namespace utils
