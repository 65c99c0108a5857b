// env's new environment: the old one (or none, with -i) with NAME=value
// operands replacing or adding variables. Pure, host-tested.
#pragma once

namespace utils {

// A malloc'd, null-terminated array of the strings of base (unless clear)
// whose names no assignment sets, then the assignments in order (a name
// given twice: the last wins). The strings are not copied. Null without memory.
char** env_build(char* const* base, bool clear, int count, char* const* assignments);

// Whether s is NAME=value (a non-empty name before the first '=').
bool env_is_assignment(const char* s);

}  // namespace utils
