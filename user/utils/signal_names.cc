// The table is constant-initialised (the board runs no constructors).
#include "user/utils/signal_names.h"

#include <signal.h>
#include <stdlib.h>
#include <string.h>

namespace utils {
namespace {

constexpr SignalName kSignals[] = {
    {"HUP", SIGHUP},   {"INT", SIGINT},   {"QUIT", SIGQUIT}, {"ILL", SIGILL},   {"TRAP", SIGTRAP},
    {"ABRT", SIGABRT}, {"BUS", SIGBUS},   {"FPE", SIGFPE},   {"KILL", SIGKILL}, {"USR1", SIGUSR1},
    {"SEGV", SIGSEGV}, {"USR2", SIGUSR2}, {"PIPE", SIGPIPE}, {"ALRM", SIGALRM}, {"TERM", SIGTERM},
    {"CHLD", SIGCHLD}, {"CONT", SIGCONT}, {"STOP", SIGSTOP}, {"TSTP", SIGTSTP}, {"TTIN", SIGTTIN},
    {"TTOU", SIGTTOU}, {"URG", SIGURG},   {"WINCH", SIGWINCH},
};

}  // namespace

const SignalName* signal_table(size_t* count) {
  *count = sizeof kSignals / sizeof kSignals[0];
  return kSignals;
}

int signal_number(const char* s) {
  if (s[0] >= '0' && s[0] <= '9') {
    char* end = nullptr;
    const long n = strtol(s, &end, 10);
    return *end == '\0' && n >= 0 && n < NSIG ? static_cast<int>(n) : -1;
  }
  if (strncmp(s, "SIG", 3) == 0) s += 3;
  for (const SignalName& sig : kSignals) {
    if (strcmp(sig.name, s) == 0) return sig.number;
  }
  return -1;
}

const char* signal_name(int number) {
  for (const SignalName& sig : kSignals) {
    if (sig.number == number) return sig.name;
  }
  return nullptr;
}

}  // namespace utils
