// run_session: the poll loop over QEMU's console pipe and the runner's signal pipe.
#include "testing/runner/console_session.h"

#include <poll.h>
#include <signal.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <optional>
#include <utility>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "testing/runner/backtrace_symbolizer.h"
#include "testing/runner/console_matcher.h"
#include "testing/runner/console_tail.h"
#include "testing/runner/line_splitter.h"
#include "testing/runner/qemu_process.h"
#include "testing/runner/signal_pipe.h"
#include "testing/runner/wait_status.h"

namespace qrv::runner {
namespace {

constexpr size_t kTailLines = 30;
constexpr absl::Duration kPollSlice = absl::Milliseconds(100);

void write_out(std::FILE* stream, std::string_view bytes) {
  if (stream == nullptr) return;
  std::fwrite(bytes.data(), 1, bytes.size(), stream);
  std::fflush(stream);
}

std::string seconds(absl::Duration d) {
  return absl::StrFormat("%.3fs", absl::ToDoubleSeconds(d));
}

class Session {
 public:
  explicit Session(const SessionOptions& options)
      : options_(options),
        matcher_(options.expected, options.panic_patterns),
        tail_(kTailLines) {}

  SessionResult run();

 private:
  // Feeds console bytes; returns a result when they decide the run.
  std::optional<SessionResult> consume(std::string_view bytes);
  std::optional<SessionResult> consume_line(const std::string& line);
  // Reads what is available now; false at end of stream or on error.
  bool read_available(std::optional<SessionResult>* decided);
  // After QEMU is dead: read what is left, flush the partial line.
  std::optional<SessionResult> drain();
  SessionResult on_exit(int status);
  SessionResult on_timeout();
  SessionResult fail(std::string reason) { return {false, std::move(reason)}; }
  // The panic verdict, with the console's last lines (printed once, when it is final).
  SessionResult panic_result();
  std::string pending_description() const;
  std::string elapsed() const { return seconds(absl::Now() - start_); }

  const SessionOptions& options_;
  ConsoleMatcher matcher_;
  ConsoleTail tail_;
  LineSplitter splitter_;
  std::optional<QemuProcess> qemu_;
  absl::Time start_;
  absl::Time last_match_;
  bool output_open_ = true;
  std::optional<SessionResult> panic_;  // Set at the first panic line; the run's verdict.
  absl::Time panic_deadline_;
  std::string panic_pattern_;
};

std::optional<SessionResult> Session::consume(std::string_view bytes) {
  if (!options_.match) {
    write_out(stdout, bytes);
    write_out(options_.log, bytes);
    return std::nullopt;
  }
  for (const std::string& line : splitter_.feed(bytes)) {
    if (auto decided = consume_line(line)) return decided;
  }
  return std::nullopt;
}

std::optional<SessionResult> Session::consume_line(const std::string& raw) {
  const std::string line =
      options_.symbols != nullptr ? symbolize_line(*options_.symbols, raw, options_.locate) : raw;
  std::string with_newline = absl::StrCat(line, "\n");
  write_out(stdout, with_newline);
  write_out(options_.log, with_newline);
  tail_.add(line);
  if (panic_.has_value()) return std::nullopt;  // Shown, no longer matched.
  LineResult result = matcher_.on_line(line);
  switch (result.verdict) {
    case LineVerdict::kNone:
      return std::nullopt;
    case LineVerdict::kMatched:
      last_match_ = absl::Now();
      return std::nullopt;
    case LineVerdict::kAllMatched:
      last_match_ = absl::Now();
      if (options_.expect_exit != kAnyExitStatus) return std::nullopt;
      return SessionResult{true, absl::StrCat("(all ", matcher_.expected_count(),
                                              " expectations matched in ", elapsed(),
                                              "; QEMU stopped, --expect_exit=-1)")};
    case LineVerdict::kPanic:
      break;
  }
  const std::string pattern(result.pattern);
  panic_ = fail(absl::StrCat("panic pattern '", pattern, "' in console line \"", line,
                             "\" after ", elapsed(), " (", pending_description(), ")"));
  panic_deadline_ = absl::Now() + options_.panic_grace;
  panic_pattern_ = pattern;
  return std::nullopt;
}

SessionResult Session::panic_result() {
  std::string report =
      absl::StrCat("qemu_runner: panic pattern '", panic_pattern_, "' seen; last console lines:\n");
  for (const std::string& l : tail_.lines()) absl::StrAppend(&report, "qemu_runner: | ", l, "\n");
  write_out(stdout, report);
  return *panic_;
}

bool Session::read_available(std::optional<SessionResult>* decided) {
  char buffer[16384];
  for (int chunk = 0; chunk < 16; ++chunk) {  // Bounded, so signals and timeouts get a turn.
    ssize_t n = read(qemu_->output_fd(), buffer, sizeof buffer);
    if (n > 0) {
      *decided = consume(std::string_view(buffer, static_cast<size_t>(n)));
      if (decided->has_value()) return true;
      continue;
    }
    if (n < 0 && errno == EINTR) continue;
    if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) return true;
    return false;  // EOF (every writer gone) or a read error.
  }
  return true;
}

std::optional<SessionResult> Session::drain() {
  std::optional<SessionResult> decided;
  // Nonblocking: stop at EOF, or when nothing is ready (something outside QEMU's group
  // could hold the pipe open forever).
  while (output_open_) {
    if (!read_available(&decided)) output_open_ = false;
    if (decided.has_value()) return decided;
    pollfd pfd = {qemu_->output_fd(), POLLIN, 0};
    if (!output_open_ || poll(&pfd, 1, 0) <= 0 || (pfd.revents & (POLLIN | POLLHUP)) == 0) break;
  }
  output_open_ = false;
  if (options_.match) {
    if (std::optional<std::string> tail = splitter_.finish()) return consume_line(*tail);
  }
  return std::nullopt;
}

std::string Session::pending_description() const {
  if (!options_.match) return "interactive session";
  if (matcher_.expected_count() == 0) return "no expectations";
  if (matcher_.all_matched()) {
    return absl::StrCat("all ", matcher_.expected_count(), " expectations matched");
  }
  return absl::StrCat("expectation ", matcher_.matched_count() + 1, "/",
                      matcher_.expected_count(), " \"", std::string(matcher_.pending()), "\" pending for ",
                      seconds(absl::Now() - last_match_));
}

SessionResult Session::on_exit(int status) {
  std::string how = describe_wait_status(status);
  if (!matcher_.all_matched()) {
    return fail(absl::StrCat("QEMU ", how, " after ", elapsed(), " before ",
                             pending_description(), " matched"));
  }
  if (!exit_status_matches(status, options_.expect_exit)) {
    std::string want = options_.expect_exit == kAnyExitStatus
                           ? std::string("a normal exit")
                           : absl::StrCat("status ", options_.expect_exit);
    return fail(absl::StrCat("QEMU ", how, " after ", elapsed(), ", expected ", want, " (",
                             pending_description(), ")"));
  }
  return {true, absl::StrCat("(", matcher_.expected_count(), " expectations matched, QEMU ",
                             how, ", ", elapsed(), ")")};
}

SessionResult Session::on_timeout() {
  std::string what = matcher_.all_matched()
                         ? absl::StrCat(": ", pending_description(), ", but QEMU did not exit")
                         : absl::StrCat(" waiting for ", pending_description());
  return fail(absl::StrCat("timed out after ", absl::FormatDuration(options_.timeout), what,
                           "; killed QEMU"));
}

SessionResult Session::run() {
  absl::StatusOr<QemuProcess> spawned = QemuProcess::spawn(options_.argv, options_.inherit_stdin);
  if (!spawned.ok()) return fail(std::string(spawned.status().message()));
  qemu_.emplace(std::move(*spawned));
  start_ = absl::Now();
  last_match_ = start_;
  const absl::Time deadline = start_ + options_.timeout;

  while (true) {
    if (panic_.has_value() && absl::Now() >= std::min(deadline, panic_deadline_)) {
      qemu_->kill_and_reap();
      drain();
      return panic_result();
    }
    absl::Duration left = (panic_.has_value() ? std::min(deadline, panic_deadline_) : deadline) -
                          absl::Now();
    if (left <= absl::ZeroDuration()) {
      qemu_->kill_and_reap();
      // What QEMU printed last may still decide the run (a panic line, the last match).
      if (std::optional<SessionResult> decided = drain()) return *decided;
      if (panic_.has_value()) return panic_result();
      return on_timeout();
    }
    int wait_ms = static_cast<int>(absl::ToInt64Milliseconds(std::min(left, kPollSlice))) + 1;
    pollfd fds[2] = {{output_open_ ? qemu_->output_fd() : -1, POLLIN, 0},
                     {options_.signal_fd, POLLIN, 0}};
    int ready = poll(fds, 2, wait_ms);
    if (ready < 0 && errno != EINTR) {
      qemu_->kill_and_reap();
      return fail(absl::StrCat("poll: ", std::strerror(errno)));
    }
    if (int sig = take_pending_signal(options_.signal_fd); sig != 0) {
      qemu_->kill_and_reap();
      drain();  // Shown for the log; the signal is the verdict.
      return fail(absl::StrCat("runner received signal ", sig, " (", strsignal(sig), ") after ",
                               elapsed(), " (", pending_description(), "); killed QEMU"));
    }
    if (output_open_ && (fds[0].revents & (POLLIN | POLLHUP | POLLERR)) != 0) {
      std::optional<SessionResult> decided;
      if (!read_available(&decided)) output_open_ = false;
      if (decided.has_value()) {
        qemu_->kill_and_reap();
        return *decided;
      }
    }
    if (std::optional<int> status = qemu_->poll_exit()) {
      qemu_->kill_group();  // Anything QEMU left behind in its group.
      if (std::optional<SessionResult> decided = drain()) return *decided;
      if (panic_.has_value()) return panic_result();
      return on_exit(*status);
    }
  }
}

}  // namespace

SessionResult run_session(const SessionOptions& options) { return Session(options).run(); }

}  // namespace qrv::runner
