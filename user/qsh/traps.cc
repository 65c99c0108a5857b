// trap: commands run when a signal arrives (or, for EXIT, when the shell
// ends). The handler only notes the signal; the command runs between
// commands (run_list calls run_traps), never inside one, with $? kept.
// `trap '' SIG` ignores it (and so do the programs started: ignored
// dispositions cross posix_spawn), `trap - SIG` restores the default.
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "user/qsh/shell.h"

namespace qsh {
namespace {

constexpr int kMaxSignal = 64;
volatile sig_atomic_t g_pending[kMaxSignal + 1];
volatile sig_atomic_t g_any = 0;

void note(int sig) {
  if (sig > 0 && sig <= kMaxSignal) g_pending[sig] = 1;
  g_any = 1;
}

}  // namespace

void Shell::run_traps() {
  if (g_any == 0 || in_trap_) return;
  g_any = 0;
  in_trap_ = true;
  for (int s = 1; s <= kMaxSignal; ++s) {
    if (g_pending[s] == 0) continue;
    g_pending[s] = 0;
    if (traps_[s] == nullptr || traps_[s][0] == '\0') continue;
    const int saved = status;
    char* text = strdup(traps_[s]);  // the trap may replace itself
    if (text != nullptr) run_text(text, strlen(text), true);
    free(text);
    if (!exiting) status = saved;
  }
  in_trap_ = false;
}

void Shell::run_exit_trap() {
  if (traps_[0] == nullptr || traps_[0][0] == '\0') return;
  char* text = traps_[0];
  traps_[0] = nullptr;  // once
  const bool was_exiting = exiting;
  exiting = false;
  const int saved = was_exiting ? exit_status_ : status;
  run_text(text, strlen(text), true);
  free(text);
  exiting = was_exiting;
  status = saved;
  exit_status_ = saved;
}

// -1 for no such signal; 0 is EXIT.
int Shell::trap_signal(const char* name) {
  if (strcmp(name, "EXIT") == 0 || strcmp(name, "0") == 0) return 0;
  char* end = nullptr;
  const long n = strtol(name, &end, 10);
  if (*name != '\0' && *end == '\0') return n > 0 && n <= kMaxSignal && n != SIGKILL && n != SIGSTOP ? static_cast<int>(n) : -1;
  if (strncmp(name, "SIG", 3) == 0) name += 3;
  static const struct {
    const char* name;
    int number;
  } kNames[] = {{"HUP", SIGHUP},   {"INT", SIGINT},   {"QUIT", SIGQUIT}, {"USR1", SIGUSR1}, {"USR2", SIGUSR2},
                {"PIPE", SIGPIPE}, {"ALRM", SIGALRM}, {"TERM", SIGTERM}, {"CHLD", SIGCHLD}, {"WINCH", SIGWINCH},
                {"TSTP", SIGTSTP}, {"TTIN", SIGTTIN}, {"TTOU", SIGTTOU}, {"CONT", SIGCONT}};
  for (const auto& k : kNames) {
    if (strcmp(k.name, name) == 0) return k.number;
  }
  return -1;
}

int Shell::set_trap(const char* action, int sig) {
  free(traps_[sig]);
  traps_[sig] = nullptr;
  if (sig == 0) {
    if (strcmp(action, "-") != 0) traps_[0] = strdup(action);
    return 0;
  }
  struct sigaction sa = {};
  if (strcmp(action, "-") == 0) {
    // The default, except what an interactive shell keeps ignoring for itself.
    const bool keep = interactive && (sig == SIGINT || sig == SIGQUIT || sig == SIGTERM || sig == SIGTSTP ||
                                      sig == SIGTTIN || sig == SIGTTOU);
    sa.sa_handler = keep ? SIG_IGN : SIG_DFL;
  } else if (action[0] == '\0') {
    sa.sa_handler = SIG_IGN;
    traps_[sig] = strdup("");
  } else {
    sa.sa_handler = note;  // no SA_RESTART: a wait it interrupts lets the trap run sooner
    traps_[sig] = strdup(action);
  }
  return sigaction(sig, &sa, nullptr) == 0 ? 0 : 1;
}

int Shell::trap_builtin(int argc, char** argv) {
  if (argc == 1) {
    for (int s = 0; s <= kMaxSignal; ++s) {
      if (traps_[s] == nullptr) continue;
      printf("trap -- '%s' %d\n", traps_[s], s);
    }
    return 0;
  }
  int i = 1;
  if (strcmp(argv[i], "--") == 0) ++i;
  if (i >= argc) return 0;
  // `trap SIG...` (a number first) resets, as POSIX allows.
  const char* action = argv[i];
  if (trap_signal(action) >= 0 && strcmp(action, "-") != 0 && action[0] != '\0') {
    action = "-";
  } else {
    ++i;
  }
  int result = 0;
  if (i >= argc) {
    error("trap: usage: trap [action] signal...");
    return 2;
  }
  for (; i < argc; ++i) {
    const int sig = trap_signal(argv[i]);
    if (sig < 0) {
      error("trap: %s: bad signal", argv[i]);
      result = 1;
      continue;
    }
    if (set_trap(action, sig) != 0) result = 1;
  }
  return result;
}

}  // namespace qsh
