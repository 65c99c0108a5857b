// seq: integers from first by incr while not past last, with overflow
// stopping the sequence rather than wrapping.
#include "user/utils/seq_plan.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>

namespace utils {
namespace {

bool integer(const char* s, long long* out) {
  char* end = nullptr;
  errno = 0;
  *out = strtoll(s, &end, 10);
  return end != s && *end == '\0' && errno == 0;
}

}  // namespace

bool seq_plan(int count, const char* const* operands, bool equal_width, SeqPlan* out, char* err, size_t err_cap) {
  if (count < 1 || count > 3) {
    snprintf(err, err_cap, "usage: seq [-w] [-s separator] [first [increment]] last");
    return false;
  }
  long long v[3] = {1, 1, 1};
  static const int kSlots[3][3] = {{2}, {0, 2}, {0, 1, 2}};  // into first, incr, last
  for (int i = 0; i < count; ++i) {
    const int slot = kSlots[count - 1][i];
    if (!integer(operands[i], &v[slot])) {
      snprintf(err, err_cap, "seq: %s: not an integer", operands[i]);
      return false;
    }
  }
  if (v[1] == 0) {
    snprintf(err, err_cap, "seq: the increment must not be 0");
    return false;
  }
  *out = SeqPlan{v[0], v[1], v[2], equal_width, 0};
  if (equal_width) {
    char buf[32];
    const int a = snprintf(buf, sizeof buf, "%lld", v[0]);
    const int b = snprintf(buf, sizeof buf, "%lld", v[2]);
    out->width = a > b ? a : b;
  }
  return true;
}

bool seq_next(const SeqPlan& plan, bool* started, long long* value) {
  long long next = plan.first;
  if (*started && __builtin_add_overflow(*value, plan.incr, &next)) return false;
  if (plan.incr > 0 ? next > plan.last : next < plan.last) return false;
  *started = true;
  *value = next;
  return true;
}

int seq_format(const SeqPlan& plan, long long value, char* out, size_t cap) {
  if (plan.equal_width) return snprintf(out, cap, "%0*lld", plan.width, value);
  return snprintf(out, cap, "%lld", value);
}

}  // namespace utils
