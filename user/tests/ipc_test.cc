// Message passing between address spaces, in four roles of one program:
//   ipc_test server          serves channel 1 (UNBLOCK | DISCONNECT) on its
//                            main thread and channel 2 (no flags) on another
//   ipc_test victim          a server that dies while clients wait on it
//   ipc_test doomed <spid>   a client that dies while REPLY-blocked
//   ipc_test client <spid> <vpid>   runs the checks and prints
//                            "ipc_client: N passed, N failed"
// The server roles are in ipc_server.cc, the protocol in ipc_protocol.h.
// The kernel's test payload (kernel/ipc:ipc_payload) starts them in order.
#include <errno.h>
#include <pthread.h>
#include <sched.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/neutrino.h>
#include <time.h>

#include "user/tests/check.h"
#include "user/tests/ipc_protocol.h"

using qrv_test::expect;
using qrv_test::expect_eq;

namespace ipc_test {
namespace {

// ---- clients ---------------------------------------------------------------

long send_op(int coid, Op op, int32_t arg = 0, uint64_t extra = 0, void* reply = nullptr, size_t rbytes = 0) {
  const Req r = {op, arg, extra};
  return MsgSend(coid, &r, sizeof r, reply, rbytes);
}

// A server process may not have made its channels yet when we start (on
// another hart): try for a second.
int attach(int pid, int chid) {
  for (int i = 0; i < 1000; ++i) {
    // A side channel: fd-range coids are file descriptors (fd 1 would carry printf).
    const int coid = ConnectAttach_r(0, pid, chid, _NTO_SIDE_CHANNEL, 0);
    if (coid != -ESRCH) return coid;
    sleep_ms(1);
  }
  return -ESRCH;
}

int run_doomed(int spid) {
  const int coid = attach(spid, 1);
  pthread_t t;
  pthread_create(&t, nullptr, [](void*) -> void* {
    sleep_ms(30);
    exit(0);  // the whole process, while main waits for its reply
  }, nullptr);
  send_op(coid, kHold);
  printf("FAIL: doomed: the held send returned\n");
  return 1;
}

struct Threaded {
  int coid;
  Op op;
  int32_t arg;
  int priority;  // 0: unchanged
  long result;
  int err;
  PrioReply prio;
};

void* send_thread(void* p) {
  auto* t = static_cast<Threaded*>(p);
  if (t->priority != 0) {
    const sched_param sp = {t->priority, 0};
    SchedSet(0, 0, SCHED_RR, &sp);
  }
  t->result = send_op(t->coid, t->op, t->arg, 0, &t->prio, sizeof t->prio);
  t->err = t->result < 0 ? errno : 0;
  return nullptr;
}

pthread_t start(Threaded* t) {
  pthread_t th;
  pthread_create(&th, nullptr, send_thread, t);
  return th;
}

// Shaped like a receive id (scoid 100, tid 1) but never handed out to us.
int rcvid_bogus() { return 100 << 8 | 1; }

// Page-aligned buffers so sizes cross page boundaries where asked.
alignas(4096) uint8_t g_sbuf[kBuf + 8192];
alignas(4096) uint8_t g_rbuf[kBuf + 8192];

void check_echo_sizes(int coid) {
  const size_t sizes[] = {0, 1, 63, 64, 4095, 4096, 4097, 65536};
  const size_t offsets[] = {0, 4093};
  int bad = 0;
  for (size_t size : sizes) {
    for (size_t off : offsets) {
      uint8_t* s = g_sbuf + off;
      uint8_t* r = g_rbuf + 4096 - off % 4096;
      const Req req = {kEcho, 0, 0};
      memcpy(s, &req, sizeof req);
      for (size_t i = 0; i < size; ++i) s[sizeof req + i] = pattern(i + off);
      memset(r, 0, sizeof req + size);
      const long n = MsgSend(coid, s, sizeof req + size, r, sizeof req + size);
      if (n != static_cast<long>(sizeof req + size) || memcmp(s, r, sizeof req + size) != 0) {
        printf("FAIL: echo of %zu bytes at offset %zu: %ld\n", size, off, n);
        ++bad;
      }
    }
  }
  expect(bad == 0, "echo 0 B to 64 KiB at page-crossing offsets");
  expect_eq(MsgSend(coid, nullptr, 0, nullptr, 0), 0, "a 0-byte message");
}

void check_iov(int coid) {
  const Req req = {kEcho, 0, 0};
  uint8_t* a = g_sbuf + 4095;  // 1 byte before a page boundary
  uint8_t* b = g_sbuf + 8192 + 1;
  uint8_t* c = g_sbuf + 20000;
  for (size_t i = 0; i < 5000; ++i) c[i] = pattern(i);
  a[0] = 0xab;
  for (size_t i = 0; i < 4095; ++i) b[i] = pattern(i + 11);
  iov_t siov[4];
  SETIOV(&siov[0], &req, sizeof req);
  SETIOV(&siov[1], a, 1);
  SETIOV(&siov[2], b, 4095);
  SETIOV(&siov[3], c, 5000);
  const size_t total = sizeof req + 1 + 4095 + 5000;
  uint8_t* r1 = g_rbuf + 10;
  uint8_t* r2 = g_rbuf + 4096 * 3 - 3;
  uint8_t* r3 = g_rbuf + 40000;
  iov_t riov[3];
  SETIOV(&riov[0], r1, 7);
  SETIOV(&riov[1], r2, 9000);
  SETIOV(&riov[2], r3, total - 9007);
  expect_eq(MsgSendv(coid, siov, 4, riov, 3), static_cast<long>(total), "4-part send, 3-part reply");
  static uint8_t flat_s[10000], flat_r[10000];
  size_t n = 0;
  for (const iov_t& v : siov) {
    memcpy(flat_s + n, v.iov_base, v.iov_len);
    n += v.iov_len;
  }
  n = 0;
  for (const iov_t& v : riov) {
    memcpy(flat_r + n, v.iov_base, v.iov_len);
    n += v.iov_len;
  }
  expect(memcmp(flat_s, flat_r, total) == 0, "scatter/gather bytes arrive in order");
  // A short reply buffer takes what fits; the status is the server's.
  uint8_t small[5];
  expect_eq(MsgSendvs(coid, siov, 4, small, sizeof small), static_cast<long>(total), "short reply buffer");
  expect(memcmp(small, &req, sizeof small) == 0, "short reply holds the first bytes");
}

int check_info(int coid, int spid) {
  _msg_info mi = {};
  const long r = send_op(coid, kInfo, 0, 0, &mi, sizeof mi);
  expect_eq(r, 0, "MsgInfo from the server");
  expect(mi.pid > 0 && mi.pid != spid, "info.pid is the client's");
  expect(mi.tid >= 1, "info.tid");
  expect_eq(mi.chid, 1, "info.chid");
  expect_eq(mi.coid, coid, "info.coid");
  expect(mi.scoid > 0, "info.scoid");
  expect_eq(mi.priority, my_priority(), "info.priority is the sender's");
  expect_eq(mi.srcmsglen, sizeof(Req), "info.srcmsglen");
  expect_eq(mi.dstmsglen, sizeof mi, "info.dstmsglen");
  expect_eq(mi.flags, 0, "info.flags");
  return mi.scoid;
}

void check_read_write(int coid) {
  const size_t len = 20000;
  const Req req = {kReadAt, 777, 0};
  memcpy(g_sbuf, &req, sizeof req);
  for (size_t i = sizeof req; i < len; ++i) g_sbuf[i] = pattern(i);
  expect_eq(MsgSend(coid, g_sbuf, len, nullptr, 0), checksum(g_sbuf, len), "MsgRead in 777-byte pieces");
  iov_t riov[3];
  SETIOV(&riov[0], g_rbuf + 1, 1000);
  SETIOV(&riov[1], g_rbuf + 5000, 4000);
  SETIOV(&riov[2], g_rbuf + 20000, 4000);
  const Req w = {kWriteAt, 1000, 9000};
  expect_eq(MsgSendsv(coid, &w, sizeof w, riov, 3), 9000, "MsgWrite in 1000-byte pieces");
  int bad = 0;
  size_t k = 0;
  for (const iov_t& v : riov) {
    for (size_t i = 0; i < v.iov_len && k < 9000; ++i, ++k) {
      bad += static_cast<uint8_t*>(v.iov_base)[i] != pattern(k);
    }
  }
  expect(bad == 0, "MsgWrite bytes land at their offsets");
}

void check_errors_and_bad_buffers(int coid) {
  expect_eq(send_op(coid, kError, EPERM), -1, "MsgError fails the send");
  expect_eq(errno, EPERM, "... with the server's errno");
  expect_eq(MsgSend_r(coid, reinterpret_cast<void*>(kKernelAddr), 64, g_rbuf, 64), -EFAULT,
            "client send buffer in the kernel: EFAULT");
  expect_eq(MsgSend_r(coid, reinterpret_cast<void*>(16), 64, g_rbuf, 64), -EFAULT, "unmapped send buffer: EFAULT");
  const Req echo = {kEcho, 0, 0};
  expect_eq(MsgSend_r(coid, &echo, sizeof echo, reinterpret_cast<void*>(kKernelAddr), 64), -EFAULT,
            "client reply buffer in the kernel: EFAULT");
  expect_eq(MsgSendv_r(coid, reinterpret_cast<iov_t*>(8), 2, nullptr, 0), -EFAULT, "unmapped IOV array: EFAULT");
  expect_eq(MsgSendv_r(coid, reinterpret_cast<iov_t*>(kKernelAddr), 2, nullptr, 0), -EFAULT, "kernel IOV array");
  iov_t one;
  SETIOV(&one, &echo, sizeof echo);
  expect_eq(MsgSendv_r(coid, &one, QRV_MSG_MAX_PARTS + 1, nullptr, 0), -EINVAL, "too many parts: EINVAL");
  expect_eq(MsgSend_r(coid, &echo, SIZE_MAX, nullptr, 0), -EINVAL, "unrepresentable length: EINVAL");
  expect_eq(send_op(coid, kBadReply, 0, 0, g_rbuf, 64), EFAULT, "server reply from a kernel address: EFAULT for the server");
  expect_eq(send_op(coid, kBadRead), 1, "server MsgRead into bad buffers: EFAULT for the server");
  expect_eq(send_op(coid, kEcho, 0, 0, g_rbuf, 64), static_cast<long>(sizeof(Req)), "the server goes on");
  expect_eq(MsgSend_r(12345, nullptr, 0, nullptr, 0), -EBADF, "send on a bad coid: EBADF");
  expect_eq(MsgSend_r(-1, nullptr, 0, nullptr, 0), -EBADF, "send on coid -1: EBADF");
  expect_eq(MsgReply_r(rcvid_bogus(), 0, nullptr, 0), -ESRCH, "reply to a bogus rcvid: ESRCH");
  expect_eq(MsgError_r(rcvid_bogus(), EPERM), -ESRCH, "error to a bogus rcvid: ESRCH");
  expect_eq(MsgError_r(rcvid_bogus(), 0), -EINVAL, "error number 0: EINVAL");
  expect_eq(MsgReadv_r(-5, nullptr, 0, 0), -ESRCH, "read from rcvid -5: ESRCH");
  expect_eq(MsgWritev_r(0, nullptr, 0, 0), -ESRCH, "write to rcvid 0: ESRCH");
  expect_eq(MsgInfo_r(1 << 30, nullptr), -ESRCH, "info of a bogus rcvid: ESRCH");
  expect_eq(MsgReceive_r(77, g_rbuf, 16, nullptr), -ESRCH, "receive on a bad chid: ESRCH");
  expect_eq(MsgReceive_r(-3, g_rbuf, 16, nullptr), -ESRCH, "receive on chid -3: ESRCH");
}

int g_coid2 = 0;  // the client's connection to the server's channel 2

// Starts a thread whose request holds the server's main thread in kGate.
pthread_t close_gate(Threaded* t, int coid) {
  *t = {coid, kGate, 0, 0, 0, 0, {}};
  pthread_t th = start(t);
  sleep_ms(30);  // it is received and waits
  return th;
}

void open_gate() { send_op(g_coid2, kOpen); }

void check_pulses(int coid, int scoid) {
  Stats st;
  const long before = send_op(coid, kStats, 0, 0, &st, sizeof st) == 0 ? st.pulses : -1;
  // With the server waiting in MsgReceive.
  expect_eq(MsgSendPulse(coid, -1, 5, 77), 0, "pulse to a waiting receiver");
  expect_eq(MsgSendPulse(coid, 20, 6, 78), 0, "pulse at priority 20");
  send_op(coid, kStats, 0, 0, &st, sizeof st);
  expect_eq(st.pulses, before + 2, "both pulses received");
  const int n = st.pulses < 8 ? st.pulses : 8;
  // The order of these two depends on whether the server ran in between.
  const bool in_order = n >= 2 && st.codes[n - 2] == 5 && st.values[n - 2] == 77 && st.codes[n - 1] == 6 &&
                        st.values[n - 1] == 78;
  const bool swapped = n >= 2 && st.codes[n - 2] == 6 && st.values[n - 2] == 78 && st.codes[n - 1] == 5 &&
                       st.values[n - 1] == 77;
  expect(in_order || swapped, "pulse codes and values arrive");
  expect(n >= 2 && st.scoids[n - 1] == scoid && st.scoids[n - 2] == scoid, "a pulse carries the connection's scoid");
  // With the server busy: pulses queue in priority order, ahead of an
  // equal-priority message sent after them.
  Threaded busy;
  pthread_t th = close_gate(&busy, coid);
  expect_eq(MsgSendPulse(coid, 10, 8, 1), 0, "pulse while the server is busy");
  expect_eq(MsgSendPulse(coid, 30, 9, 2), 0, "higher-priority pulse while busy");
  open_gate();
  pthread_join(th, nullptr);
  send_op(coid, kStats, 0, 0, &st, sizeof st);
  const int m = st.pulses < 8 ? st.pulses : 8;
  expect(m >= 2 && st.codes[m - 2] == 9 && st.codes[m - 1] == 8, "queued pulses: higher priority first");
  expect_eq(MsgSendPulse_r(coid, -1, 128, 0), -EINVAL, "pulse code 128: EINVAL");
  expect_eq(MsgSendPulse_r(coid, -1, -33, 0), -EINVAL, "kernel pulse code: EINVAL");
  expect_eq(MsgSendPulse_r(coid, 256, 1, 0), -EINVAL, "pulse priority 256: EINVAL");
  expect_eq(MsgSendPulse_r(coid, 0, 1, 0), -EINVAL, "pulse priority 0: EINVAL");
  expect_eq(MsgSendPulse_r(999, -1, 1, 0), -EBADF, "pulse on a bad coid: EBADF");
}

volatile int g_about_to_send = 0;

void* prio_sender(void* p) {
  auto* t = static_cast<Threaded*>(p);
  if (t->priority != 0) {
    const sched_param sp = {t->priority, 0};
    SchedSet(0, 0, SCHED_RR, &sp);
  }
  __atomic_fetch_add(&g_about_to_send, 1, __ATOMIC_SEQ_CST);
  t->result = send_op(t->coid, t->op, t->arg, 0, &t->prio, sizeof t->prio);
  t->err = t->result < 0 ? errno : 0;
  return nullptr;
}

// Receive order follows priority, and the receiving thread runs at the
// sender's priority; a busy server is raised to a waiting sender's.
void check_priority(int coid) {
  Threaded hold;
  pthread_t h = close_gate(&hold, coid);
  Threaded t[3] = {{coid, kPrio, 0, 11, 0, 0, {}}, {coid, kPrio, 0, 13, 0, 0, {}}, {coid, kPrio, 0, 12, 0, 0, {}}};
  pthread_t th[3];
  for (int i = 0; i < 3; ++i) pthread_create(&th[i], nullptr, prio_sender, &t[i]);
  while (__atomic_load_n(&g_about_to_send, __ATOMIC_SEQ_CST) < 3) sleep_ms(1);
  sleep_ms(50);  // each is inside MsgSend, queued behind the closed gate
  open_gate();
  for (pthread_t x : th) pthread_join(x, nullptr);
  pthread_join(h, nullptr);
  expect_eq(hold.prio.priority, 13, "a busy server is raised to the highest waiting sender");
  expect(t[1].prio.seq < t[2].prio.seq && t[2].prio.seq < t[0].prio.seq, "received in priority order 13, 12, 11");
  expect(t[0].prio.priority == 11 && t[1].prio.priority == 13 && t[2].prio.priority == 12,
         "the server ran at each sender's priority");
  PrioReply mine;
  send_op(coid, kPrio, 0, 0, &mine, sizeof mine);
  expect_eq(mine.priority, my_priority(), "and back at ours for us");
}

int g_cchid = 0;  // the client's own channel (COID_DISCONNECT)
volatile int g_usr2 = 0;

// Waits (1 s at most) for a pulse on the client's channel.
bool receive_pulse(_pulse* p) {
  const uint64_t ns = 1000000000ull;
  TimerTimeout(CLOCK_MONOTONIC, _NTO_TIMEOUT_RECEIVE, nullptr, &ns, nullptr);
  return MsgReceive(g_cchid, p, sizeof *p, nullptr) == 0;
}

void check_deliver_event(int coid) {
  const int self = ConnectAttach(0, 0, g_cchid, _NTO_SIDE_CHANNEL, 0);
  expect(self >= _NTO_SIDE_CHANNEL, "side-channel connection to our own channel");
  struct {
    Req req;
    sigevent ev;
  } m = {{kDeliver, 0, 0}, {SIGEV_PULSE, self, {99}, 3, -1, 0}};
  expect_eq(MsgSend(coid, &m, sizeof m, nullptr, 0), 0, "MsgDeliverEvent(SIGEV_PULSE)");
  _pulse p = {};
  expect(receive_pulse(&p) && p.code == 3 && p.value.sival_int == 99, "the event's pulse arrives");
  m.ev.sigev_notify = 42;
  expect_eq(MsgSend(coid, &m, sizeof m, nullptr, 0), EINVAL, "unknown event type: EINVAL for the server");
  m.ev = {SIGEV_PULSE, 1234, {1}, 3, -1, 0};
  expect_eq(MsgSend(coid, &m, sizeof m, nullptr, 0), EBADF, "pulse event on a coid we lack: EBADF");
  m.ev = {SIGEV_NONE, 0, {0}, 0, 0, 0};
  expect_eq(MsgSend(coid, &m, sizeof m, nullptr, 0), 0, "SIGEV_NONE");
  // A signal event interrupts us while we wait for that very reply (on the
  // plain channel: at once, EINTR), and our handler runs.
  signal(SIGUSR2, [](int) { g_usr2 = 1; });
  m.ev = {SIGEV_SIGNAL, SIGUSR2, {0}, 0, 0, 0};
  expect_eq(MsgSend(g_coid2, &m, sizeof m, nullptr, 0), -1, "MsgDeliverEvent(SIGEV_SIGNAL) to a waiting client");
  expect_eq(errno, EINTR, "... interrupts its send: EINTR");
  expect_eq(g_usr2, 1, "... and its handler runs");
  expect_eq(MsgDeliverEvent_r(rcvid_bogus(), reinterpret_cast<const sigevent*>(&m.ev)), -ESRCH,
            "deliver to a bogus rcvid: ESRCH");
  expect_eq(MsgDeliverEvent_r(rcvid_bogus(), reinterpret_cast<const sigevent*>(8)), -EFAULT,
            "deliver a bad event pointer: EFAULT");
  ConnectDetach(self);
}

void check_timeouts(int coid, int coid2) {
  const uint64_t t20 = 20000000;
  // Poll: no time means "now".
  expect_eq(TimerTimeout(CLOCK_MONOTONIC, _NTO_TIMEOUT_RECEIVE, nullptr, nullptr, nullptr), 0, "TimerTimeout");
  _pulse p;
  expect_eq(MsgReceive_r(g_cchid, &p, sizeof p, nullptr), -ETIMEDOUT, "polling receive: ETIMEDOUT");
  uint64_t t0 = now_ns();
  TimerTimeout(CLOCK_MONOTONIC, _NTO_TIMEOUT_RECEIVE, nullptr, &t20, nullptr);
  expect_eq(MsgReceive_r(g_cchid, &p, sizeof p, nullptr), -ETIMEDOUT, "receive times out");
  expect(now_ns() - t0 >= t20, "... after the time asked");
  // SEND: the server is busy with another thread's request.
  Threaded busy;
  pthread_t th = close_gate(&busy, coid);
  TimerTimeout(CLOCK_MONOTONIC, _NTO_TIMEOUT_SEND, nullptr, &t20, nullptr);
  expect_eq(send_op(coid, kEcho), -1, "send times out while the server is busy");
  expect_eq(errno, ETIMEDOUT, "... with ETIMEDOUT");
  open_gate();
  pthread_join(th, nullptr);
  // REPLY on an UNBLOCK channel: the server is told and answers.
  TimerTimeout(CLOCK_MONOTONIC, _NTO_TIMEOUT_REPLY, nullptr, &t20, nullptr);
  expect_eq(send_op(coid, kHold), -1, "REPLY timeout on an UNBLOCK channel");
  expect_eq(errno, ETIMEDOUT, "... ends with the server's MsgError(ETIMEDOUT)");
  Stats st;
  send_op(coid, kStats, 0, 0, &st, sizeof st);
  expect_eq(st.unblock_pulses, 1, "the server got one UNBLOCK pulse");
  expect_eq(st.unblock_flagged, 1, "MsgInfo showed _NTO_MI_UNBLOCK_REQ");
  // REPLY on a plain channel: the client leaves at once; the reply finds nobody.
  TimerTimeout(CLOCK_MONOTONIC, _NTO_TIMEOUT_REPLY, nullptr, &t20, nullptr);
  expect_eq(send_op(coid2, kHold), -1, "REPLY timeout on a plain channel");
  expect_eq(errno, ETIMEDOUT, "... ETIMEDOUT at once");
  expect_eq(send_op(coid2, kReplyHeld), ESRCH, "the late reply finds nobody: ESRCH");
  // One call only: the next call after TimerTimeout spends it.
  TimerTimeout(CLOCK_MONOTONIC, _NTO_TIMEOUT_SEND | _NTO_TIMEOUT_REPLY, nullptr, nullptr, nullptr);
  uint64_t now;
  ClockTime(CLOCK_MONOTONIC, nullptr, &now);
  expect_eq(send_op(coid, kEcho, 0, 0, g_rbuf, sizeof(Req)), static_cast<long>(sizeof(Req)), "a timeout lasts one kernel call");
  // JOIN.
  pthread_t sleeper;
  pthread_create(&sleeper, nullptr, [](void*) -> void* { sleep_ms(80); return nullptr; }, nullptr);
  // pthread_join frees the thread on success only, so it can be retried.
  TimerTimeout(CLOCK_MONOTONIC, _NTO_TIMEOUT_JOIN, nullptr, &t20, nullptr);
  expect_eq(pthread_join(sleeper, nullptr), ETIMEDOUT, "join times out");
  expect_eq(pthread_join(sleeper, nullptr), 0, "and joins later");
  // Bad arguments.
  expect_eq(TimerTimeout_r(CLOCK_MONOTONIC, 1 << 3, nullptr, nullptr, nullptr), -EINVAL, "uncovered state: EINVAL");
  expect_eq(TimerTimeout_r(7, _NTO_TIMEOUT_SEND, nullptr, nullptr, nullptr), -EINVAL, "bad clock: EINVAL");
  const sigevent sig = {SIGEV_SIGNAL, SIGUSR1, {0}, 0, 0, 0};
  expect_eq(TimerTimeout_r(CLOCK_MONOTONIC, _NTO_TIMEOUT_SEND, &sig, nullptr, nullptr), -EINVAL,
            "a signal event: EINVAL");
  expect_eq(TimerTimeout_r(CLOCK_MONOTONIC, _NTO_TIMEOUT_SEND, reinterpret_cast<sigevent*>(8), nullptr, nullptr),
            -EFAULT, "bad event pointer: EFAULT");
  expect_eq(TimerTimeout_r(CLOCK_MONOTONIC, _NTO_TIMEOUT_SEND, nullptr, reinterpret_cast<uint64_t*>(kKernelAddr),
                           nullptr),
            -EFAULT, "kernel time pointer: EFAULT");
}

void check_connections(int spid) {
  expect_eq(ConnectAttach_r(0, 99999, 1, 0, 0), -ESRCH, "attach to no such process: ESRCH");
  expect_eq(ConnectAttach_r(0, spid, 99, 0, 0), -ESRCH, "attach to no such channel: ESRCH");
  expect_eq(ConnectAttach_r(0, spid, -1, 0, 0), -ESRCH, "attach to chid -1: ESRCH");
  expect_eq(ConnectAttach_r(1, spid, 1, 0, 0), -EINVAL, "remote node: EINVAL");
  expect_eq(ConnectAttach_r(0, spid, 1, 0, 0x100), -EINVAL, "unknown flags: EINVAL");
  expect_eq(ConnectAttach_r(0, spid, 1, 1000, 0), -EINVAL, "index past the table: EINVAL");
  expect_eq(ConnectAttach_r(0, spid, 1, _NTO_SIDE_CHANNEL + 1000, 0), -EINVAL, "side index past the table");
  int coids[80];
  int made = 0;
  int r;
  while (made < 80 && (r = ConnectAttach_r(0, spid, 1, 0, 0)) >= 0) coids[made++] = r;
  for (int i = 0; i < made; ++i) ConnectDetach(coids[i]);  // before printing: fds 1 and 2 were among them
  expect(made > 0 && made < 80 && r == -EAGAIN, "fd-range connections run out with EAGAIN");
  expect_eq(ConnectDetach_r(12345), -EINVAL, "detach a bad coid: EINVAL");
  expect_eq(ChannelCreate_r(0x10000), -EINVAL, "unknown channel flags: EINVAL");
  expect_eq(ChannelDestroy_r(99), -EINVAL, "destroy a bad chid: EINVAL");
  expect_eq(ChannelDestroy_r(0), -EINVAL, "destroy chid 0: EINVAL");
  const int c = ConnectAttach(0, spid, 1, _NTO_SIDE_CHANNEL, 0);
  ConnectDetach(c);
  expect_eq(MsgSend_r(c, nullptr, 0, nullptr, 0), -EBADF, "send on a detached coid: EBADF");
  // A receiver on a channel that is destroyed fails with ESRCH; a sender on a
  // connection that is detached fails with EBADF.
  static int tmp;
  tmp = ChannelCreate(0);
  static long rcv_result;
  pthread_t r1;
  pthread_create(&r1, nullptr, [](void*) -> void* {
    char b[8];
    rcv_result = MsgReceive_r(tmp, b, sizeof b, nullptr);
    return nullptr;
  }, nullptr);
  sleep_ms(10);
  expect_eq(ChannelDestroy(tmp), 0, "ChannelDestroy");
  pthread_join(r1, nullptr);
  expect_eq(rcv_result, -ESRCH, "a receiver of a destroyed channel: ESRCH");
  tmp = ChannelCreate(0);
  static int tmp_coid;
  tmp_coid = ConnectAttach(0, 0, tmp, _NTO_SIDE_CHANNEL, 0);
  static long snd_result;
  pthread_t s1;
  pthread_create(&s1, nullptr, [](void*) -> void* {
    snd_result = MsgSend_r(tmp_coid, nullptr, 0, nullptr, 0);
    return nullptr;
  }, nullptr);
  sleep_ms(10);
  expect_eq(ConnectDetach(tmp_coid), 0, "detach under a blocked sender");
  pthread_join(s1, nullptr);
  expect_eq(snd_result, -EBADF, "the blocked sender: EBADF");
  ChannelDestroy(tmp);
}

// The victim server exits while one thread waits for its reply and another
// to be received: both get ESRCH, the connection is dead (EBADF), and our
// COID_DISCONNECT channel is told which coid died.
void check_server_death(int vpid) {
  const int coid = attach(vpid, 1);
  expect(coid >= 0, "attach to the victim");
  const int gate = attach(vpid, 2);
  Threaded dying = {coid, kDie, 0, 0, 0, 0, {}};
  pthread_t a = start(&dying);
  sleep_ms(30);  // the victim holds it (REPLY-blocked) and waits on its gate
  Threaded queued = {coid, kEcho, 0, 0, 0, 0, {}};
  g_about_to_send = 0;
  pthread_t b;
  pthread_create(&b, nullptr, prio_sender, &queued);
  while (__atomic_load_n(&g_about_to_send, __ATOMIC_SEQ_CST) < 1) sleep_ms(1);
  sleep_ms(50);  // it is SEND-blocked behind the held message
  MsgSendPulse(gate, -1, 1, 0);
  pthread_join(a, nullptr);
  pthread_join(b, nullptr);
  expect(dying.result == -1 && dying.err == ESRCH, "REPLY-blocked client of a dead server: ESRCH");
  expect(queued.result == -1 && queued.err == ESRCH, "SEND-blocked client of a dead server: ESRCH");
  if (queued.err != ESRCH) printf("ipc_client: the SEND-blocked client got %ld, errno %d\n", queued.result, queued.err);
  expect_eq(MsgSend_r(coid, nullptr, 0, nullptr, 0), -EBADF, "the connection is dead: EBADF");
  expect_eq(MsgSendPulse_r(coid, -1, 1, 1), -EBADF, "pulses too");
  // Both of our connections to the victim died: one COIDDEATH pulse each.
  _pulse p1 = {}, p2 = {};
  expect(receive_pulse(&p1) && receive_pulse(&p2) && p1.code == _PULSE_CODE_COIDDEATH &&
             p2.code == _PULSE_CODE_COIDDEATH,
         "a COIDDEATH pulse per dead connection");
  expect((p1.value.sival_int == coid && p2.value.sival_int == gate) ||
             (p1.value.sival_int == gate && p2.value.sival_int == coid),
         "COIDDEATH pulses name the dead coids");
  expect_eq(ConnectDetach(coid), 0, "a dead connection detaches");
  ConnectDetach(gate);
}

bool same_objects(const qrv_kernel_counts& a, const qrv_kernel_counts& b) {
  return a.processes == b.processes && a.threads == b.threads && a.channels == b.channels &&
         a.connections == b.connections && a.pulses == b.pulses && a.timers == b.timers &&
         a.heap_bytes == b.heap_bytes;
}

// 10,000 send/receive/reply cycles and churn of the other objects leave the
// kernel's object counts and heap exactly where they were.
void check_no_leak(int spid, int coid) {
  const Req echo = {kEcho, 0, 0};
  char back[sizeof echo];
  send_op(coid, kEcho, 0, 0, back, sizeof back);  // warm every path once
  qrv_kernel_counts before, after;
  expect_eq(DebugKernelCounts(&before), 0, "DebugKernelCounts");
  int bad = 0;
  for (int i = 0; i < 10000; ++i) bad += MsgSend(coid, &echo, sizeof echo, back, sizeof back) != sizeof echo;
  for (int i = 0; i < 100; ++i) {
    const int c = ConnectAttach(0, spid, 1, _NTO_SIDE_CHANNEL, 0);
    bad += MsgSendPulse(c, -1, 1, i) != 0;
    bad += ConnectDetach(c) != 0;  // a DISCONNECT pulse for the server
    const int ch = ChannelCreate(_NTO_CHF_DISCONNECT);
    const int self = ConnectAttach(0, 0, ch, _NTO_SIDE_CHANNEL, 0);
    bad += MsgSendPulse(self, -1, 2, i) != 0;  // left queued: destroyed with the channel
    bad += ChannelDestroy(ch) != 0;
    bad += ConnectDetach(self) != 0;
  }
  send_op(coid, kEcho, 0, 0, back, sizeof back);  // behind every pulse: all received
  expect_eq(bad, 0, "10,000 round trips and 100 rounds of object churn");
  // Each destroyed channel left our self-connection dead: a COIDDEATH each.
  int deaths = 0;
  _pulse p;
  for (;;) {
    TimerTimeout(CLOCK_MONOTONIC, _NTO_TIMEOUT_RECEIVE, nullptr, nullptr, nullptr);
    if (MsgReceive_r(g_cchid, &p, sizeof p, nullptr) != 0) break;
    deaths += p.code == _PULSE_CODE_COIDDEATH;
  }
  expect_eq(deaths, 100, "a COIDDEATH pulse for each destroyed channel");
  DebugKernelCounts(&after);
  expect(same_objects(before, after), "kernel objects and heap back to their counts");
  printf("ipc_client: objects before/after: threads %llu/%llu channels %llu/%llu connections %llu/%llu "
         "pulses %llu/%llu heap %llu/%llu bytes\n",
         (unsigned long long)before.threads, (unsigned long long)after.threads,
         (unsigned long long)before.channels, (unsigned long long)after.channels,
         (unsigned long long)before.connections, (unsigned long long)after.connections,
         (unsigned long long)before.pulses, (unsigned long long)after.pulses,
         (unsigned long long)before.heap_bytes, (unsigned long long)after.heap_bytes);
  expect_eq(DebugKernelCounts_r(reinterpret_cast<qrv_kernel_counts*>(kKernelAddr)), -EFAULT,
            "counts to a kernel address: EFAULT");
}

int run_client(int spid, int vpid) {
  g_cchid = ChannelCreate(_NTO_CHF_COID_DISCONNECT);
  expect(g_cchid >= 1, "client channel");
  const int coid = attach(spid, 1);
  const int coid2 = attach(spid, 2);
  g_coid2 = coid2;
  expect(coid >= 0 && coid2 >= 0, "connections to both server channels");
  // Each group names itself first, so a hang shows where it is.
  printf("ipc_client: echo sizes\n");
  check_echo_sizes(coid);
  printf("ipc_client: iov\n");
  check_iov(coid);
  printf("ipc_client: info\n");
  const int scoid = check_info(coid, spid);
  printf("ipc_client: read/write\n");
  check_read_write(coid);
  printf("ipc_client: errors and bad buffers\n");
  check_errors_and_bad_buffers(coid);
  printf("ipc_client: pulses\n");
  check_pulses(coid, scoid);
  printf("ipc_client: priority\n");
  check_priority(coid);
  printf("ipc_client: deliver event\n");
  check_deliver_event(coid);
  printf("ipc_client: timeouts\n");
  check_timeouts(coid, coid2);
  printf("ipc_client: connections\n");
  check_connections(spid);
  printf("ipc_client: server death\n");
  check_server_death(vpid);
  printf("ipc_client: leak check\n");
  Stats st;
  send_op(coid, kStats, 0, 0, &st, sizeof st);
  expect(st.disconnects >= 1, "a dead client's connection: DISCONNECT pulse");
  expect_eq(st.held_reply, -ESRCH, "reply to a dead client: ESRCH");
  check_no_leak(spid, coid);
  expect_eq(send_op(coid, kQuit), 0, "the server quits");
  return qrv_test::report("ipc_client");
}

}  // namespace
}  // namespace ipc_test

int main(int argc, char** argv) {
  using namespace ipc_test;
  if (argc >= 2 && strcmp(argv[1], "server") == 0) return run_server();
  if (argc >= 2 && strcmp(argv[1], "victim") == 0) return run_victim();
  if (argc >= 3 && strcmp(argv[1], "doomed") == 0) return run_doomed(atoi(argv[2]));
  if (argc >= 4 && strcmp(argv[1], "client") == 0) return run_client(atoi(argv[2]), atoi(argv[3]));
  printf("FAIL: ipc_test: bad arguments\n");
  return 2;
}
