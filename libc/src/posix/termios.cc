// The terminal interface: each tc* call and isatty is one devctl
// (termios_api.h's DCMD_CHR_* commands) to the descriptor's server; the cf*
// calls only edit the struct. Arguments POSIX defines are checked here
// (EINVAL) before anything is sent. A server that does not know the command
// answers ENOTTY (the resmgr library does); one that does not speak devctl at
// all answers ENOSYS, which means the same here: not a terminal. Failures:
// -1 and errno (isatty: 0 and errno).
#include "libc/src/common/entrypoint.h"
#include "libc/src/common/errno.h"
#include "libc/src/posix/posix_api.h"

namespace qrv::libc {

using namespace tty;  // The commands and flags.

namespace {

// devctl's error number, the POSIX way.
int tty_result(int error) {
  if (error == 0) return 0;
  set_errno(error == QRV_ENOSYS ? QRV_ENOTTY : error);
  return -1;
}

// A command with no data.
int control(int fd, int dcmd) { return tty_result(devctl(fd, dcmd, nullptr, 0, nullptr)); }

// A command carrying one int to the server (the reply may overwrite `value`,
// devctl's data goes both ways, so it is always a copy).
int control_int(int fd, int dcmd, int value) {
  return tty_result(devctl(fd, dcmd, &value, sizeof value, nullptr));
}

pid_t get_pid(int fd, int dcmd) {
  pid_t pid = 0;
  if (tty_result(devctl(fd, dcmd, &pid, sizeof pid, nullptr)) != 0) return -1;
  return pid;
}

bool known_speed(speed_t speed) {
  for (const Speed& s : kSpeeds) {
    if (s.code == speed) return true;
  }
  return false;
}

}  // namespace

QRV_LIBC_FN(int, tcgetattr, (int fd, Termios* t)) {
  if (t == nullptr) return tty_result(QRV_EFAULT);
  return tty_result(devctl(fd, kTcgetattr, t, sizeof *t, nullptr));
}

QRV_LIBC_FN(int, tcsetattr, (int fd, int optional_actions, const Termios* t)) {
  int dcmd = 0;
  switch (optional_actions) {
    case kTcsanow: dcmd = kTcsetattr; break;
    case kTcsadrain: dcmd = kTcsetattrd; break;
    case kTcsaflush: dcmd = kTcsetattrf; break;
    default: return tty_result(QRV_EINVAL);
  }
  if (t == nullptr) return tty_result(QRV_EFAULT);
  Termios copy = *t;  // *t is const; devctl's reply lands in its data.
  return tty_result(devctl(fd, dcmd, &copy, sizeof copy, nullptr));
}

QRV_LIBC_FN(speed_t, cfgetispeed, (const Termios* t)) { return t->c_ispeed; }

QRV_LIBC_FN(speed_t, cfgetospeed, (const Termios* t)) { return t->c_ospeed; }

// 0 is POSIX's "the same as the output speed", kept as 0 for the server.
QRV_LIBC_FN(int, cfsetispeed, (Termios* t, speed_t speed)) {
  if (!known_speed(speed)) return tty_result(QRV_EINVAL);
  t->c_ispeed = speed;
  return 0;
}

// Also in c_cflag's CBAUD bits, where Linux keeps it.
QRV_LIBC_FN(int, cfsetospeed, (Termios* t, speed_t speed)) {
  if (!known_speed(speed)) return tty_result(QRV_EINVAL);
  t->c_ospeed = speed;
  t->c_cflag = (t->c_cflag & ~kCbaud) | speed;
  return 0;
}

// BSD's: both speeds; as in glibc, a rate in bits per second (9600) is taken
// for its code (B9600) too.
QRV_LIBC_FN(int, cfsetspeed, (Termios* t, speed_t speed)) {
  for (const Speed& s : kSpeeds) {
    if (s.code == speed || s.rate == speed) {
      (void)cfsetospeed(t, s.code);
      return cfsetispeed(t, s.code);
    }
  }
  return tty_result(QRV_EINVAL);
}

// As glibc's (and the BSDs' but for IGNBRK and CREAD): no input processing,
// no output processing, no echo, no signals, 8 bits, reads return each byte.
QRV_LIBC_FN(void, cfmakeraw, (Termios* t)) {
  t->c_iflag &= ~(kIgnbrk | kBrkint | kParmrk | kIstrip | kInlcr | kIgncr | kIcrnl | kIxon);
  t->c_oflag &= ~kOpost;
  t->c_lflag &= ~(kEcho | kEchonl | kIcanon | kIsig | kIexten);
  t->c_cflag &= ~(kCsize | kParenb);
  t->c_cflag |= kCs8;
  t->c_cc[kVmin] = 1;
  t->c_cc[kVtime] = 0;
}

QRV_LIBC_FN(int, tcdrain, (int fd)) { return control(fd, kTcdrain); }

QRV_LIBC_FN(int, tcflow, (int fd, int action)) {
  if (action != kTcooff && action != kTcoon && action != kTcioff && action != kTcion) {
    return tty_result(QRV_EINVAL);
  }
  return control_int(fd, kTcflow, action);
}

QRV_LIBC_FN(int, tcflush, (int fd, int queue_selector)) {
  if (queue_selector != kTciflush && queue_selector != kTcoflush && queue_selector != kTcioflush) {
    return tty_result(QRV_EINVAL);
  }
  return control_int(fd, kTcflush, queue_selector);
}

QRV_LIBC_FN(int, tcsendbreak, (int fd, int duration)) { return control_int(fd, kSendbreak, duration); }

QRV_LIBC_FN(pid_t, tcgetsid, (int fd)) { return get_pid(fd, kTcgetsid); }

QRV_LIBC_FN(pid_t, tcgetpgrp, (int fd)) { return get_pid(fd, kTcgetpgrp); }

QRV_LIBC_FN(int, tcsetpgrp, (int fd, pid_t pgrp)) {
  if (pgrp < 0) return tty_result(QRV_EINVAL);
  return tty_result(devctl(fd, kTcsetpgrp, &pgrp, sizeof pgrp, nullptr));
}

// 1 for a terminal; else 0 and errno: EBADF for a bad descriptor, otherwise
// ENOTTY, whatever the server said (POSIX allows only those two).
QRV_LIBC_FN(int, isatty, (int fd)) {
  const int error = devctl(fd, kIsatty, nullptr, 0, nullptr);
  if (error == 0) return 1;
  set_errno(error == QRV_EBADF ? QRV_EBADF : QRV_ENOTTY);
  return 0;
}

}  // namespace qrv::libc
