// io_fuzz: thousands of hostile I/O messages (sys/iomsg.h) to every server
// (devnull, the pipe manager, taskman's /proc/boot and made-up directories)
// on connections of its own: random types and subtypes, sizes that disagree
// with their headers, random bytes, well-formed connects with absurd paths,
// handles, flags and extras, dups naming anything, bad pointers in the send
// and reply vectors, connections dropped mid-way with or without a close.
// Every message gets an answer (a timeout ends a wait the server may keep,
// as a pipe read does), and every server still serves afterwards. Seeded:
// argv[1] (default 1), printed, so a failure can be replayed. Paths after
// the seed fuzz only their servers (console_test: "io_fuzz 7 /dev/console");
// device controls are often the terminal's and the protocol's own.
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <string.h>
#include <sys/dcmd_chr.h>
#include <sys/iomsg.h>
#include <sys/neutrino.h>
#include <time.h>
#include <unistd.h>

#include "user/tests/check.h"
#include "user/tests/fuzz.h"

using qrv_test::expect;
using qrv_test::expect_eq;

namespace {

using qrv_test::below;
using qrv_test::next;

const uint64_t kHostile[] = {0, 1, 0xffffffffffffffffull, 0x7fffffff, 0x80000000, 4096, 65536, 1u << 20,
                             0x3fffffffffull, 0xffffffc080200000ull, 0xc0000000ull};
constexpr uint32_t kHostileCount = sizeof kHostile / sizeof kHostile[0];

struct Target {
  const char* path;  // opened once to learn the server
  int32_t pid;
  int32_t chid;
};

struct Buffer {
  alignas(8) uint8_t bytes[600];
};

// A message worth sending: random, or shaped like one of the protocol's.
size_t shape(Buffer& m) {
  for (uint8_t& b : m.bytes) b = static_cast<uint8_t>(next());
  size_t len = below(sizeof m.bytes + 1);
  auto* h = reinterpret_cast<struct _io_hdr*>(m.bytes);
  if (below(5) == 0 || len < sizeof *h) return len;  // plain noise
  h->type = static_cast<uint16_t>(_IO_BASE + below(_IO_MAX - _IO_BASE + 3));
  h->subtype = static_cast<uint16_t>(below(4) == 0 ? next() : below(3));
  h->size = below(4) == 0 ? static_cast<uint32_t>(kHostile[below(kHostileCount)]) : static_cast<uint32_t>(len);
  if (h->type == _IO_CONNECT && len >= sizeof(struct _io_connect)) {
    auto* c = reinterpret_cast<struct _io_connect*>(m.bytes);
    c->hdr.subtype = static_cast<uint16_t>(below(6));
    c->handle = below(4) == 0 ? static_cast<uint32_t>(next()) : below(3);
    c->ioflag = below(2) == 0 ? below(4) : static_cast<uint32_t>(next());
    const size_t room = len - sizeof *c;
    c->path_len = static_cast<uint16_t>(below(4) == 0 ? next() : (room != 0 ? below(static_cast<uint32_t>(room) + 1) : 0));
    c->extra_len = static_cast<uint16_t>(below(3) == 0 ? below(8) : 0);
    char* path = reinterpret_cast<char*>(c + 1);
    for (size_t i = 0; i < room; ++i) path[i] = below(4) == 0 ? '/' : static_cast<char>('a' + below(3));
    if (c->path_len != 0 && c->path_len <= room) path[c->path_len - 1] = '\0';
    if (below(2) == 0) c->hdr.size = static_cast<uint32_t>(sizeof *c + c->path_len + c->extra_len);
    if (below(2) == 0) len = sizeof *c + c->path_len + c->extra_len;
    if (len > sizeof m.bytes) len = sizeof m.bytes;
  } else if (h->type == _IO_DUP && len >= sizeof(struct _io_dup)) {
    auto* d = reinterpret_cast<struct _io_dup*>(m.bytes);
    d->src_pid = below(2) == 0 ? 0 : static_cast<int32_t>(below(40));
    d->src_coid = static_cast<int32_t>(below(70));
    len = sizeof *d;
    d->hdr.size = sizeof *d;
  } else if (h->type == _IO_DEVCTL && len >= sizeof(struct _io_devctl) && below(2) == 0) {
    static const int kCommands[] = {
        static_cast<int>(_IO_DCMD_GETFLAGS), static_cast<int>(_IO_DCMD_SETFLAGS), DCMD_CHR_TCGETATTR,
        DCMD_CHR_TCSETATTR, DCMD_CHR_TCSETATTRD, DCMD_CHR_TCSETATTRF, DCMD_CHR_TCGETPGRP, DCMD_CHR_TCSETPGRP,
        DCMD_CHR_TCGETSID, DCMD_CHR_TCFLUSH, DCMD_CHR_TCDRAIN, DCMD_CHR_TCFLOW, DCMD_CHR_SETCTTY,
        DCMD_CHR_GETSIZE, DCMD_CHR_SETSIZE, DCMD_CHR_SENDBREAK, DCMD_CHR_ISATTY};
    auto* d = reinterpret_cast<struct _io_devctl*>(m.bytes);
    d->dcmd = static_cast<uint32_t>(kCommands[below(sizeof kCommands / sizeof kCommands[0])]);
    if (below(2) == 0) {
      d->nbytes = static_cast<uint32_t>(len - sizeof *d);
      d->hdr.size = static_cast<uint32_t>(len);
    }
  } else if ((h->type == _IO_READ || h->type == _IO_WRITE) && len >= sizeof(struct _io_read)) {
    auto* r = reinterpret_cast<struct _io_read*>(m.bytes);
    r->nbytes = below(2) == 0 ? below(700) : kHostile[below(kHostileCount)];
    if (h->type == _IO_READ) {
      len = sizeof *r;
      r->hdr.size = sizeof *r;
    } else if (below(2) == 0) {
      r->nbytes = len - sizeof *r;
    }
  }
  return len;
}

// One connection's worth: a few messages (a connect first, often), then the
// connection goes, closed properly or not. Returns the messages sent.
int session(const Target& t, int* errors) {
  const int coid = ConnectAttach(0, t.pid, t.chid, 0, 0);
  if (coid < 0) return 0;
  int sent = 0;
  const int n = 1 + static_cast<int>(below(6));
  for (int i = 0; i < n; ++i) {
    Buffer msg, reply;
    size_t len = shape(msg);
    if (i == 0 && below(3) != 0) {  // usually open something first: the I/O messages then reach handlers
      auto* c = reinterpret_cast<struct _io_connect*>(msg.bytes);
      *c = {{_IO_CONNECT, _IO_CONNECT_OPEN, sizeof *c + 1}, below(3), below(3), 0, 1, 0};
      msg.bytes[sizeof *c] = '\0';
      len = sizeof *c + 1;
    }
    // Nothing a server keeps may hold us: a wait ends after 2 ms.
    const uint64_t timeout = 2000000;
    TimerTimeout(CLOCK_MONOTONIC, _NTO_TIMEOUT_SEND | _NTO_TIMEOUT_REPLY, nullptr, &timeout, nullptr);
    long r;
    switch (below(12)) {
      case 0:
        r = MsgSend_r(coid, reinterpret_cast<void*>(kHostile[below(kHostileCount)]), len, reply.bytes, sizeof reply.bytes);
        break;
      case 1:
        r = MsgSend_r(coid, msg.bytes, len, reinterpret_cast<void*>(kHostile[below(kHostileCount)]), 512);
        break;
      default:
        r = MsgSend_r(coid, msg.bytes, len, reply.bytes, below(sizeof reply.bytes + 1));
    }
    *errors += r < 0;
    ++sent;
  }
  if (below(2) == 0) {
    struct _io_hdr close_msg = {_IO_CLOSE, 0, sizeof close_msg};
    (void)MsgSend_r(coid, &close_msg, sizeof close_msg, nullptr, 0);
  }
  ConnectDetach(coid);
  return sent;
}

bool learn(Target* t) {
  const int fd = open(t->path, O_RDONLY);
  if (fd < 0) return false;
  struct qrv_server_info info;
  const bool ok = ConnectServerInfo(0, fd, &info) == fd;
  t->pid = info.pid;
  t->chid = info.chid;
  close(fd);
  return ok;
}

// The servers of the given paths only; each must still open and stat.
int fuzz_paths(unsigned long seed, char** paths, int count) {
  Target targets[8];
  const int n = count < 8 ? count : 8;
  for (int i = 0; i < n; ++i) {
    targets[i] = {paths[i], 0, 0};
    expect(learn(&targets[i]), paths[i]);
  }
  constexpr int kSessions = 1500;
  int sent = 0, errors = 0;
  for (int i = 0; i < kSessions; ++i) sent += session(targets[below(static_cast<uint32_t>(n))], &errors);
  printf("io_fuzz: seed %lu, %d sessions, %d messages, %d answered with an error\n", seed, kSessions, sent, errors);
  for (int i = 0; i < n; ++i) {
    struct stat st;
    const int fd = open(paths[i], O_RDONLY | O_NOCTTY);
    expect(fd >= 0 && fstat(fd, &st) == 0, "the server still serves");
    if (fd >= 0) close(fd);
  }
  return qrv_test::report("io_fuzz");
}

}  // namespace

int main(int argc, char** argv) {
  const unsigned long seed = argc > 1 ? strtoul(argv[1], nullptr, 0) : 1;
  qrv_test::fuzz_seed(seed);
  if (argc > 2) return fuzz_paths(seed, argv + 2, argc - 2);
  Target targets[] = {{"/dev/null", 0, 0}, {"/dev/pipe", 0, 0}, {"/proc/boot", 0, 0}, {"/dev", 0, 0}};
  for (Target& t : targets) expect(learn(&t), t.path);
  constexpr int kSessions = 1500;
  int sent = 0, errors = 0;
  for (int i = 0; i < kSessions; ++i) sent += session(targets[below(4)], &errors);
  printf("io_fuzz: seed %lu, %d sessions, %d messages, %d answered with an error\n", seed, kSessions, sent, errors);
  expect(errors > sent / 2, "most hostile messages are refused");
  // Every server still serves.
  char buf[8];
  const int null_fd = open("/dev/null", O_RDWR);
  expect(null_fd >= 0 && read(null_fd, buf, sizeof buf) == 0 && write(null_fd, buf, 3) == 3, "devnull serves");
  close(null_fd);
  int fds[2];
  expect(pipe(fds) == 0 && write(fds[1], "ok", 2) == 2 && read(fds[0], buf, sizeof buf) == 2, "the pipe manager serves");
  close(fds[0]);
  close(fds[1]);
  DIR* d = opendir("/proc/boot");
  expect(d != nullptr && readdir(d) != nullptr, "taskman serves /proc/boot");
  if (d != nullptr) closedir(d);
  return qrv_test::report("io_fuzz");
}
