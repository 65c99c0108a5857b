// The ktest payload: runs every registered in-kernel test case, prints a
// GoogleTest-like log and the plain "N passed, N failed" line, and powers the
// machine off with a status that tells QEMU (and so Bazel) the result.
#include "kernel/arch/arch.h"
#include "kernel/console/console.h"
#include "kernel/init/payload.h"
#include "testing/ktest/ktest.h"

extern "C" const KtestCase __ktest_start[], __ktest_end[];

void Ktest::check(bool ok, const char* expr, const char* file, int line) {
  if (!ok) {
    ++failures_;
    kprintf("%s:%d: check failed: %s\n", file, line, expr);
  }
}

void Ktest::check_eq(uint64_t a, uint64_t b, const char* ea, const char* eb, const char* file,
                     int line) {
  if (a != b) {
    ++failures_;
    kprintf("%s:%d: check failed: %s == %s (0x%lx vs 0x%lx)\n", file, line, ea, eb, a, b);
  }
}

void kernel_payload(const BootInfo&) {
  unsigned passed = 0;
  unsigned failed = 0;
  for (const KtestCase* c = __ktest_start; c < __ktest_end; ++c) {
    kprintf("[ RUN      ] %s\n", c->name);
    Ktest t;
    c->fn(t);
    if (t.failed()) {
      ++failed;
      kprintf("[  FAILED  ] %s\n", c->name);
    } else {
      ++passed;
      kprintf("[       OK ] %s\n", c->name);
    }
  }
  kprintf("ktest: %u passed, %u failed\n", passed, failed);
  arch_shutdown(failed == 0 && passed > 0);
}
