// Message-passing costs between two processes on one hart, as instructions
// per operation from the instret counter (under QEMU -icount, also ns):
// MsgSend -> MsgReceive -> MsgReply round trips of 0 B, 64 B and 4 KiB (the
// server echoes what it received), and a pulse delivered to a waiting
// server. Two roles: `ipc_bench server` and `ipc_bench client <server pid>`.
// Run: bazel run //kernel/ipc:ipc_bench
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/neutrino.h>
#include <time.h>

namespace {
uint64_t instret() {
  uint64_t v;
  asm volatile("rdinstret %0" : "=r"(v));
  return v;
}

constexpr int kIters = 10000;
alignas(4096) char g_buf[8192];

int serve() {
  const int chid = ChannelCreate(0);
  for (;;) {
    _msg_info info;
    const int rcvid = MsgReceive(chid, g_buf, sizeof g_buf, &info);
    if (rcvid > 0) MsgReply(rcvid, 0, g_buf, static_cast<size_t>(info.msglen));
    if (rcvid < 0) return 1;
  }
}

uint64_t round_trips(int coid, size_t bytes) {
  static char reply[8192];
  MsgSend(coid, g_buf, bytes, reply, bytes);  // warm
  const uint64_t before = instret();
  for (int i = 0; i < kIters; ++i) MsgSend(coid, g_buf, bytes, reply, bytes);
  return (instret() - before) / kIters;
}

int client(int spid) {
  int coid = -1;
  for (int i = 0; i < 1000 && coid < 0; ++i) {
    coid = ConnectAttach_r(0, spid, 1, _NTO_SIDE_CHANNEL, 0);
    if (coid < 0) SchedYield();
  }
  if (coid < 0) return 1;
  const uint64_t rt0 = round_trips(coid, 0);
  const uint64_t rt64 = round_trips(coid, 64);
  const uint64_t rt4k = round_trips(coid, 4096);
  // Pulses: the server is receive-blocked at our priority, so each pulse
  // readies it and queues; one message after them waits until all are taken.
  constexpr int kPulses = 16;  // a burst: one slab holds them all
  uint64_t total = 0;
  for (int round = 0; round < 1000; ++round) {
    const uint64_t before = instret();
    for (int i = 0; i < kPulses; ++i) MsgSendPulse(coid, -1, 1, i);
    MsgSend(coid, g_buf, 0, nullptr, 0);
    total += instret() - before - rt0;
  }
  const uint64_t pulse = total / (1000 * kPulses);
  printf("bench: %-40s %6llu insn\n", "MsgSend+Receive+Reply round trip, 0 B", (unsigned long long)rt0);
  printf("bench: %-40s %6llu insn\n", "MsgSend+Receive+Reply round trip, 64 B", (unsigned long long)rt64);
  printf("bench: %-40s %6llu insn\n", "MsgSend+Receive+Reply round trip, 4 KiB", (unsigned long long)rt4k);
  printf("bench: %-40s %6llu insn\n", "pulse send + receive", (unsigned long long)pulse);
  ConnectDetach(coid);
  return 0;
}
}  // namespace

int main(int argc, char** argv) {
  if (argc >= 2 && strcmp(argv[1], "server") == 0) return serve();
  if (argc >= 3 && strcmp(argv[1], "client") == 0) return client(atoi(argv[2]));
  return 2;
}
