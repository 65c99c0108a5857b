// describe_wait_status / exit_status_matches over <sys/wait.h> statuses.
#include "testing/runner/wait_status.h"

#include <sys/wait.h>

#include <cstring>

#include "absl/strings/str_cat.h"

namespace qrv::runner {

std::string describe_wait_status(int status) {
  if (WIFEXITED(status)) return absl::StrCat("exited with status ", WEXITSTATUS(status));
  if (WIFSIGNALED(status)) {
    int sig = WTERMSIG(status);
    return absl::StrCat("killed by signal ", sig, " (", strsignal(sig), ")");
  }
  return absl::StrCat("stopped or unknown wait status 0x", absl::Hex(status));
}

bool exit_status_matches(int status, int expected) {
  if (!WIFEXITED(status)) return false;
  return expected == kAnyExitStatus || WEXITSTATUS(status) == expected;
}

}  // namespace qrv::runner
