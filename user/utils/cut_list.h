// cut's lists ("1,3-5,7-", "-3") and the cutting of one line by bytes or
// by fields, for the cut utility; pure, host-tested.
#pragma once

#include <stddef.h>

namespace utils {

struct CutRange {
  size_t lo;  // 1-based, inclusive
  size_t hi;  // SIZE_MAX: to the end of the line
};

struct CutList {
  CutRange* ranges = nullptr;  // malloc'd
  size_t n = 0;
};

// Elements separated by commas or blanks: N, N-M, N- or -M. False, with a
// message ("cut: 0: positions are numbered from 1") in err, for bad input.
bool cut_list_parse(const char* s, CutList* out, char* err, size_t err_cap);
void cut_list_free(CutList* list);
bool cut_list_has(const CutList& list, size_t pos);

// -b and -c: the selected bytes of line (no newline) to out (room for len
// bytes), in input order; returns how many.
size_t cut_bytes(const CutList& list, const char* line, size_t len, char* out);

// -f: the selected fields, joined by delim, to out (room for len bytes). A
// line without delim is copied whole, or with suppress (-s) dropped: then
// the result is SIZE_MAX.
size_t cut_fields(const CutList& list, char delim, bool suppress, const char* line, size_t len, char* out);

}  // namespace utils
