// rand and srand: glibc's TYPE_3 additive feedback generator (x[i] = x[i-3] +
// x[i-31], seeded by a Park-Miller LCG, 310 outputs discarded), so programs
// see the same sequences as on glibc. C17 7.22.2: need not avoid data races.
#include <stdint.h>

#include "libc/src/common/entrypoint.h"
#include "libc/src/stdlib/stdlib_api.h"

namespace qrv::libc {
namespace {

constexpr int kDegree = 31;
constexpr int kSeparation = 3;

struct RandState {
  int32_t table[kDegree];
  int front;  // index of fptr
  int rear;   // index of rptr
  bool seeded;
};

RandState g_rand;  // zero-initialised; seeded with 1 on first use

int32_t next() {
  int32_t* t = g_rand.table;
  const uint32_t val = static_cast<uint32_t>(t[g_rand.front]) + static_cast<uint32_t>(t[g_rand.rear]);
  t[g_rand.front] = static_cast<int32_t>(val);
  g_rand.front = (g_rand.front + 1) % kDegree;
  g_rand.rear = (g_rand.rear + 1) % kDegree;
  return static_cast<int32_t>(val >> 1);
}

void seed(unsigned s) {
  if (s == 0) s = 1;
  int32_t word = static_cast<int32_t>(s);
  g_rand.table[0] = word;
  for (int i = 1; i < kDegree; ++i) {
    // 16807 * word % (2^31 - 1) without overflow (Schrage's method).
    const int32_t hi = word / 127773;
    const int32_t lo = word % 127773;
    word = 16807 * lo - 2836 * hi;
    if (word < 0) word += 2147483647;
    g_rand.table[i] = word;
  }
  g_rand.front = kSeparation;
  g_rand.rear = 0;
  g_rand.seeded = true;
  for (int i = 0; i < kDegree * 10; ++i) next();
}

}  // namespace

QRV_LIBC_FN(void, srand, (unsigned s)) { seed(s); }

QRV_LIBC_FN(int, rand, ()) {
  if (!g_rand.seeded) seed(1);
  return next();
}

}  // namespace qrv::libc
