// strsignal: glibc's descriptions for the signals the ABI numbers; any other
// number (QRV has no real-time signal names yet) reads "Unknown signal N".
#include "kernel/abi/signals.h"
#include "libc/src/common/entrypoint.h"
#include "libc/src/string/decimal.h"
#include "libc/src/string/string_api.h"

namespace qrv::libc {
namespace {

const char* known_signal(int signo) {
  switch (signo) {
    case QRV_SIGHUP: return "Hangup";
    case QRV_SIGINT: return "Interrupt";
    case QRV_SIGQUIT: return "Quit";
    case QRV_SIGILL: return "Illegal instruction";
    case QRV_SIGTRAP: return "Trace/breakpoint trap";
    case QRV_SIGABRT: return "Aborted";
    case QRV_SIGBUS: return "Bus error";
    case QRV_SIGFPE: return "Floating point exception";
    case QRV_SIGKILL: return "Killed";
    case QRV_SIGUSR1: return "User defined signal 1";
    case QRV_SIGSEGV: return "Segmentation fault";
    case QRV_SIGUSR2: return "User defined signal 2";
    case QRV_SIGPIPE: return "Broken pipe";
    case QRV_SIGALRM: return "Alarm clock";
    case QRV_SIGTERM: return "Terminated";
    case QRV_SIGCHLD: return "Child exited";
    case QRV_SIGCONT: return "Continued";
    case QRV_SIGSTOP: return "Stopped (signal)";
    case QRV_SIGTSTP: return "Stopped";
    case QRV_SIGTTIN: return "Stopped (tty input)";
    case QRV_SIGTTOU: return "Stopped (tty output)";
    case QRV_SIGURG: return "Urgent I/O condition";
    case QRV_SIGWINCH: return "Window changed";
    default: return nullptr;
  }
}

}  // namespace

QRV_LIBC_FN(char*, strsignal, (int signo)) {
  const char* known = known_signal(signo);
  if (known != nullptr) return const_cast<char*>(known);
  static char buf[40];  // POSIX: strsignal need not be thread-safe
  const char prefix[] = "Unknown signal ";
  memcpy(buf, prefix, sizeof(prefix) - 1);
  *write_decimal(buf + sizeof(prefix) - 1, signo) = '\0';
  return buf;
}

}  // namespace qrv::libc
