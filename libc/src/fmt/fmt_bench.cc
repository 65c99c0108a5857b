// Benchmark: ns per call of the fmt engine and of glibc for %d, %f, %.17g and
// strtod, and the ratio qrv/glibc. Run: bazel run //libc/src/fmt:fmt_bench
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <cstdint>
#include <vector>

#include "libc/src/fmt/format.h"
#include "libc/src/fmt/strtod.h"
#include "libc/src/fmt/test_util.h"

namespace {

struct Buffer {
  char data[512];
  size_t len;
};

void buffer_put(const char* s, size_t n, void* ctx) {
  Buffer* b = static_cast<Buffer*>(ctx);
  if (n > sizeof b->data - b->len) n = sizeof b->data - b->len;
  memcpy(b->data + b->len, s, n);
  b->len += n;
}

int qrv_snprintf(Buffer* b, const char* fmt, ...) {
  b->len = 0;
  va_list ap;
  va_start(ap, fmt);
  const int rc = __qrv_vformat(buffer_put, b, fmt, ap);
  va_end(ap);
  return rc;
}

double now_ns() {
  timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return static_cast<double>(ts.tv_sec) * 1e9 + static_cast<double>(ts.tv_nsec);
}

volatile int64_t g_sink;

void report(const char* what, double qrv_ns, double glibc_ns) {
  printf("%-10s qrv %8.1f ns/op   glibc %8.1f ns/op   ratio %.2f\n", what, qrv_ns, glibc_ns,
         qrv_ns / glibc_ns);
}

}  // namespace

int main() {
  constexpr int kN = 200000;
  qrv::fmt::testing::Rng rng(42);
  std::vector<int> ints(kN);
  std::vector<double> doubles(kN);
  for (int i = 0; i < kN; ++i) {
    ints[i] = static_cast<int>(rng.next());
    doubles[i] = static_cast<double>(static_cast<int64_t>(rng.next() >> 20)) / 1e6;
  }
  std::vector<std::string> strings(kN);
  for (int i = 0; i < kN; ++i) {
    char buf[64];
    uint64_t bits = rng.next() & 0x7fefffffffffffffull;
    double d;
    memcpy(&d, &bits, sizeof d);
    snprintf(buf, sizeof buf, "%.17g", i % 2 == 0 ? d : doubles[i]);
    strings[i] = buf;
  }
  Buffer b;
  char out[512];
  const char* fmts[] = {"%d", "%f", "%.17g"};
  for (const char* f : fmts) {
    const bool is_int = f[1] == 'd';
    int64_t acc = 0;
    double t0 = now_ns();
    for (int i = 0; i < kN; ++i) {
      acc += is_int ? qrv_snprintf(&b, f, ints[i]) : qrv_snprintf(&b, f, doubles[i]);
    }
    double t1 = now_ns();
    for (int i = 0; i < kN; ++i) {
      acc +=
          is_int ? snprintf(out, sizeof out, f, ints[i]) : snprintf(out, sizeof out, f, doubles[i]);
    }
    double t2 = now_ns();
    g_sink = acc;
    report(f, (t1 - t0) / kN, (t2 - t1) / kN);
  }
  double acc = 0;
  double t0 = now_ns();
  for (int i = 0; i < kN; ++i) acc += __qrv_strtod(strings[i].c_str(), nullptr, nullptr);
  double t1 = now_ns();
  for (int i = 0; i < kN; ++i) acc += strtod(strings[i].c_str(), nullptr);
  double t2 = now_ns();
  g_sink = static_cast<int64_t>(acc);
  report("strtod", (t1 - t0) / kN, (t2 - t1) / kN);
  return 0;
}
