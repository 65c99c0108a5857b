// date's output: a time as UTC, in POSIX's default format
// ("%a %b %e %H:%M:%S UTC %Y") or in a strftime format (date +FORMAT).
#pragma once

#include <stddef.h>
#include <time.h>

namespace utils {

inline constexpr const char* kDateDefaultFormat = "%a %b %e %H:%M:%S UTC %Y";

// The formatted time and a newline in out; its length, or 0 if it does not
// fit (or the time cannot be broken down).
size_t date_format(time_t t, const char* format, char* out, size_t cap);

}  // namespace utils
