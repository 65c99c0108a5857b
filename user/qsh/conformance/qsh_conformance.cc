// qsh_conformance: /proc/boot/init of the conformance boot image. It starts
// devnull and the pipe manager, checks that /proc/boot holds what the
// cases expect (suites.h), and runs every case of every suite as
// `/proc/boot/qsh -c <script>` in /proc/boot (runner.h), printing
// "FAIL: <suite>: <case>: ..." for each mismatch and the known qsh
// failures it skips over; it ends with "qsh_conformance: N passed, M
// failed" (and "known failures: K"), its status 0 only if M is 0.
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "user/init/start_server.h"
#include "user/qsh/conformance/runner.h"
#include "user/qsh/conformance/suites.h"

namespace {

// Whether /proc/boot lists exactly kBootNames (in any order).
bool boot_names_match() {
  DIR* d = opendir("/proc/boot");
  if (d == nullptr) {
    printf("FAIL: qsh_conformance: cannot list /proc/boot\n");
    return false;
  }
  constexpr size_t kCount = sizeof qsh_conf::kBootNames / sizeof qsh_conf::kBootNames[0];
  bool seen[kCount] = {};
  bool ok = true;
  while (const dirent* e = readdir(d)) {
    if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0) continue;
    bool known = false;
    for (size_t i = 0; i < kCount; ++i) {
      if (strcmp(e->d_name, qsh_conf::kBootNames[i]) == 0) known = seen[i] = true;
    }
    if (!known) {
      printf("FAIL: qsh_conformance: /proc/boot/%s is not in suites.h's kBootNames\n", e->d_name);
      ok = false;
    }
  }
  closedir(d);
  for (size_t i = 0; i < kCount; ++i) {
    if (!seen[i]) {
      printf("FAIL: qsh_conformance: no /proc/boot/%s\n", qsh_conf::kBootNames[i]);
      ok = false;
    }
  }
  return ok;
}

}  // namespace

int main(int argc, char** argv) {
  if (qrv_init::start_server("devnull", "/dev/null", "qsh_conformance", "FAIL: ") < 0) return 1;
  if (qrv_init::start_server("pipe", "/dev/pipe", "qsh_conformance", "FAIL: ") < 0) return 1;
  const bool verbose = argc > 1 && strcmp(argv[1], "-v") == 0;
  qsh_conf::Tally t = {};
  if (!boot_names_match()) ++t.failed;
  if (chdir("/proc/boot") != 0) {
    printf("FAIL: qsh_conformance: cannot chdir to /proc/boot\n");
    ++t.failed;
  }
  static char path_var[] = "PATH=/proc/boot";
  static char home_var[] = "HOME=/";
  static char* envp[] = {path_var, home_var, nullptr};
  const qsh_conf::RunOptions opt = {"/proc/boot/qsh", envp, true, 30000, verbose};
  for (const char* suite : qsh_conf::kSuites) {
    char path[64];
    snprintf(path, sizeof path, "/proc/boot/%s", suite);
    size_t n = 0;
    char* text = qsh_conf::read_file(path, &n);
    if (text == nullptr) {
      ++t.failed;
      continue;
    }
    const int before = t.passed + t.failed + t.known;
    qsh_conf::run_suite(opt, suite, text, n, &t);
    printf("qsh_conformance: %s: %d cases\n", suite, t.passed + t.failed + t.known - before);
    free(text);
  }
  printf("qsh_conformance: known failures: %d\n", t.known);
  printf("qsh_conformance: %d passed, %d failed\n", t.passed, t.failed);
  return t.failed == 0 ? 0 : 1;
}
