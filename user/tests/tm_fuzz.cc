// tm_fuzz: thousands of hostile messages to taskman on QRV_TASKMAN_COID:
// random types, lengths that disagree with their headers, random bytes,
// well-formed headers with absurd bodies, bad pointers in the send and
// reply vectors. Every one must get an answer (an error, or a success for
// the few that happen to be valid), and taskman must still serve afterwards.
// Seeded: argv[1] (default 1), printed, so a failure can be replayed.
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/neutrino.h>
#include <sys/procmsg.h>
#include <unistd.h>

#include "user/tests/check.h"
#include "user/tests/fuzz.h"

using qrv_test::expect;
using qrv_test::expect_eq;

namespace {

using qrv_test::below;
using qrv_test::next;

// Types worth aiming at, and some that are not taskman's. _PROC_KILL is left
// out: a random group could be test_init's; _PROC_CLOCK_SET too: the wall
// clock is everyone's (the fuzzer runs as root).
const uint16_t kTypes[] = {_PROC_SPAWN,       _PROC_WAIT,         _PROC_GETIDS, _PROC_SETPGID,
                           _PROC_SETSID,      _PROC_UMASK,        _PROC_MMAP,   _PROC_PATH_ATTACH,
                           _PROC_PATH_DETACH, _PROC_PATH_RESOLVE, _PROC_CHDIR,  _PROC_GETCWD,
                           _PROC_RLIMIT,      _PROC_SYSINFO,      _PROC_FORK,   0,
                           0x0100,            0xffff};

const uint64_t kHostile[] = {0, 1, 0xffffffffffffffffull, 0x7fffffff, 0x80000000, 4096, 16384, 16385,
                             0x3fffffffffull, 0xffffffc080200000ull, 0xc0000000ull};

struct Buffer {
  alignas(8) uint8_t bytes[512];
};

long send_one(Buffer& msg, size_t len, Buffer& reply, size_t reply_len) {
  return MsgSend_r(QRV_TASKMAN_COID, msg.bytes, len, reply.bytes, reply_len);
}

}  // namespace

int main(int argc, char** argv) {
  const unsigned long seed = argc > 1 ? strtoul(argv[1], nullptr, 0) : 1;
  qrv_test::fuzz_seed(seed);
  constexpr int kMessages = 5000;
  printf("tm_fuzz: seed %lu, %d messages\n", seed, kMessages);
  int answered = 0;
  int errors = 0;
  for (int i = 0; i < kMessages; ++i) {
    Buffer msg, reply;
    for (uint8_t& b : msg.bytes) b = static_cast<uint8_t>(next());
    auto* hdr = reinterpret_cast<struct _proc_hdr*>(msg.bytes);
    size_t len = below(sizeof msg.bytes + 1);
    switch (below(4)) {
      case 0:  // random bytes, random length
        break;
      case 1:  // a known type, a size that may or may not agree
        hdr->type = kTypes[below(sizeof kTypes / sizeof kTypes[0])];
        hdr->reserved = below(8) == 0 ? 1 : 0;
        hdr->size = below(2) ? static_cast<uint32_t>(len) : static_cast<uint32_t>(kHostile[below(11)]);
        break;
      case 2: {  // a spawn with absurd counts and strings
        auto* s = reinterpret_cast<struct _proc_spawn*>(msg.bytes);
        len = sizeof *s + below(200);
        s->hdr = {_PROC_SPAWN, 0, static_cast<uint32_t>(len)};
        s->argc = below(3) == 0 ? static_cast<uint32_t>(kHostile[below(11)]) : below(5);
        s->envc = below(3);
        s->strings_len = below(2) ? static_cast<uint32_t>(len - sizeof *s) : static_cast<uint32_t>(next());
        s->flags = below(2) ? 0 : static_cast<uint32_t>(next());
        s->nfds = below(4) == 0 ? below(3) : 0;  // descriptors of random bytes
        break;
      }
      default: {  // small well-formed ids, waits, mmaps with hostile values
        auto* w = reinterpret_cast<struct _proc_wait*>(msg.bytes);
        w->hdr = {kTypes[below(7)], 0, sizeof *w};
        w->id = static_cast<int32_t>(kHostile[below(11)]);
        w->options = below(2) ? 1 : static_cast<int32_t>(next());
        w->idtype = below(4);
        w->reserved = 0;
        len = sizeof *w;
        if (w->hdr.type == _PROC_MMAP) {
          auto* m = reinterpret_cast<struct _proc_mmap*>(msg.bytes);
          m->hdr.size = sizeof *m;
          m->len = below(4) == 0 ? kHostile[below(11)] : below(65536);
          m->prot = below(8);
          m->reserved = 0;
          len = sizeof *m;
        } else if (w->hdr.type == _PROC_WAIT) {
          w->options |= 1;  // WNOHANG: a random wait must not block the fuzzer
        } else if (w->hdr.type == _PROC_GETIDS || w->hdr.type == _PROC_SETPGID || w->hdr.type == _PROC_UMASK) {
          w->hdr.size = 16;  // their size
          len = 16;
        } else if (w->hdr.type == _PROC_SETSID) {
          w->hdr.size = 8;
          len = 8;
        }
        break;
      }
    }
    const long r = below(16) == 0 ? MsgSend_r(QRV_TASKMAN_COID, reinterpret_cast<void*>(kHostile[below(11)]), len,
                                              reply.bytes, sizeof reply.bytes)
                   : below(16) == 0 ? MsgSend_r(QRV_TASKMAN_COID, msg.bytes, len,
                                                reinterpret_cast<void*>(kHostile[below(11)]), 64)
                                    : send_one(msg, len, reply, below(65));
    ++answered;
    errors += r < 0;
  }
  printf("tm_fuzz: %d messages answered, %d with an error\n", answered, errors);
  expect(errors > kMessages / 2, "most hostile messages are refused");
  // taskman still serves, and still knows who we are.
  expect_eq(getppid() > 1, 1, "taskman answers after the fuzz");
  struct _proc_hdr unknown = {0x7777, 0, 8};
  expect_eq(MsgSend_r(QRV_TASKMAN_COID, &unknown, sizeof unknown, nullptr, 0), -ENOSYS, "an unknown type: ENOSYS");
  return qrv_test::report("tm_fuzz");
}
