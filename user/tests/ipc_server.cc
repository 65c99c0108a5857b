// user/tests/ipc_test's server roles: `server` serves channel 1 (UNBLOCK |
// DISCONNECT) on its main thread and channel 2 (no flags) on a second
// thread; `victim` serves channel 1 until a kDie request, then waits for a
// pulse on its channel 2 and exits with its clients still waiting.
#include <errno.h>
#include <pthread.h>
#include <sched.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/neutrino.h>

#include "user/tests/ipc_protocol.h"

namespace ipc_test {
namespace {

struct Server {
  int chid = 0;
  int held = 0;
  uint32_t seq = 0;
  Stats stats = {};
  bool quit = false;
};

void note_pulse(Server& s, const _pulse& p) {
  Stats& st = s.stats;
  const int i = st.pulses < 8 ? st.pulses : 7;
  if (st.pulses >= 8) {
    memmove(st.codes, st.codes + 1, 7 * sizeof(int32_t));
    memmove(st.values, st.values + 1, 7 * sizeof(int32_t));
    memmove(st.scoids, st.scoids + 1, 7 * sizeof(int32_t));
  }
  st.codes[i] = p.code;
  st.values[i] = p.value.sival_int;
  st.scoids[i] = p.scoid;
  st.pulses++;
  if (p.code == _PULSE_CODE_UNBLOCK) {
    st.unblock_pulses++;
    _msg_info mi;
    if (MsgInfo(p.value.sival_int, &mi) == 0 && (mi.flags & _NTO_MI_UNBLOCK_REQ) != 0) st.unblock_flagged++;
    MsgError(p.value.sival_int, ETIMEDOUT);
    if (p.value.sival_int == s.held) s.held = 0;
  } else if (p.code == _PULSE_CODE_DISCONNECT) {
    st.disconnects++;
    if (s.held != 0) {
      st.held_reply = MsgReply_r(s.held, 0, nullptr, 0);
      s.held = 0;
    }
  }
}

void reply_prio(Server& s, int rcvid) {
  const PrioReply r = {++s.seq, my_priority()};
  MsgReply(rcvid, 0, &r, sizeof r);
}

int g_victim_gate = 0;  // the victim's channel 2: a pulse there ends it

// The gate between the server's two threads (kGate waits, kOpen opens).
pthread_mutex_t g_gate_lock = PTHREAD_MUTEX_INITIALIZER;
pthread_cond_t g_gate_cond = PTHREAD_COND_INITIALIZER;
bool g_gate_open = false;

void handle(Server& s, int rcvid, uint8_t* buf, const _msg_info& info) {
  if (info.msglen < static_cast<long>(sizeof(Req))) {  // a bare (0-byte) message
    MsgReply(rcvid, 0, nullptr, 0);
    return;
  }
  Req req;
  memcpy(&req, buf, sizeof req);
  switch (req.op) {
    case kEcho:
      MsgReply(rcvid, info.msglen, buf, static_cast<size_t>(info.msglen));
      break;
    case kInfo: {
      _msg_info mi = {};
      const int r = MsgInfo_r(rcvid, &mi);
      MsgReply(rcvid, -r, &mi, sizeof mi);
      break;
    }
    case kReadAt: {
      static uint8_t whole[kBuf];
      size_t off = 0;
      for (;;) {
        const long n = MsgRead(rcvid, whole + off, static_cast<size_t>(req.arg), off);
        if (n <= 0) break;
        off += static_cast<size_t>(n);
      }
      MsgReply(rcvid, off == static_cast<size_t>(info.srcmsglen) ? checksum(whole, off) : 0, nullptr, 0);
      break;
    }
    case kWriteAt: {
      static uint8_t out[kBuf];
      for (size_t i = 0; i < req.extra; ++i) out[i] = pattern(i);
      size_t done = 0;
      for (size_t off = 0; off < req.extra; off += static_cast<size_t>(req.arg)) {
        const size_t n = req.extra - off < static_cast<size_t>(req.arg) ? req.extra - off : static_cast<size_t>(req.arg);
        const long w = MsgWrite(rcvid, out + off, n, off);
        if (w > 0) done += static_cast<size_t>(w);
      }
      MsgReply(rcvid, static_cast<long>(done), nullptr, 0);
      break;
    }
    case kError:
      MsgError(rcvid, req.arg);
      break;
    case kHold:
      s.held = rcvid;
      break;
    case kReplyHeld: {
      const int r = s.held != 0 ? MsgReply_r(s.held, 7, nullptr, 0) : 1;
      s.held = 0;
      MsgReply(rcvid, -r, nullptr, 0);
      break;
    }
    case kPrio:
      reply_prio(s, rcvid);
      break;
    case kDeliver: {
      sigevent ev;
      memcpy(&ev, buf + sizeof req, sizeof ev);
      MsgReply(rcvid, -MsgDeliverEvent_r(rcvid, &ev), nullptr, 0);
      break;
    }
    case kBadReply: {
      const int r = MsgReply_r(rcvid, 0, reinterpret_cast<void*>(kKernelAddr), 64);
      MsgReply(rcvid, -r, nullptr, 0);
      break;
    }
    case kBadRead: {
      const long a = MsgRead_r(rcvid, reinterpret_cast<void*>(kKernelAddr), 16, 0);
      const long b = MsgRead_r(rcvid, reinterpret_cast<void*>(8), 16, 0);
      MsgReply(rcvid, a == -EFAULT && b == -EFAULT ? 1 : 0, nullptr, 0);
      break;
    }
    case kStats:
      MsgReply(rcvid, 0, &s.stats, sizeof s.stats);
      break;
    case kQuit:
      MsgReply(rcvid, 0, nullptr, 0);
      s.quit = true;
      break;
    case kDie: {
      char gate[sizeof(_pulse)];
      MsgReceive(g_victim_gate, gate, sizeof gate, nullptr);
      exit(0);
    }
    case kGate:
      pthread_mutex_lock(&g_gate_lock);
      while (!g_gate_open) pthread_cond_wait(&g_gate_cond, &g_gate_lock);
      g_gate_open = false;
      pthread_mutex_unlock(&g_gate_lock);
      reply_prio(s, rcvid);
      break;
    case kOpen:
      pthread_mutex_lock(&g_gate_lock);
      g_gate_open = true;
      pthread_cond_signal(&g_gate_cond);
      pthread_mutex_unlock(&g_gate_lock);
      MsgReply(rcvid, 0, nullptr, 0);
      break;
    default:
      MsgError(rcvid, ENOSYS);
  }
}

void serve(Server& s) {
  auto* buf = static_cast<uint8_t*>(malloc(kBuf));
  while (!s.quit) {
    _msg_info info;
    const int rcvid = MsgReceive(s.chid, buf, kBuf, &info);
    if (rcvid < 0) {
      printf("FAIL: server: MsgReceive: errno %d\n", errno);
      break;
    }
    if (rcvid == 0) {
      _pulse p;
      memcpy(&p, buf, sizeof p);
      note_pulse(s, p);
    } else {
      handle(s, rcvid, buf, info);
    }
  }
  free(buf);
}

Server g_side;  // channel 2, on its own thread

void* serve_side(void*) {
  serve(g_side);
  return nullptr;
}

}  // namespace

int run_server() {
  Server main_server;
  main_server.chid = ChannelCreate(_NTO_CHF_UNBLOCK | _NTO_CHF_DISCONNECT);
  g_side.chid = ChannelCreate(0);
  if (main_server.chid != 1 || g_side.chid != 2) {
    printf("FAIL: server: channels %d, %d\n", main_server.chid, g_side.chid);
    return 1;
  }
  pthread_t side;
  pthread_create(&side, nullptr, serve_side, nullptr);
  serve(main_server);
  exit(0);  // ends the side thread too
}

int run_victim() {
  Server s;
  s.chid = ChannelCreate(0);
  g_victim_gate = ChannelCreate(0);
  serve(s);
  return 0;
}

}  // namespace ipc_test
