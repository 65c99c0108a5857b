// The suite files, and what /proc/boot holds in the conformance boot image
// (BUILD's qsh_conformance_boot_image; keep the two the same): pathname
// expansion cases run in that directory, and the host test makes a copy of
// it (empty files, lines.txt as it is) for dash.
#pragma once

namespace qsh_conf {

inline constexpr const char* kSuites[] = {
    "simple.suite",   "quoting.suite",  "expansion.suite", "redirection.suite",
    "control.suite",  "functions.suite", "builtins.suite", "errors.suite",
};

// In name order, as ls and pathname expansion list them.
inline constexpr const char* kBootNames[] = {
    "builtins.suite", "cat",          "control.suite", "devnull",           "errors.suite",
    "expansion.suite", "functions.suite", "init",      "lines.txt",         "pipe",
    "qsh",            "quoting.suite", "redirection.suite", "simple.suite", "sleep",
    "taskman",
};

}  // namespace qsh_conf
