// Host benchmark: QRV's libc against glibc on the same machine, as a time
// ratio (QRV / glibc; below 1 means QRV is faster). Not a test: run on demand,
//   bazel run -c opt //libc/bench:libc_bench
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <chrono>
#include <vector>

#include "libc/src/malloc/malloc_api.h"
#include "libc/src/stdio/stdio_api.h"
#include "libc/src/string/string_api.h"

namespace {

namespace q = qrv::libc;

// Keeps the compiler from discarding a result.
template <typename T>
void keep(T&& value) {
  asm volatile("" : : "g"(&value) : "memory");
}

// Nanoseconds per call of fn, best of 5 runs of `iters` calls.
template <typename Fn>
double ns_per_call(long iters, Fn fn) {
  double best = 1e30;
  for (int run = 0; run < 5; ++run) {
    const auto start = std::chrono::steady_clock::now();
    for (long i = 0; i < iters; ++i) fn(i);
    const auto end = std::chrono::steady_clock::now();
    const double ns = std::chrono::duration<double, std::nano>(end - start).count() / static_cast<double>(iters);
    if (ns < best) best = ns;
  }
  return best;
}

void report(const char* name, double qrv_ns, double glibc_ns) {
  printf("%-28s qrv %9.2f ns   glibc %9.2f ns   ratio %5.2f\n", name, qrv_ns, glibc_ns, qrv_ns / glibc_ns);
}

}  // namespace

int main() {
  std::vector<char> src(1 << 20, 'x'), dst(1 << 20);
  for (size_t n : {size_t{16}, size_t{256}, size_t{4096}, size_t{65536}}) {
    const long iters = static_cast<long>((size_t{64} << 20) / (n + 64));
    char name[64];
    snprintf(name, sizeof(name), "memcpy %zu B", n);
    const double a = ns_per_call(iters, [&](long) {
      q::memcpy(dst.data(), src.data(), n);
      keep(dst[0]);
    });
    const double b = ns_per_call(iters, [&](long) {
      ::memcpy(dst.data(), src.data(), n);
      keep(dst[0]);
    });
    report(name, a, b);
  }
  for (size_t n : {size_t{16}, size_t{1024}}) {
    std::vector<char> s(n + 1, 'a');
    s[n] = '\0';
    char name[64];
    snprintf(name, sizeof(name), "strlen %zu B", n);
    const long iters = static_cast<long>((size_t{64} << 20) / (n + 64));
    const double a = ns_per_call(iters, [&](long) { keep(q::strlen(s.data())); });
    const double b = ns_per_call(iters, [&](long) { keep(::strlen(s.data())); });
    report(name, a, b);
  }
  {
    char buf[32];
    const double a = ns_per_call(2000000, [&](long i) { keep(q::snprintf(buf, sizeof(buf), "%d", static_cast<int>(i))); });
    const double b = ns_per_call(2000000, [&](long i) { keep(::snprintf(buf, sizeof(buf), "%d", static_cast<int>(i))); });
    report("snprintf(\"%d\")", a, b);
  }
  {
    const double a = ns_per_call(5000000, [&](long) {
      void* p = q::malloc(64);
      keep(p);
      q::free(p);
    });
    const double b = ns_per_call(5000000, [&](long) {
      void* p = ::malloc(64);
      keep(p);
      ::free(p);
    });
    report("malloc+free 64 B", a, b);
  }
  return 0;
}
