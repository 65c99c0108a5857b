// console_test: /proc/boot/init of the console boot image. It starts the
// console's driver (devc-ser16550 or devc-sersifive) and devnull, makes itself a session
// leader with /dev/console as its controlling terminal and standard
// streams, and checks the terminal as a program sees it: isatty, the
// default attributes, tcsetattr's actions and errors, the foreground
// process group and session, window size, flush, drain, flow, O_NONBLOCK,
// a write far bigger than the driver's queue. Then it asks for keys: each
// step prints a prompt ("[name]> ", no newline) that the QEMU test waits
// for before typing (its `send:` steps), and reports "console_test: <name>:
// ok" or FAIL. Last, io_fuzz sends the driver hostile messages, and the
// terminal must still work. Children are this program under other names
// (argv[0]).
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

#include "user/init/console_driver.h"
#include "user/init/start_server.h"
#include "user/tests/check.h"

using qrv_test::expect;
using qrv_test::expect_eq;

extern char** environ;

namespace {

volatile sig_atomic_t g_caught[NSIG];
void on_signal(int sig) { g_caught[sig] = g_caught[sig] + 1; }

void catch_signal(int sig) {
  struct sigaction sa = {};
  sa.sa_handler = on_signal;  // no SA_RESTART: a read it interrupts ends with EINTR
  sigaction(sig, &sa, nullptr);
}

long err(long r) { return r < 0 ? -errno : r; }

int64_t now_ms() {
  struct timespec ts = {};
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return static_cast<int64_t>(ts.tv_sec) * 1000 + ts.tv_nsec / 1000000;
}

void prompt(const char* name) {
  printf("[%s]> ", name);
  fflush(stdout);
}

// Reads once from the terminal; the bytes, NUL-terminated, and the count (or -errno).
long read_once(char* buf, size_t cap) {
  const long n = read(STDIN_FILENO, buf, cap - 1);
  buf[n > 0 ? n : 0] = '\0';
  return n < 0 ? -errno : n;
}

void step(const char* name, bool ok, const char* detail) {
  if (ok) {
    printf("console_test: %s: ok\n", name);
  } else {
    printf("FAIL: console_test: %s: %s\n", name, detail);
  }
  expect(ok, name);
}

bool set_raw(cc_t vmin, cc_t vtime) {
  termios t;
  if (tcgetattr(STDIN_FILENO, &t) != 0) return false;
  t.c_lflag &= ~static_cast<tcflag_t>(ICANON | ECHO);
  t.c_cc[VMIN] = vmin;
  t.c_cc[VTIME] = vtime;
  return tcsetattr(STDIN_FILENO, TCSANOW, &t) == 0;
}

pid_t spawn_role(const char* role, bool own_group) {
  posix_spawnattr_t attr;
  posix_spawnattr_init(&attr);
  if (own_group) {
    posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETPGROUP);
    posix_spawnattr_setpgroup(&attr, 0);
  }
  char* argv[] = {const_cast<char*>(role), nullptr};
  pid_t pid = -1;
  const int r = posix_spawn(&pid, "/proc/boot/init", nullptr, &attr, argv, environ);
  posix_spawnattr_destroy(&attr);
  return r == 0 ? pid : -1;
}

int wait_status(pid_t pid) {
  int status = -1;
  pid_t r;
  while ((r = waitpid(pid, &status, 0)) < 0 && errno == EINTR) {  // SIGWINCH, say
  }
  if (r != pid) return -1;
  return WIFEXITED(status) ? WEXITSTATUS(status) : 100 + WTERMSIG(status);
}

// What needs no keys.
void attributes(int devnull) {
  expect(isatty(STDIN_FILENO) == 1, "the console is a terminal");
  errno = 0;
  expect(isatty(devnull) == 0 && errno == ENOTTY, "/dev/null is not (ENOTTY)");
  struct stat st;
  expect(fstat(STDIN_FILENO, &st) == 0 && S_ISCHR(st.st_mode), "the console is a character device");
  expect_eq(err(lseek(STDIN_FILENO, 0, SEEK_SET)), -ESPIPE, "a terminal does not seek");

  termios t;
  expect(tcgetattr(STDIN_FILENO, &t) == 0, "tcgetattr");
  expect((t.c_lflag & (ICANON | ECHO | ISIG)) == (ICANON | ECHO | ISIG), "canonical, echo and signals by default");
  expect((t.c_iflag & ICRNL) != 0 && (t.c_oflag & (OPOST | ONLCR)) == (OPOST | ONLCR), "CR in is NL, NL out is CR NL");
  expect(t.c_cc[VINTR] == 3 && t.c_cc[VEOF] == 4 && t.c_cc[VERASE] == 0x7f && t.c_cc[VKILL] == 0x15,
         "^C interrupts, ^D ends, DEL erases, ^U kills");
  expect(cfgetospeed(&t) == B115200, "at 115200 baud");
  expect_eq(err(tcgetattr(devnull, &t)), -ENOTTY, "tcgetattr on /dev/null: ENOTTY");
  expect_eq(err(tcsetattr(STDIN_FILENO, 42, &t)), -EINVAL, "tcsetattr with a bad action: EINVAL");

  termios changed;
  tcgetattr(STDIN_FILENO, &t);
  changed = t;
  changed.c_cc[VKILL] = 0x18;  // ^X
  changed.c_lflag |= ECHONL;
  expect(tcsetattr(STDIN_FILENO, TCSADRAIN, &changed) == 0, "tcsetattr TCSADRAIN");
  termios back;
  tcgetattr(STDIN_FILENO, &back);
  expect(back.c_cc[VKILL] == 0x18 && (back.c_lflag & ECHONL) != 0, "what was set reads back");
  expect(tcsetattr(STDIN_FILENO, TCSAFLUSH, &t) == 0, "tcsetattr TCSAFLUSH");
  tcgetattr(STDIN_FILENO, &back);
  expect(back.c_cc[VKILL] == 0x15 && (back.c_lflag & ECHONL) == 0, "and the old attributes are back");

  expect_eq(tcgetpgrp(STDIN_FILENO), getpgrp(), "the foreground group is ours");
  expect_eq(tcgetsid(STDIN_FILENO), getpid(), "the terminal's session is ours");
  expect_eq(err(tcsetpgrp(STDIN_FILENO, 999)), -EPERM, "tcsetpgrp to no group: EPERM");
  expect_eq(err(tcsetpgrp(STDIN_FILENO, 1)), -EPERM, "tcsetpgrp to another session's group: EPERM");
  expect_eq(err(tcsetpgrp(STDIN_FILENO, -3)), -EINVAL, "tcsetpgrp to a negative group: EINVAL");
  expect(tcsetpgrp(STDIN_FILENO, getpgrp()) == 0, "tcsetpgrp to our own group");
  expect_eq(err(tcgetpgrp(devnull)), -ENOTTY, "tcgetpgrp on /dev/null: ENOTTY");
  expect_eq(wait_status(spawn_role("console_other_session", false)), 0,
            "in another session the terminal is not the controlling one (ENOTTY), and opening it does not take it");

  struct winsize ws = {};
  expect(ioctl(STDIN_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_row == 24 && ws.ws_col == 80, "24 by 80 to begin with");
  const struct winsize big = {50, 132, 0, 0};
  catch_signal(SIGWINCH);
  expect(ioctl(STDIN_FILENO, TIOCSWINSZ, &big) == 0, "TIOCSWINSZ");
  expect(ioctl(STDIN_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_row == 50 && ws.ws_col == 132, "the new size reads back");
  expect_eq(g_caught[SIGWINCH], 1, "a new size signals the foreground group (SIGWINCH)");

  expect(tcflush(STDIN_FILENO, TCIOFLUSH) == 0, "tcflush");
  expect_eq(err(tcflush(STDIN_FILENO, 42)), -EINVAL, "tcflush with a bad queue: EINVAL");
  expect(tcdrain(STDOUT_FILENO) == 0, "tcdrain");
  expect(tcflow(STDOUT_FILENO, TCOON) == 0, "tcflow TCOON");
  expect_eq(err(tcflow(STDOUT_FILENO, 42)), -EINVAL, "tcflow with a bad action: EINVAL");

  const int flags = fcntl(STDIN_FILENO, F_GETFL);
  fcntl(STDIN_FILENO, F_SETFL, flags | O_NONBLOCK);
  char c;
  expect_eq(err(read(STDIN_FILENO, &c, 1)), -EAGAIN, "a read with nothing typed and O_NONBLOCK: EAGAIN");
  fcntl(STDIN_FILENO, F_SETFL, flags);
  char pad[8];
  expect_eq(err(pread(STDIN_FILENO, pad, sizeof pad, 0)), -ESPIPE, "pread on a terminal: ESPIPE");

  // Ten times the driver's output queue: the write waits for the transmitter.
  static char bulk[40 * 1024];
  for (size_t i = 0; i < sizeof bulk; ++i) bulk[i] = (i % 128 == 127) ? '\n' : static_cast<char>('a' + i % 26);
  expect_eq(write(STDOUT_FILENO, bulk, sizeof bulk), static_cast<long>(sizeof bulk), "a 40 KiB write goes out whole");
  expect(tcdrain(STDOUT_FILENO) == 0, "and drains");
}

// A second session: the console is not its controlling terminal, and a
// session leader opening it while ours lives does not take it.
int other_session() {
  if (setsid() < 0) return 1;
  if (tcgetpgrp(STDIN_FILENO) != -1 || errno != ENOTTY) return 2;
  const int fd = open("/dev/console", O_RDWR);
  if (fd < 0) return 3;
  if (tcgetsid(fd) != -1 || errno != ENOTTY) return 4;
  close(fd);
  return 0;
}

// A background reader in an orphaned group (its parent, the middle role
// below, has ended: nobody would continue it) reads EIO instead of being
// stopped (POSIX 11.1.4). It cannot be waited for: it says so itself.
int orphaned_reader() {
  for (int i = 0; i < 2000 && getppid() != 1; ++i) {  // until taskman is its parent
    const struct timespec ms = {0, 1000000};
    nanosleep(&ms, nullptr);
  }
  char buf[16];
  const long n = read(STDIN_FILENO, buf, sizeof buf);
  if (n < 0 && errno == EIO) {
    printf("console_test: orphaned background read: EIO\n");
  } else {
    printf("FAIL: console_test: orphaned background read: %ld (errno %d)\n", n, errno);
  }
  return 0;
}
int orphaned_reader_parent() { return spawn_role("console_orphan", false) > 0 ? 0 : 1; }

// A background reader that ignores SIGTTIN: EIO too (its own group, which
// we link: not orphaned). The exit status says how the read ended.
int ignoring_reader() {
  signal(SIGTTIN, SIG_IGN);
  char buf[16];
  const long n = read(STDIN_FILENO, buf, sizeof buf);
  return n < 0 && errno == EIO ? 0 : 1;
}

void orphaned_read() {
  const pid_t m = spawn_role("console_orphan_parent", true);
  expect_eq(wait_status(m), 0, "the orphan's parent started it");
  bool gone = false;
  for (int i = 0; i < 5000 && !gone; ++i) {  // its group is m's
    gone = kill(-m, 0) < 0 && errno == ESRCH;
    const struct timespec ms = {0, 1000000};
    if (!gone) nanosleep(&ms, nullptr);
  }
  expect(gone, "the orphaned reader ended");
  expect_eq(wait_status(spawn_role("console_ignore_ttin", true)), 0, "a background reader ignoring SIGTTIN reads EIO");
}

// The foreground child: once in the foreground it waits for a line that
// never comes; ^C ends it.
int foreground_child() {
  for (int i = 0; i < 2000 && tcgetpgrp(STDIN_FILENO) != getpgrp(); ++i) {  // until handed the terminal
    const struct timespec ms = {0, 1000000};
    nanosleep(&ms, nullptr);
  }
  prompt("child");
  char buf[16];
  (void)read(STDIN_FILENO, buf, sizeof buf);
  return 1;
}

// A read on the terminal in a thread of its own, with sig unblocked.
struct Reader {
  int sig;
  char buf[64];
  long n;
};

void* read_unblocked(void* arg) {
  Reader* r = static_cast<Reader*>(arg);
  sigset_t only;
  sigemptyset(&only);
  sigaddset(&only, r->sig);
  pthread_sigmask(SIG_UNBLOCK, &only, nullptr);
  r->n = read_once(r->buf, sizeof r->buf);
  return nullptr;
}

// Whether some thread of ours is blocked on the driver (its read sent), as
// /proc/<pid> says; up to 2 s.
bool wait_until_reading(pid_t driver) {
  char path[32];
  snprintf(path, sizeof path, "/proc/%d", getpid());
  char want[32];
  snprintf(want, sizeof want, "REPLY pid %d ", driver);
  for (int i = 0; i < 2000; ++i) {
    const int fd = open(path, O_RDONLY);
    char text[1024];
    const long n = fd < 0 ? -1 : read(fd, text, sizeof text - 1);
    if (fd >= 0) close(fd);
    text[n > 0 ? n : 0] = '\0';
    if (strstr(text, want) != nullptr) return true;
    const struct timespec ms = {0, 1000000};
    nanosleep(&ms, nullptr);
  }
  return false;
}

void typing(pid_t driver) {
  char buf[512];
  long n;

  prompt("erase");
  n = read_once(buf, sizeof buf);
  step("erase", n == 11 && strcmp(buf, "helo world\n") == 0, buf);

  prompt("kill");
  n = read_once(buf, sizeof buf);
  step("kill", n == 3 && strcmp(buf, "ok\n") == 0, buf);

  prompt("eof");
  n = read_once(buf, sizeof buf);
  step("eof", n == 0, "^D on an empty line reads 0 bytes");

  prompt("partial");
  n = read_once(buf, sizeof buf);
  step("partial", n == 2 && strcmp(buf, "ab") == 0, "^D after text ends the line without a newline");

  // The key must come while the read waits in the driver: another thread
  // reads, and the prompt appears once /proc shows it REPLY-blocked there.
  // The signals are blocked in this thread, so the reader is the one hit.
  const struct {
    const char* name;
    int sig;
  } keys[] = {{"intr", SIGINT}, {"quit", SIGQUIT}, {"susp", SIGTSTP}};
  for (const auto& k : keys) {
    catch_signal(k.sig);
    sigset_t only;
    sigemptyset(&only);
    sigaddset(&only, k.sig);
    pthread_sigmask(SIG_BLOCK, &only, nullptr);
    Reader r = {k.sig, {}, 0};
    pthread_t t;
    const bool started = pthread_create(&t, nullptr, read_unblocked, &r) == 0;
    const bool waiting = started && wait_until_reading(driver);
    if (waiting) prompt(k.name);
    if (started) pthread_join(t, nullptr);
    pthread_sigmask(SIG_UNBLOCK, &only, nullptr);
    step(k.name, waiting && r.n == -EINTR && g_caught[k.sig] == 1, "the key raises its signal in our group");
  }

  set_raw(1, 0);
  prompt("raw");
  n = read_once(buf, sizeof buf);
  step("raw", n == 1 && buf[0] == 'x', "raw mode: one key, no Enter");

  set_raw(3, 0);
  prompt("raw3");
  n = read_once(buf, 3 + 1);
  step("raw3", n == 3 && strcmp(buf, "abc") == 0, "VMIN 3: three keys");

  set_raw(0, 3);
  const int64_t t0 = now_ms();
  n = read_once(buf, sizeof buf);
  const int64_t waited = now_ms() - t0;
  step("vtime", n == 0 && waited >= 250 && waited < 5000, "VMIN 0, VTIME 3: nothing after 0.3 s");

  set_raw(5, 2);
  prompt("inter");
  n = read_once(buf, sizeof buf);
  step("inter", n == 2 && strcmp(buf, "qz") == 0, "VMIN 5, VTIME 2: two keys, then the gap ends the read");

  termios sane;
  tcgetattr(STDIN_FILENO, &sane);
  sane.c_lflag |= ICANON | ECHO;
  tcsetattr(STDIN_FILENO, TCSANOW, &sane);

  // ^C goes to the foreground group only: a child's own group, given the terminal.
  const int interrupts = g_caught[SIGINT];
  const pid_t child = spawn_role("console_child", true);
  bool handed = child > 0;
  for (int i = 0; handed && i < 1000 && getpgid(child) != child; ++i) {
    const struct timespec ms = {0, 1000000};
    nanosleep(&ms, nullptr);
  }
  handed = handed && tcsetpgrp(STDIN_FILENO, child) == 0 && tcgetpgrp(STDIN_FILENO) == child;
  const int status = handed ? wait_status(child) : -1;
  tcsetpgrp(STDIN_FILENO, getpgrp());
  printf("\n");
  step("child", handed && status == 100 + SIGINT && g_caught[SIGINT] == interrupts,
       "^C kills the foreground child and spares us");
}

// Hostile messages to the driver (io_fuzz, its output to /dev/null: it may
// stop the terminal's output); then the terminal is set back as it was,
// must still read a typed line, and the kernel is at its baseline.
void fuzz(int devnull) {
  termios saved;
  tcgetattr(STDIN_FILENO, &saved);
  qrv_kernel_counts before = {};
  DebugKernelCheck(&before);
  posix_spawn_file_actions_t fa;
  posix_spawn_file_actions_init(&fa);
  posix_spawn_file_actions_adddup2(&fa, devnull, STDOUT_FILENO);
  posix_spawn_file_actions_adddup2(&fa, devnull, STDERR_FILENO);
  char* argv[] = {const_cast<char*>("io_fuzz"), const_cast<char*>("7"), const_cast<char*>("/dev/console"), nullptr};
  pid_t pid = -1;
  const bool spawned = posix_spawn(&pid, "/proc/boot/io_fuzz", &fa, nullptr, argv, environ) == 0;
  posix_spawn_file_actions_destroy(&fa);
  const int status = spawned ? wait_status(pid) : -1;
  tcflow(STDOUT_FILENO, TCOON);
  tcflush(STDIN_FILENO, TCIOFLUSH);
  tcsetattr(STDIN_FILENO, TCSANOW, &saved);
  tcsetpgrp(STDIN_FILENO, getpgrp());
  printf("\n");
  char detail[64];
  snprintf(detail, sizeof detail, "io_fuzz 7 /dev/console ended with %d", status);
  step("fuzz", status == 0, detail);

  char buf[64];
  prompt("after");
  const long n = read_once(buf, sizeof buf);
  step("after", n == 6 && strcmp(buf, "still\n") == 0, buf);
  qrv_kernel_counts after = {};
  expect(DebugKernelCheck(&after) == 0 && qrv_test::same_counts(before, after),
         "the kernel is consistent and at its baseline after the fuzz");
}

}  // namespace

int main(int argc, char** argv) {
  const char* role = argc > 0 ? argv[0] : "";
  if (strcmp(role, "console_other_session") == 0) return other_session();
  if (strcmp(role, "console_child") == 0) return foreground_child();
  if (strcmp(role, "console_orphan") == 0) return orphaned_reader();
  if (strcmp(role, "console_orphan_parent") == 0) return orphaned_reader_parent();
  if (strcmp(role, "console_ignore_ttin") == 0) return ignoring_reader();

  const char* driver = qrv_init::console_driver();
  if (driver == nullptr) {
    printf("FAIL: console_test: no driver for this console\n");
    return 1;
  }
  const pid_t driver_pid = qrv_init::start_server(driver, "/dev/console", "console_test", "FAIL: ");
  if (driver_pid < 0) return 1;
  if (qrv_init::start_server("devnull", "/dev/null", "console_test", "FAIL: ") < 0) return 1;
  expect(setsid() == getpid(), "setsid: a session of our own");
  const int fd = open("/dev/console", O_RDWR);
  expect_eq(fd, STDIN_FILENO, "the console is our standard input");
  dup2(STDIN_FILENO, STDOUT_FILENO);
  dup2(STDIN_FILENO, STDERR_FILENO);
  printf("console_test: pid %d, session %d, on /dev/console\n", getpid(), getsid(0));
  const int devnull = open("/dev/null", O_RDWR);
  attributes(devnull);
  orphaned_read();
  printf("console_test: %d checks before typing\n", qrv_test::passed + qrv_test::failed);
  typing(driver_pid);
  fuzz(devnull);
  return qrv_test::report("console_test");
}
