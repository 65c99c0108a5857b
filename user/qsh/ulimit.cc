// ulimit's arguments and units: see ulimit.h.
#include "user/qsh/ulimit.h"

#include <stdio.h>
#include <string.h>
#include <sys/resource.h>

namespace qsh {

namespace {

constexpr uint64_t kUnlimited = UINT64_MAX;
static_assert(RLIM_INFINITY == kUnlimited, "rlim_t's infinity is all ones");

const UlimitResource kResources[] = {
    {'c', RLIMIT_CORE, 512, "core file size", "blocks"},
    {'d', RLIMIT_DATA, 1024, "data seg size", "kbytes"},
    {'f', RLIMIT_FSIZE, 512, "file size", "blocks"},
    {'n', RLIMIT_NOFILE, 1, "open files", ""},
    {'s', RLIMIT_STACK, 1024, "stack size", "kbytes"},
    {'t', RLIMIT_CPU, 1, "cpu time", "seconds"},
    {'u', RLIMIT_NPROC, 1, "max user processes", ""},
    {'v', RLIMIT_AS, 1024, "virtual memory", "kbytes"},
};

const UlimitResource* by_letter(char c) {
  for (const UlimitResource& r : kResources) {
    if (r.letter == c) return &r;
  }
  return nullptr;
}

}  // namespace

const UlimitResource* ulimit_resources(size_t* n) {
  *n = sizeof kResources / sizeof kResources[0];
  return kResources;
}

const char* ulimit_parse(int argc, char* const* argv, UlimitCmd* cmd, const char** bad) {
  *cmd = UlimitCmd{};
  int i = 1;
  for (; i < argc && argv[i][0] == '-' && argv[i][1] != '\0'; ++i) {
    if (strcmp(argv[i], "--") == 0) {
      ++i;
      break;
    }
    for (const char* p = argv[i] + 1; *p != '\0'; ++p) {
      *bad = argv[i];
      if (*p == 'a') {
        cmd->all = true;
      } else if (*p == 'H') {
        cmd->hard = true;
      } else if (*p == 'S') {
        cmd->soft = true;
      } else if (const UlimitResource* r = by_letter(*p)) {
        if (cmd->what != nullptr && cmd->what != r) return "one limit at a time";
        cmd->what = r;
      } else {
        return "unknown option";
      }
    }
  }
  if (cmd->what == nullptr) cmd->what = by_letter('f');
  if (i == argc) return nullptr;
  *bad = argv[i];
  if (i + 1 < argc) return "too many arguments";
  if (cmd->all) return "-a shows; it sets nothing";
  cmd->set = true;
  if (strcmp(argv[i], "unlimited") == 0) {
    cmd->value = kUnlimited;
    return nullptr;
  }
  uint64_t n = 0;
  const char* p = argv[i];
  if (*p == '\0') return "not a number";
  for (; *p != '\0'; ++p) {
    if (*p < '0' || *p > '9') return "not a number";
    const uint64_t d = static_cast<uint64_t>(*p - '0');
    if (n > (kUnlimited - 1 - d) / 10) return "too large";
    n = n * 10 + d;
  }
  if (n != 0 && n > (kUnlimited - 1) / cmd->what->unit) return "too large";
  cmd->value = n * cmd->what->unit;
  return nullptr;
}

void ulimit_format(const UlimitResource& r, uint64_t value, char* buf, size_t size) {
  if (value == kUnlimited) {
    snprintf(buf, size, "unlimited");
  } else {
    snprintf(buf, size, "%llu", static_cast<unsigned long long>(value / r.unit));
  }
}

}  // namespace qsh
