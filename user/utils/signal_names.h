// Signal names for kill: "TERM" and "SIGTERM" and "15" to numbers, and
// numbers back to names (without "SIG"), from <signal.h>'s values. Pure.
#pragma once

#include <stddef.h>

namespace utils {

struct SignalName {
  const char* name;  // without "SIG"
  int number;
};

// Every named signal, in number order.
const SignalName* signal_table(size_t* count);

// A name (with or without "SIG", upper case) or a decimal number (0, the
// null signal, included); -1 if it is neither.
int signal_number(const char* s);

// The name of a signal number; null for a number without one.
const char* signal_name(int number);

}  // namespace utils
