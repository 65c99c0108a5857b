// seq's operands (LAST, FIRST LAST, FIRST INCR LAST; integers) and its
// numbers, -w padding them to one width. Pure, host-tested.
#pragma once

#include <stddef.h>

namespace utils {

struct SeqPlan {
  long long first = 1;
  long long incr = 1;
  long long last = 1;
  bool equal_width = false;  // -w
  int width = 0;             // with -w: the widest of first and last
};

// operands: 1 to 3 integers. False, with a message in err, otherwise (or
// for an increment of 0).
bool seq_plan(int count, const char* const* operands, bool equal_width, SeqPlan* out, char* err, size_t err_cap);

// Steps *value to the next number; false when it would pass last (or
// overflow). The first call (*started false) yields first.
bool seq_next(const SeqPlan& plan, bool* started, long long* value);

// The number as seq writes it (zero-padded with -w); snprintf's result.
int seq_format(const SeqPlan& plan, long long value, char* out, size_t cap);

}  // namespace utils
