// wc: bytes, newlines, and words (a word starts at a non-space byte after a
// space or the start; isspace in the C locale).
#include "user/utils/wc_count.h"

#include <stdio.h>

namespace utils {
namespace {

bool space(unsigned char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }

}  // namespace

void wc_feed(WcCounts* c, const char* data, size_t n) {
  c->bytes += n;
  for (size_t i = 0; i < n; ++i) {
    const unsigned char b = static_cast<unsigned char>(data[i]);
    if (b == '\n') ++c->lines;
    if (space(b)) {
      c->in_word = false;
    } else if (!c->in_word) {
      c->in_word = true;
      ++c->words;
    }
  }
}

int wc_format(const WcCounts& c, WcWhich which, const char* name, char* out, size_t cap) {
  if (!which.lines && !which.words && !which.bytes) which = WcWhich{true, true, true};
  const unsigned long long values[3] = {c.lines, c.words, c.bytes};
  const bool chosen[3] = {which.lines, which.words, which.bytes};
  int len = 0;
  for (int i = 0; i < 3; ++i) {
    if (!chosen[i]) continue;
    const size_t room = static_cast<size_t>(len) < cap ? cap - static_cast<size_t>(len) : 0;
    len += snprintf(out + (room > 0 ? len : 0), room, "%s%llu", len > 0 ? " " : "", values[i]);
  }
  const size_t room = static_cast<size_t>(len) < cap ? cap - static_cast<size_t>(len) : 0;
  len += snprintf(out + (room > 0 ? len : 0), room, name != nullptr ? " %s\n" : "%s\n", name != nullptr ? name : "");
  return len;
}

}  // namespace utils
