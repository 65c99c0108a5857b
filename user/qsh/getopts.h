// getopts (POSIX): one option per call, over $1... or the given arguments,
// with OPTIND and the place inside a bundled argument (-ab) kept between
// calls. Pure: the builtin (builtins.cc) reads and sets the variables.
#pragma once

namespace qsh {

struct GetoptsStep {
  int status = 1;              // 0: name/optarg are set; 1: no more options
  char name[2] = {'?', '\0'};  // the letter, or "?" (unknown, or missing argument) / ":" (missing, silent)
  const char* optarg = nullptr;  // OPTARG, or nullptr to unset it
  char letter[2] = {};           // OPTARG's storage when it is the option letter itself
  const char* error = nullptr;   // a message to print (not in silent mode), about `letter`
};

// args[0..n) are the operands ($1 is args[0]); *ind is OPTIND (1-based)
// and *pos the next letter's index in args[*ind - 1] (1 after the '-').
// optstring's leading ':' selects silent error reporting.
GetoptsStep getopts_step(const char* optstring, const char* const* args, int n, int* ind, int* pos);

}  // namespace qsh
