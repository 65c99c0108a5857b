// Drives the qemu_runner binary against fake_qemu.sh, whose "kernel" is a shell script each
// test writes: pass, timeout, panic, exit status, hang, order, signals to the runner, send
// steps typed into a fake shell that echoes its stdin. Every process the fake started must
// be gone (or a zombie awaiting its reaper) afterwards.
#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "absl/strings/str_cat.h"
#include "gtest/gtest.h"

namespace qrv::runner {
namespace {

using Clock = std::chrono::steady_clock;

struct RunResult {
  int status = -1;  // waitpid status of the runner.
  std::string output;
  double seconds = 0;

  int exit_code() const { return WIFEXITED(status) ? WEXITSTATUS(status) : -1; }
  bool says(const std::string& text) const { return output.find(text) != std::string::npos; }
};

std::string runfile(const std::string& relative) {
  char cwd[4096];
  if (getcwd(cwd, sizeof cwd) == nullptr) return relative;
  return absl::StrCat(cwd, "/", relative);
}

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

void write_file(const std::string& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << text;
}

// Gone, or a zombie: killed, and only waiting for whoever inherited it to reap it.
bool process_gone(pid_t pid) {
  std::string stat = read_file(absl::StrCat("/proc/", pid, "/stat"));
  if (stat.empty()) return true;
  size_t paren = stat.rfind(')');
  return paren != std::string::npos && paren + 2 < stat.size() && stat[paren + 2] == 'Z';
}

bool gone_within(pid_t pid, std::chrono::milliseconds limit) {
  Clock::time_point end = Clock::now() + limit;
  while (!process_gone(pid)) {
    if (Clock::now() > end) return false;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  return true;
}

class QemuRunnerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const char* tmp = std::getenv("TEST_TMPDIR");
    dir_ = absl::StrCat(tmp != nullptr ? tmp : "/tmp", "/",
                        ::testing::UnitTest::GetInstance()->current_test_info()->name());
    mkdir(dir_.c_str(), 0755);
    pids_ = dir_ + "/pids";
    args_ = dir_ + "/args";
    unlink(pids_.c_str());
    unlink(args_.c_str());
    setenv("FAKE_QEMU_PIDS", pids_.c_str(), 1);
    setenv("FAKE_QEMU_ARGS", args_.c_str(), 1);
    unsetenv("TEST_UNDECLARED_OUTPUTS_DIR");  // Log files only where a test asks for one.
  }

  // Flags for a run of `kernel_script` expecting `expected` lines.
  std::vector<std::string> flags(const std::string& kernel_script,
                                 const std::vector<std::string>& expected) {
    std::string kernel = dir_ + "/kernel.sh";
    write_file(kernel, kernel_script);
    std::string expect = dir_ + "/expect.txt";
    std::string text;
    for (const std::string& line : expected) absl::StrAppend(&text, line, "\n");
    write_file(expect, text);
    return {"--qemu=" + runfile("testing/runner/fake_qemu.sh"), "--bios=/dev/null",
            "--kernel=" + kernel, "--expect_file=" + expect, "--timeout=30s"};
  }

  // Runs the runner; if signal_number is set, sends it once the fake QEMU has started.
  RunResult run(std::vector<std::string> args, int signal_number = 0) {
    std::string out_path = dir_ + "/runner_output.txt";
    args.insert(args.begin(), runfile("testing/runner/qemu_runner"));
    std::vector<char*> argv;
    for (std::string& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    Clock::time_point start = Clock::now();
    pid_t pid = fork();
    if (pid == 0) {
      int fd = open(out_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
      dup2(fd, STDOUT_FILENO);
      dup2(fd, STDERR_FILENO);
      execv(argv[0], argv.data());
      _exit(126);
    }
    if (signal_number != 0) {
      Clock::time_point end = Clock::now() + std::chrono::seconds(20);
      while (recorded_pids().empty() && Clock::now() < end) {
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(200));
      kill(pid, signal_number);
    }
    RunResult result;
    waitpid(pid, &result.status, 0);
    result.seconds = std::chrono::duration<double>(Clock::now() - start).count();
    result.output = read_file(out_path);
    return result;
  }

  std::vector<pid_t> recorded_pids() {
    std::vector<pid_t> pids;
    std::istringstream in(read_file(pids_));
    pid_t pid;
    while (in >> pid) pids.push_back(pid);
    return pids;
  }

  void expect_all_fakes_gone() {
    std::vector<pid_t> pids = recorded_pids();
    EXPECT_FALSE(pids.empty()) << "the fake QEMU never ran";
    for (pid_t pid : pids) {
      EXPECT_TRUE(gone_within(pid, std::chrono::seconds(5))) << "process " << pid << " survived";
    }
  }

  std::string dir_;
  std::string pids_;
  std::string args_;
};

TEST_F(QemuRunnerTest, PassesWhenAllLinesMatchInOrderAndQemuExitsZero) {
  RunResult r = run(flags("echo 'OpenSBI v1.1'\necho 'qrv: boot'\necho 'ktest: 3 passed, 0 failed'\n"
                          "exit 0\n",
                          {"boot", "3 passed"}));
  EXPECT_EQ(r.exit_code(), 0) << r.output;
  EXPECT_TRUE(r.says("\nqrv: boot\nktest: 3 passed, 0 failed\n")) << r.output;  // Verbatim.
  EXPECT_TRUE(r.says("qemu_runner: PASS")) << r.output;
  expect_all_fakes_gone();
}

TEST_F(QemuRunnerTest, CrLfAndAnUnterminatedLastLine) {
  RunResult r = run(flags("printf 'one\\r\\ntwo'\nexit 0\n", {"one", "two"}));
  EXPECT_EQ(r.exit_code(), 0) << r.output;
  EXPECT_TRUE(r.says("one\ntwo\n")) << r.output;
  EXPECT_FALSE(r.says("\r")) << r.output;
}

TEST_F(QemuRunnerTest, VeryLongLinesAreStreamedAndDoNotHideLaterLines) {
  RunResult r = run(flags("head -c 300000 /dev/zero | tr '\\0' x\necho\necho done\nexit 0\n",
                          {"done"}));
  EXPECT_EQ(r.exit_code(), 0) << r.output.substr(0, 200);
  EXPECT_GE(r.output.size(), 300000u);
}

TEST_F(QemuRunnerTest, MissingExpectationTimesOut) {
  std::vector<std::string> args =
      flags("echo 'qrv: boot'\nsleep 1000\n", {"boot", "never printed"});
  args.push_back("--timeout=1s");
  RunResult r = run(args);
  EXPECT_EQ(r.exit_code(), 1) << r.output;
  EXPECT_TRUE(r.says("qemu_runner: FAIL: timed out after 1s")) << r.output;
  EXPECT_TRUE(r.says("expectation 2/2 \"never printed\" pending for")) << r.output;
  EXPECT_LT(r.seconds, 10) << r.output;
  expect_all_fakes_gone();
}

TEST_F(QemuRunnerTest, PanicLineFailsAtOnce) {
  RunResult r = run(flags(
      "echo 'qrv: boot'\necho 'kernel panic: page fault at 0x0'\necho 'after'\nsleep 1000\n",
      {"boot", "never printed"}));
  EXPECT_EQ(r.exit_code(), 1) << r.output;
  EXPECT_TRUE(r.says("FAIL: panic pattern 'panic' in console line \"kernel panic: page fault"))
      << r.output;
  EXPECT_TRUE(r.says("qemu_runner: | qrv: boot\n")) << r.output;  // The tail is reported.
  EXPECT_LT(r.seconds, 10) << r.output;  // Not the 30 s timeout.
  expect_all_fakes_gone();
}

// The report after a panic line (the backtrace) is still shown, until QEMU exits (the
// kernel powers off) or the grace ends; the verdict stays the panic.
TEST_F(QemuRunnerTest, PanicReportIsShownUntilQemuExits) {
  RunResult r = run(flags(
      "echo 'kernel panic: oops'\necho 'backtrace:'\necho '  #0  0x0'\nexit 1\n", {"never"}));
  EXPECT_EQ(r.exit_code(), 1) << r.output;
  EXPECT_TRUE(r.says("FAIL: panic pattern 'panic' in console line \"kernel panic: oops"))
      << r.output;
  EXPECT_TRUE(r.says("qemu_runner: |   #0  0x0\n")) << r.output;
  EXPECT_LT(r.seconds, 1.5) << r.output;  // QEMU's exit ends the grace at once.
  expect_all_fakes_gone();
}

TEST_F(QemuRunnerTest, UnreadableSymbolsAreAUsageError) {
  std::vector<std::string> args = flags("echo 'hello'\nexit 0\n", {"hello"});
  args.push_back("--symbols=" + dir_ + "/no_such.elf");
  RunResult r = run(args);
  EXPECT_EQ(r.exit_code(), 2) << r.output;
  EXPECT_TRUE(r.says("cannot open")) << r.output;
}

TEST_F(QemuRunnerTest, CustomPanicPatterns) {
  std::vector<std::string> args = flags("echo 'oops: bad'\nexit 0\n", {"bad"});
  args.push_back("--panic_pattern=oops,BUG");
  RunResult r = run(args);
  EXPECT_EQ(r.exit_code(), 1) << r.output;
  EXPECT_TRUE(r.says("panic pattern 'oops'")) << r.output;

  args = flags("echo 'kernel panic: expected by this test'\nexit 0\n", {"kernel panic"});
  args.push_back("--panic_pattern=");
  r = run(args);
  EXPECT_EQ(r.exit_code(), 0) << r.output;

  std::string panic_file = dir_ + "/panic.txt";
  write_file(panic_file, "Oops, at\nBUG:\n");
  args = flags("echo 'kernel panic: fine here'\necho 'Oops, at 0x0'\nexit 0\n", {"never"});
  args.push_back("--panic_file=" + panic_file);
  r = run(args);
  EXPECT_EQ(r.exit_code(), 1) << r.output;
  EXPECT_TRUE(r.says("FAIL: panic pattern 'Oops, at' in console line \"Oops, at 0x0\"")) << r.output;
}

TEST_F(QemuRunnerTest, WrongExitStatusFails) {
  RunResult r = run(flags("echo 'all done'\nexit 3\n", {"all done"}));
  EXPECT_EQ(r.exit_code(), 1) << r.output;
  EXPECT_TRUE(r.says("FAIL: QEMU exited with status 3")) << r.output;
  EXPECT_TRUE(r.says("expected status 0")) << r.output;
}

TEST_F(QemuRunnerTest, ExpectedNonZeroExitStatusPasses) {
  std::vector<std::string> args = flags("echo 'all done'\nexit 3\n", {"all done"});
  args.push_back("--expect_exit=3");
  RunResult r = run(args);
  EXPECT_EQ(r.exit_code(), 0) << r.output;
}

TEST_F(QemuRunnerTest, HangIsKilledAfterTheTimeout) {
  // Ignores the polite signals and leaves a child in its group: only SIGKILL of the whole
  // group ends both.
  std::vector<std::string> args =
      flags("trap '' TERM INT HUP\necho 'all done'\nsleep 1000 &\necho $! >> \"$FAKE_QEMU_PIDS\"\n"
            "wait\n",
            {"all done"});
  args.push_back("--timeout=1s");
  RunResult r = run(args);
  EXPECT_EQ(r.exit_code(), 1) << r.output;
  EXPECT_TRUE(r.says("FAIL: timed out after 1s: all 1 expectations matched, but QEMU did not exit"))
      << r.output;
  EXPECT_LT(r.seconds, 10) << r.output;
  EXPECT_EQ(recorded_pids().size(), 2u);
  expect_all_fakes_gone();
}

TEST_F(QemuRunnerTest, OutOfOrderLinesFail) {
  RunResult r = run(flags("echo second\necho first\nexit 0\n", {"first", "second"}));
  EXPECT_EQ(r.exit_code(), 1) << r.output;
  EXPECT_TRUE(r.says("FAIL: QEMU exited with status 0")) << r.output;
  EXPECT_TRUE(r.says("before expectation 2/2 \"second\"")) << r.output;
}

TEST_F(QemuRunnerTest, QemuKilledBeforeMatchingReportsTheSignal) {
  RunResult r = run(flags("echo boot\nkill -SEGV $$\n", {"boot", "done"}));
  EXPECT_EQ(r.exit_code(), 1) << r.output;
  EXPECT_TRUE(r.says("QEMU killed by signal 11")) << r.output;
}

TEST_F(QemuRunnerTest, ExitLeavingAChildHoldingTheConsoleStillEnds) {
  RunResult r = run(flags("sleep 1000 &\necho $! >> \"$FAKE_QEMU_PIDS\"\necho done\nexit 0\n",
                          {"done"}));
  EXPECT_EQ(r.exit_code(), 0) << r.output;
  EXPECT_LT(r.seconds, 10) << r.output;
  expect_all_fakes_gone();
}

TEST_F(QemuRunnerTest, AnyExitStatusStopsQemuOnceAllLinesMatched) {
  std::vector<std::string> args = flags("echo ready\nsleep 1000\n", {"ready"});
  args.push_back("--expect_exit=-1");
  RunResult r = run(args);
  EXPECT_EQ(r.exit_code(), 0) << r.output;
  EXPECT_TRUE(r.says("qemu_runner: PASS (all 1 expectations matched")) << r.output;
  EXPECT_LT(r.seconds, 10) << r.output;
  expect_all_fakes_gone();
}

TEST_F(QemuRunnerTest, SigtermToTheRunnerKillsQemu) {
  std::vector<std::string> args =
      flags("trap '' TERM\necho boot\nsleep 1000 &\necho $! >> \"$FAKE_QEMU_PIDS\"\nwait\n",
            {"boot", "never"});
  RunResult r = run(args, SIGTERM);
  EXPECT_EQ(r.exit_code(), 1) << r.output;
  EXPECT_TRUE(r.says("FAIL: runner received signal 15")) << r.output;
  EXPECT_LT(r.seconds, 20) << r.output;
  expect_all_fakes_gone();
}

TEST_F(QemuRunnerTest, QemuDiesWithTheRunner) {
  // SIGKILL gives the runner no chance to clean up: PR_SET_PDEATHSIG must end QEMU.
  RunResult r = run(flags("trap '' TERM\necho boot\nwhile :; do sleep 1; done\n", {"never"}),
                    SIGKILL);
  EXPECT_TRUE(WIFSIGNALED(r.status));
  std::vector<pid_t> pids = recorded_pids();
  ASSERT_EQ(pids.size(), 1u);
  EXPECT_TRUE(gone_within(pids[0], std::chrono::seconds(5)));
}

TEST_F(QemuRunnerTest, CommandLineExtraArgsAndIcount) {
  std::string args_file = dir_ + "/qemu_args.txt";
  write_file(args_file, "-device\nvirtio-rng-device,rng=r0\n");
  std::vector<std::string> args = flags("exit 0\n", {});
  args.insert(args.end(), {"--qemu_args_file=" + args_file, "--qemu_arg=-s",
                           "--qemu_arg=-append,a b", "--icount=4", "--smp=4", "--memory=512M"});
  RunResult r = run(args);
  EXPECT_EQ(r.exit_code(), 0) << r.output;
  std::string recorded = read_file(args_);
  EXPECT_EQ(recorded, absl::StrCat("-machine\nvirt\n-cpu\nrv64\n-smp\n4\n-m\n512M\n-nographic\n"
                                   "-bios\n/dev/null\n-kernel\n",
                                   dir_, "/kernel.sh\n-no-reboot\n-monitor\nnone\n-serial\nstdio\n"
                                         "-icount\nshift=4,sleep=off\n-device\nvirtio-rng-device,rng=r0\n"
                                         "-s\n-append,a b\n"));
}

TEST_F(QemuRunnerTest, LogFileGetsTheConsole) {
  std::string log = dir_ + "/console.log";
  std::vector<std::string> args = flags("printf 'a\\r\\nb\\n'\nexit 0\n", {"b"});
  args.push_back("--log_file=" + log);
  RunResult r = run(args);
  EXPECT_EQ(r.exit_code(), 0) << r.output;
  EXPECT_EQ(read_file(log), "a\nb\n");
}

TEST_F(QemuRunnerTest, LogGoesToUndeclaredOutputsByDefault) {
  setenv("TEST_UNDECLARED_OUTPUTS_DIR", dir_.c_str(), 1);
  RunResult r = run(flags("echo hello\nexit 0\n", {"hello"}));
  unsetenv("TEST_UNDECLARED_OUTPUTS_DIR");
  EXPECT_EQ(r.exit_code(), 0) << r.output;
  EXPECT_EQ(read_file(dir_ + "/qemu_console.log"), "hello\n");
}

TEST_F(QemuRunnerTest, MissingQemuBinaryFailsClearly) {
  std::vector<std::string> args = flags("exit 0\n", {"x"});
  args.push_back("--qemu=/nonexistent/qemu-system-riscv64");
  RunResult r = run(args);
  EXPECT_EQ(r.exit_code(), 1) << r.output;
  EXPECT_TRUE(r.says("FAIL: cannot run '/nonexistent/qemu-system-riscv64': No such file"))
      << r.output;
}

TEST_F(QemuRunnerTest, BadFlagsAreUsageErrors) {
  std::vector<std::string> args = flags("exit 0\n", {"x"});
  args.push_back("--kernel=");
  RunResult r = run(args);
  EXPECT_EQ(r.exit_code(), 2) << r.output;
  EXPECT_TRUE(r.says("FAIL: --kernel is required")) << r.output;

  args = flags("exit 0\n", {"x"});
  args.push_back("--expect_file=/nonexistent/expect.txt");
  r = run(args);
  EXPECT_EQ(r.exit_code(), 2) << r.output;
  EXPECT_TRUE(r.says("/nonexistent/expect.txt")) << r.output;

  args = flags("exit 0\n", {"x"});
  args.push_back("--timeout=0s");
  EXPECT_EQ(run(args).exit_code(), 2);
  args = flags("exit 0\n", {"x"});
  args.push_back("--qemu_arg");
  EXPECT_EQ(run(args).exit_code(), 2);
}

TEST_F(QemuRunnerTest, InteractiveWithoutTerminalRunsUntilQemuExits) {
  std::vector<std::string> args = flags("printf 'prompt> '\nsleep 0.2\necho panic\nexit 0\n", {});
  args.push_back("--interactive");
  RunResult r = run(args);
  EXPECT_EQ(r.exit_code(), 0) << r.output;
  EXPECT_TRUE(r.says("prompt> panic\n")) << r.output;  // Bytes passed through, no matching.
  EXPECT_NE(read_file(args_).find("mon:stdio"), std::string::npos);
}

// A guest shell: prompts without a newline, echoes each line it reads from its serial input
// (QEMU's stdin) as hex, so the exact bytes of the send steps can be checked, and exits on
// "exit".
constexpr char kEchoShell[] =
    "printf 'qrv# '\n"
    "while IFS= read -r line; do\n"
    "  printf 'got:'; printf '%s' \"$line\" | od -An -tx1 | tr -d ' \\n'; echo\n"
    "  if [ \"$line\" = exit ]; then echo bye; exit 0; fi\n"
    "  printf 'qrv# '\n"
    "done\n"
    "echo eof\n";

TEST_F(QemuRunnerTest, SendStepsReachQemuStdinAndPromptsMatchWithoutANewline) {
  RunResult r = run(flags(kEchoShell, {"qrv# ", "send:hi\\n", "got:6869", "qrv# ",
                                       "send:a\\tb\\\\c\\x41\\n", "got:6109625c6341", "qrv# ",
                                       "send:exit\\n", "bye"}));
  EXPECT_EQ(r.exit_code(), 0) << r.output;
  EXPECT_TRUE(r.says("qemu_runner: PASS (6 expectations matched")) << r.output;
  EXPECT_TRUE(r.says("qrv# got:6869\nqrv# ")) << r.output;  // The console, verbatim.
  expect_all_fakes_gone();
}

TEST_F(QemuRunnerTest, LeadingSendIsWrittenAtOnce) {
  RunResult r = run(flags(kEchoShell, {"send:exit\\n", "bye"}));
  EXPECT_EQ(r.exit_code(), 0) << r.output;
  EXPECT_TRUE(r.says("got:65786974\nbye\n")) << r.output;
}

TEST_F(QemuRunnerTest, AFinalPromptEndsTheRunWithAnyExitStatus) {
  // The last expectation is a prompt that never gets its newline: matched in the partial
  // line, QEMU stopped, the partial line still shown.
  std::vector<std::string> args = flags(kEchoShell, {"qrv# ", "send:x\\n", "got:78", "qrv# "});
  args.push_back("--expect_exit=-1");
  RunResult r = run(args);
  EXPECT_EQ(r.exit_code(), 0) << r.output;
  EXPECT_TRUE(r.says("qemu_runner: PASS (all 3 expectations matched")) << r.output;
  EXPECT_TRUE(r.says("got:78\nqrv# \n")) << r.output;
  EXPECT_LT(r.seconds, 10) << r.output;
  expect_all_fakes_gone();
}

TEST_F(QemuRunnerTest, SendWaitsForTheStepsBeforeIt) {
  // The prompt never comes, so nothing is sent: the guest's read blocks until the timeout.
  std::vector<std::string> args = flags(
      "echo booting\nprintf 'login'\nIFS= read -r line\necho \"early:$line\"\nsleep 1000\n",
      {"login: ", "send:root\\n", "never"});
  args.push_back("--timeout=2s");
  RunResult r = run(args);
  EXPECT_EQ(r.exit_code(), 1) << r.output;
  EXPECT_FALSE(r.says("early:")) << r.output;
  EXPECT_TRUE(r.says("waiting for expectation 1/2 \"login: \"")) << r.output;
  expect_all_fakes_gone();
}

TEST_F(QemuRunnerTest, WithoutSendStepsStdinIsDevNull) {
  RunResult r = run(flags("if read line; then echo \"read:$line\"; else echo eof; fi\nexit 0\n",
                          {"eof"}));
  EXPECT_EQ(r.exit_code(), 0) << r.output;
}

TEST_F(QemuRunnerTest, AGuestThatNeverReadsDoesNotStallTheRunner) {
  // More than a pipe holds, never read: the runner keeps watching the console and times out.
  std::vector<std::string> args =
      flags("echo ready\nsleep 1000\n", {"ready", "send:" + std::string(300000, 'y'), "never"});
  args.push_back("--timeout=2s");
  RunResult r = run(args);
  EXPECT_EQ(r.exit_code(), 1) << r.output;
  EXPECT_TRUE(r.says("FAIL: timed out after 2s waiting for expectation 2/2 \"never\""))
      << r.output;
  EXPECT_LT(r.seconds, 10) << r.output;
  expect_all_fakes_gone();
}

TEST_F(QemuRunnerTest, SendToAGuestThatHasExitedDoesNotKillTheRunner) {
  // The write may meet a closed pipe (EPIPE, SIGPIPE ignored): the verdict is QEMU's exit.
  RunResult r = run(flags("echo ready\nexec 0<&-\nsleep 0.2\nexit 0\n", {"ready", "send:x\\n"}));
  EXPECT_EQ(r.exit_code(), 0) << r.output;
  EXPECT_TRUE(r.says("qemu_runner: PASS")) << r.output;
}

TEST_F(QemuRunnerTest, BadEscapeInASendIsAUsageErrorNamingTheEntry) {
  RunResult r = run(flags(kEchoShell, {"qrv# ", "send:ls\\q"}));
  EXPECT_EQ(r.exit_code(), 2) << r.output;
  EXPECT_TRUE(r.says("FAIL: expect entry 2 \"send:ls\\q\": unknown escape '\\q'")) << r.output;
}

}  // namespace
}  // namespace qrv::runner
