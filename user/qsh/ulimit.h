// ulimit (POSIX's -f, and the limits bash and ksh show): which limit and
// what to do with it, parsed from the arguments, and values in the units a
// person types (blocks of 512 bytes, KiB, counts). Pure: the builtin
// (builtins.cc) calls getrlimit and setrlimit.
#pragma once

#include <stddef.h>
#include <stdint.h>

namespace qsh {

struct UlimitResource {
  char letter;          // its option
  int resource;         // RLIMIT_*
  uint64_t unit;        // bytes per unit shown (1: a count or seconds)
  const char* name;     // what -a calls it
  const char* unit_name;
};

// Every resource ulimit knows, in -a's order.
const UlimitResource* ulimit_resources(size_t* n);

struct UlimitCmd {
  bool all = false;    // -a
  bool hard = false;   // -H (with neither -H nor -S: a set changes both, a show shows the soft one)
  bool soft = false;   // -S
  const UlimitResource* what = nullptr;  // -f unless another letter is given
  bool set = false;
  uint64_t value = 0;  // in bytes or counts (rlim_t), or UINT64_MAX for "unlimited"
};

// Parses ulimit's arguments (argv[0] is "ulimit"). nullptr, or a message
// (with *bad pointing at the offending argument) for a usage error:
// an unknown option, more than one limit, an operand that is no number,
// or one that overflows in bytes.
const char* ulimit_parse(int argc, char* const* argv, UlimitCmd* cmd, const char** bad);

// A limit as shown: "unlimited", or the value in the resource's units
// (rounded down). Writes into buf (at least 24 bytes).
void ulimit_format(const UlimitResource& r, uint64_t value, char* buf, size_t size);

}  // namespace qsh
