// run_session: the poll loop over QEMU's console pipe, the runner's signal pipe and, with
// send steps, QEMU's stdin pipe (written only when poll says it has room).
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
        matcher_(options.steps, options.panic_patterns),
        tail_(kTailLines) {}

  SessionResult run();

 private:
  // Feeds console bytes; returns a result when they decide the run.
  std::optional<SessionResult> consume(std::string_view bytes);
  std::optional<SessionResult> consume_line(const std::string& line);
  // Symbolizes, prints, logs and remembers a complete line; returns what was shown.
  std::string show_line(const std::string& raw);
  // What a match means for the run: set only when it ends the run now.
  std::optional<SessionResult> on_match(const LineResult& result);
  // Takes the matcher's send steps and writes what QEMU's stdin pipe takes now.
  void send_queued();
  void flush_input();
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
  std::string to_guest_;     // Send-step bytes not yet written to QEMU's stdin.
  std::string input_error_;  // Why writing to QEMU's stdin stopped, if it did.
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
  if (panic_.has_value() || splitter_.pending_size() == 0) return std::nullopt;
  // The line so far (a prompt); it is printed once complete (or at the end of the run).
  LineResult result = matcher_.on_partial(splitter_.partial());
  send_queued();
  std::optional<SessionResult> decided = on_match(result);
  if (decided.has_value()) {
    if (std::optional<std::string> tail = splitter_.finish()) show_line(*tail);
  }
  return decided;
}

std::string Session::show_line(const std::string& raw) {
  // Names are appended to the raw line, so the matcher's offsets into it stay valid.
  std::string line =
      options_.symbols != nullptr ? symbolize_line(*options_.symbols, raw, options_.locate) : raw;
  std::string with_newline = absl::StrCat(line, "\n");
  write_out(stdout, with_newline);
  write_out(options_.log, with_newline);
  tail_.add(line);
  return line;
}

std::optional<SessionResult> Session::on_match(const LineResult& result) {
  if (result.verdict != LineVerdict::kMatched && result.verdict != LineVerdict::kAllMatched) {
    return std::nullopt;
  }
  last_match_ = absl::Now();
  if (result.verdict == LineVerdict::kMatched || options_.expect_exit != kAnyExitStatus) {
    return std::nullopt;
  }
  return SessionResult{true, absl::StrCat("(all ", matcher_.expected_count(),
                                          " expectations matched in ", elapsed(),
                                          "; QEMU stopped, --expect_exit=-1)")};
}

void Session::send_queued() {
  to_guest_ += matcher_.take_sends();
  flush_input();
}

void Session::flush_input() {
  while (!to_guest_.empty()) {
    if (qemu_->input_fd() < 0) {
      to_guest_.clear();  // Closed after an error, already reported.
      return;
    }
    ssize_t n = write(qemu_->input_fd(), to_guest_.data(), to_guest_.size());
    if (n > 0) {
      to_guest_.erase(0, static_cast<size_t>(n));
      continue;
    }
    if (n < 0 && errno == EINTR) continue;
    if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) return;  // Poll says when.
    input_error_ = absl::StrCat("writing to QEMU's stdin failed (",
                                n < 0 ? std::strerror(errno) : "no progress", "), ",
                                to_guest_.size(), " bytes not sent");
    to_guest_.clear();
    qemu_->close_input();
    return;
  }
}

std::optional<SessionResult> Session::consume_line(const std::string& raw) {
  const std::string line = show_line(raw);
  if (panic_.has_value()) return std::nullopt;  // Shown, no longer matched.
  LineResult result = matcher_.on_line(line);
  send_queued();
  if (result.verdict != LineVerdict::kPanic) return on_match(result);
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
  std::string what;
  if (matcher_.expected_count() == 0) {
    what = "no expectations";
  } else if (matcher_.all_matched()) {
    what = absl::StrCat("all ", matcher_.expected_count(), " expectations matched");
  } else {
    what = absl::StrCat("expectation ", matcher_.matched_count() + 1, "/",
                        matcher_.expected_count(), " \"", std::string(matcher_.pending()),
                        "\" pending for ", seconds(absl::Now() - last_match_));
  }
  if (!input_error_.empty()) absl::StrAppend(&what, "; ", input_error_);
  return what;
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
  QemuStdin stdin_mode = options_.inherit_stdin           ? QemuStdin::kInherit
                         : has_send_step(options_.steps) ? QemuStdin::kPipe
                                                         : QemuStdin::kDevNull;
  absl::StatusOr<QemuProcess> spawned = QemuProcess::spawn(options_.argv, stdin_mode);
  if (!spawned.ok()) return fail(std::string(spawned.status().message()));
  qemu_.emplace(std::move(*spawned));
  start_ = absl::Now();
  last_match_ = start_;
  send_queued();  // Sends before the first expectation go at once.
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
    pollfd fds[3] = {{output_open_ ? qemu_->output_fd() : -1, POLLIN, 0},
                     {options_.signal_fd, POLLIN, 0},
                     {to_guest_.empty() ? -1 : qemu_->input_fd(), POLLOUT, 0}};
    int ready = poll(fds, 3, wait_ms);
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
    if ((fds[2].revents & (POLLOUT | POLLERR | POLLHUP)) != 0) flush_input();
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
