// describe_wait_status / exit_status_matches against real child processes.
#include "testing/runner/wait_status.h"

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <string>

#include "gtest/gtest.h"

namespace qrv::runner {
namespace {

int status_of_child(int exit_code, int signal_number) {
  pid_t pid = fork();
  if (pid == 0) {
    if (signal_number != 0) {
      signal(signal_number, SIG_DFL);
      raise(signal_number);
    }
    _exit(exit_code);
  }
  int status = 0;
  waitpid(pid, &status, 0);
  return status;
}

TEST(WaitStatusTest, NormalExit) {
  int status = status_of_child(3, 0);
  EXPECT_EQ(describe_wait_status(status), "exited with status 3");
  EXPECT_TRUE(exit_status_matches(status, 3));
  EXPECT_FALSE(exit_status_matches(status, 0));
  EXPECT_TRUE(exit_status_matches(status, kAnyExitStatus));
}

TEST(WaitStatusTest, KilledBySignal) {
  int status = status_of_child(0, SIGKILL);
  EXPECT_EQ(describe_wait_status(status).rfind("killed by signal 9 (", 0), 0u);
  EXPECT_FALSE(exit_status_matches(status, 0));
  EXPECT_FALSE(exit_status_matches(status, kAnyExitStatus));
}

}  // namespace
}  // namespace qrv::runner
