// init's boot script (/proc/boot/rc), QNX-style: one command a line, run in
// order. The language (a subset of QNX's build-file script, plus `console`):
//
//   # a comment                    blank lines and comments are skipped
//   console                        start the console's driver (the device
//                                  tree's choice) and make /dev/console
//                                  init's standard streams
//   display_msg TEXT...            print TEXT
//   waitfor PATH [SECONDS]         wait until PATH exists (default 5 s)
//   [+session] [+respawn] PROGRAM [ARGS...] [&]
//                                  run /proc/boot/PROGRAM (or a path with
//                                  a '/'): with '&' in the background, else
//                                  waited for; +session makes it a session
//                                  leader (its terminal becomes its
//                                  controlling terminal), +respawn starts it
//                                  again when it ends (background only)
//
// Words are separated by blanks; there is no quoting. Parsing is pure and
// host-tested (boot_script_test.cc); init runs the result.
#pragma once

#include <stddef.h>

namespace qrv_init {

enum class StepKind { kConsole, kDisplay, kWaitfor, kRun };

inline constexpr int kMaxSteps = 32;
inline constexpr int kMaxArgs = 8;
inline constexpr size_t kMaxLine = 200;

struct Step {
  StepKind kind = StepKind::kRun;
  int line = 0;
  // kRun: argv[0..argc) (argv[argc] is nullptr); kWaitfor: argv[0] is the
  // path; kDisplay: the text in `text`.
  char* argv[kMaxArgs + 1] = {};
  int argc = 0;
  long wait_ms = 5000;
  bool background = false;
  bool session = false;
  bool respawn = false;
  const char* text = "";
};

struct BootScript {
  Step steps[kMaxSteps];
  int nsteps = 0;
  char buf[4096];  // the words, NUL-terminated, that the steps point into
};

// Parses text[0, len) into *out. True on success; else *out is unusable and
// err holds "line N: what is wrong".
bool parse_boot_script(const char* text, size_t len, BootScript* out, char* err, size_t err_cap);

}  // namespace qrv_init
