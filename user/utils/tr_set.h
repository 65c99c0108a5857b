// tr's sets and what tr does with them: a set string ("a-z", "[:upper:]",
// "\n\t", "\101") expands to its bytes in order; a TrPlan made from the
// options and sets translates, deletes and squeezes a stream in chunks.
// Pure, host-tested.
#pragma once

#include <stddef.h>

namespace utils {

struct TrSet {
  unsigned char* bytes = nullptr;  // malloc'd; a byte may repeat
  size_t n = 0;
  // [c*] (or [c*0]): c as often as set1 needs, at bytes[fill_at]; set2 only.
  size_t fill_at = static_cast<size_t>(-1);
  unsigned char fill = 0;
};

// Escapes (\\ \a \b \f \n \r \t \v \ooo), ranges c-c, the classes
// [:alnum:] [:alpha:] [:blank:] [:cntrl:] [:digit:] [:graph:] [:lower:]
// [:print:] [:punct:] [:space:] [:upper:] [:xdigit:], [=c=], and [c*n] (c
// n times; n octal with a leading 0) and [c*] (as often as needed: only
// once, in set2). False, with a message in err, for a reversed range, an
// unknown class, or a bad repeat.
bool tr_set_parse(const char* s, TrSet* out, char* err, size_t err_cap);
void tr_set_free(TrSet* set);

struct TrPlan {
  bool del[256];      // -d: dropped
  bool squeeze[256];  // -s: a run of one of these becomes one
  unsigned char map[256];
  int last = -1;  // the last byte written, for squeezing across chunks
};

// -c (complement set1), -d, -s; set2 may be null (with -d alone, or -s
// alone). Translation maps set1[i] to set2[i], set2's last byte repeated
// if it is shorter. False, with a message, for a missing or empty set2.
bool tr_plan(TrPlan* plan, bool complement, bool del, bool squeeze, const TrSet& set1, const TrSet* set2,
             char* err, size_t err_cap);

// in to out (room for n bytes); returns how many were written.
size_t tr_apply(TrPlan* plan, const char* in, size_t n, char* out);

}  // namespace utils
