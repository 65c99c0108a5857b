// qemu_runner: boots a kernel image under QEMU for a test (expected console text in order,
// also in a partial line such as a prompt; "send:" entries typed into the serial console,
// see expect_steps.h; fail fast on panic or timeout, QEMU always killed) or for an
// interactive session.
// Exit status: 0 pass, 1 fail, 2 bad flags. Ends with "qemu_runner: PASS ..." or "FAIL: ...".
#include <signal.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "absl/flags/flag.h"
#include "absl/flags/parse.h"
#include "absl/flags/usage.h"
#include "absl/status/statusor.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/time/time.h"
#include "testing/runner/console_session.h"
#include "testing/runner/elf_symbols.h"
#include "testing/runner/expect_steps.h"
#include "testing/runner/flag_scan.h"
#include "testing/runner/list_file.h"
#include "testing/runner/qemu_command.h"
#include "testing/runner/signal_pipe.h"
#include "testing/runner/source_locator.h"
#include "testing/runner/wait_status.h"

ABSL_FLAG(std::string, qemu, "", "Path to qemu-system-riscv64.");
ABSL_FLAG(std::string, bios, "", "Path to the OpenSBI firmware (fw_dynamic.bin).");
ABSL_FLAG(std::string, kernel, "", "Path to the kernel image (raw binary for -kernel).");
ABSL_FLAG(std::string, initrd, "", "Optional boot image (CPIO) for QEMU's -initrd.");
ABSL_FLAG(std::string, machine, "virt", "QEMU machine.");
ABSL_FLAG(int, smp, 1, "Number of harts.");
ABSL_FLAG(std::string, memory, "256M", "Guest RAM, as for QEMU's -m.");
ABSL_FLAG(std::string, qemu_args_file, "",
          "File of extra QEMU arguments, one per line (before any --qemu_arg).");
ABSL_FLAG(std::string, expect_file, "",
          "File of steps, one per line, in order: console text to expect (a substring of a "
          "line, or of the partial line so far, e.g. a prompt), or send:TEXT to type TEXT "
          "(C escapes \\n \\r \\t \\\\ \\xHH) into the serial console.");
ABSL_FLAG(std::vector<std::string>, panic_pattern,
          std::vector<std::string>({"panic", "PANIC", "unexpected trap", "Unhandled exception",
                                    "sbi_trap_error"}),
          "Comma-separated substrings; a console line containing one fails the run at once. "
          "Pass --panic_pattern= to disable.");
ABSL_FLAG(std::string, panic_file, "",
          "File of panic patterns, one per line; replaces --panic_pattern (an empty file "
          "disables panic detection).");
ABSL_FLAG(absl::Duration, timeout, absl::Seconds(60),
          "Time allowed for the whole run (not applied when --interactive runs on a terminal).");
ABSL_FLAG(int, expect_exit, 0,
          "Exit status QEMU must end with once all lines matched; -1: don't care (QEMU is "
          "stopped as soon as the last line matches).");
ABSL_FLAG(std::optional<int>, icount, std::nullopt, "If set, adds -icount shift=N.");
ABSL_FLAG(bool, interactive, false,
          "Run QEMU on the terminal (-serial mon:stdio), no matching. Without a terminal on "
          "stdin, runs until QEMU exits or the timeout.");
ABSL_FLAG(std::string, symbols, "",
          "The kernel's ELF (image.elf): kernel addresses on console lines get their function "
          "names appended before matching.");
ABSL_FLAG(std::string, addr2line, "",
          "binutils' addr2line for the kernel's architecture: with --symbols, adds file:line.");
ABSL_FLAG(std::string, log_file, "",
          "Copy of the console. Default: $TEST_UNDECLARED_OUTPUTS_DIR/qemu_console.log when "
          "that is set.");

namespace qrv::runner {
namespace {

constexpr int kExitPass = 0;
constexpr int kExitFail = 1;
constexpr int kExitUsage = 2;

constexpr char kUsage[] =
    "Boots a kernel under QEMU and checks its console.\n"
    "  qemu_runner --qemu=Q --bios=B --kernel=K [--expect_file=F] [--qemu_arg=A]...\n"
    "--qemu_arg=A may be repeated; each occurrence is one QEMU argument, kept verbatim\n"
    "(commas included). Exit: 0 pass, 1 fail, 2 bad flags.";

void print_line(const std::string& line) {
  std::fputs(absl::StrCat("qemu_runner: ", line, "\n").c_str(), stdout);
  std::fflush(stdout);
}

int finish(bool pass, const std::string& summary, int fail_code = kExitFail) {
  print_line(pass ? absl::StrCat("PASS ", summary) : absl::StrCat("FAIL: ", summary));
  return pass ? kExitPass : fail_code;
}

std::string log_path() {
  std::string path = absl::GetFlag(FLAGS_log_file);
  if (!path.empty()) return path;
  const char* outputs = std::getenv("TEST_UNDECLARED_OUTPUTS_DIR");
  if (outputs == nullptr || outputs[0] == '\0') return "";
  return absl::StrCat(outputs, "/qemu_console.log");
}

int run(int argc, char** argv) {
  std::signal(SIGPIPE, SIG_IGN);
  absl::SetProgramUsageMessage(kUsage);
  absl::StatusOr<ScannedFlag> scanned = take_repeated_flag(argc, argv, "qemu_arg");
  if (!scanned.ok()) return finish(false, std::string(scanned.status().message()), kExitUsage);
  std::vector<char*> rest = scanned->remaining;
  rest.push_back(nullptr);
  std::vector<char*> positional =
      absl::ParseCommandLine(static_cast<int>(rest.size() - 1), rest.data());
  if (positional.size() > 1) {
    return finish(false, absl::StrCat("unexpected argument '", positional[1], "'"), kExitUsage);
  }

  QemuConfig config;
  config.qemu = absl::GetFlag(FLAGS_qemu);
  config.bios = absl::GetFlag(FLAGS_bios);
  config.kernel = absl::GetFlag(FLAGS_kernel);
  config.initrd = absl::GetFlag(FLAGS_initrd);
  config.machine = absl::GetFlag(FLAGS_machine);
  config.smp = absl::GetFlag(FLAGS_smp);
  config.memory = absl::GetFlag(FLAGS_memory);
  if (std::optional<int> icount = absl::GetFlag(FLAGS_icount)) config.icount_shift = *icount;
  config.interactive = absl::GetFlag(FLAGS_interactive);
  if (std::string file = absl::GetFlag(FLAGS_qemu_args_file); !file.empty()) {
    absl::StatusOr<std::vector<std::string>> args = read_list_file(file);
    if (!args.ok()) return finish(false, std::string(args.status().message()), kExitUsage);
    config.extra_args = *args;
  }
  config.extra_args.insert(config.extra_args.end(), scanned->values.begin(),
                           scanned->values.end());
  absl::StatusOr<std::vector<std::string>> command = build_qemu_command(config);
  if (!command.ok()) return finish(false, std::string(command.status().message()), kExitUsage);

  SessionOptions options;
  options.argv = *command;
  options.timeout = absl::GetFlag(FLAGS_timeout);
  if (options.timeout <= absl::ZeroDuration()) {
    return finish(false, "--timeout must be positive", kExitUsage);
  }
  options.expect_exit = absl::GetFlag(FLAGS_expect_exit);
  if (options.expect_exit < kAnyExitStatus || options.expect_exit > 255) {
    return finish(false, "--expect_exit must be in -1..255", kExitUsage);
  }
  options.panic_patterns = absl::GetFlag(FLAGS_panic_pattern);
  if (std::string file = absl::GetFlag(FLAGS_panic_file); !file.empty()) {
    absl::StatusOr<std::vector<std::string>> patterns = read_list_file(file);
    if (!patterns.ok()) {
      return finish(false, std::string(patterns.status().message()), kExitUsage);
    }
    options.panic_patterns = *patterns;
  }
  if (std::string file = absl::GetFlag(FLAGS_expect_file); !file.empty()) {
    absl::StatusOr<std::vector<std::string>> expected = read_list_file(file);
    if (!expected.ok()) {
      return finish(false, std::string(expected.status().message()), kExitUsage);
    }
    absl::StatusOr<std::vector<ExpectStep>> steps = parse_expect_steps(*expected);
    if (!steps.ok()) return finish(false, std::string(steps.status().message()), kExitUsage);
    options.steps = *std::move(steps);
  }

  std::optional<ElfSymbols> symbols;
  if (std::string file = absl::GetFlag(FLAGS_symbols); !file.empty()) {
    absl::StatusOr<ElfSymbols> read = ElfSymbols::read(file);
    if (!read.ok()) return finish(false, std::string(read.status().message()), kExitUsage);
    symbols = std::move(*read);
    options.symbols = &*symbols;
    if (std::string tool = absl::GetFlag(FLAGS_addr2line); !tool.empty()) {
      options.locate = addr2line_locator(tool, file);
    }
  }

  print_line(absl::StrJoin(options.argv, " "));
  if (config.interactive) {
    options.match = false;
    options.steps.clear();
    if (isatty(STDIN_FILENO)) {
      print_line("interactive: Ctrl-A X quits QEMU, Ctrl-A C toggles its monitor");
      std::vector<char*> args;
      for (std::string& arg : options.argv) args.push_back(arg.data());
      args.push_back(nullptr);
      execvp(args[0], args.data());
      return finish(false, absl::StrCat("cannot run '", args[0], "': ", std::strerror(errno)));
    }
    options.inherit_stdin = true;
    print_line("interactive without a terminal: runs until QEMU exits or the timeout");
  }

  std::FILE* log = nullptr;
  if (std::string path = log_path(); !path.empty()) {
    log = std::fopen(path.c_str(), "wb");
    if (log == nullptr) {
      return finish(false, absl::StrCat("cannot write log '", path, "': ", std::strerror(errno)),
                    kExitUsage);
    }
  }
  options.log = log;
  absl::StatusOr<int> signal_fd = install_signal_pipe();
  if (!signal_fd.ok()) return finish(false, std::string(signal_fd.status().message()));
  options.signal_fd = *signal_fd;

  SessionResult result = run_session(options);
  if (log != nullptr) std::fclose(log);
  return finish(result.pass, result.summary);
}

}  // namespace
}  // namespace qrv::runner

int main(int argc, char** argv) { return qrv::runner::run(argc, argv); }
