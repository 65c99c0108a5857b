// tm_priv_selftest (see tm_priv_selftest.h).
#include "taskman/tm_priv_selftest.h"

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/neutrino.h>

#include "kernel/abi/tm_priv.h"
#include "taskman/loader.h"

namespace {

int g_passed = 0;
int g_failed = 0;

void expect_eq(long got, long want, const char* what) {
  if (got == want) {
    ++g_passed;
  } else {
    ++g_failed;
    printf("taskman: FAIL: %s: got %ld, want %ld\n", what, got, want);
  }
}

int call(uint32_t slot, const void* arg) { return syscall_tm_priv_r(slot, const_cast<void*>(arg)); }
int call_raw(uint32_t slot, uint64_t arg) { return syscall_tm_priv_r(slot, reinterpret_cast<void*>(arg)); }

constexpr uint64_t kUnmapped = 0x0000003000000000ull;  // nothing is ever mapped there
constexpr uint64_t kKernel = 0xffffffc080200000ull;
constexpr uint64_t kScratch = 0xF0000000ull;  // in taskman's own slot 3, unused

alignas(16) uint8_t g_stack[256];

qrv_tm_proc_create good_create(int chid) {
  qrv_tm_proc_create c = {};
  c.loader_pc = reinterpret_cast<uint64_t>(&loader_entry);
  c.loader_sp = reinterpret_cast<uint64_t>(g_stack + sizeof g_stack);
  c.notify_chid = chid;
  c.priority = 10;
  strcpy(c.name, "selftest");
  return c;
}

void proc_create(int chid) {
  expect_eq(call_raw(__KER_TM_PROC_CREATE, kUnmapped), -EFAULT, "PROC_CREATE: unmapped struct");
  expect_eq(call_raw(__KER_TM_PROC_CREATE, kKernel), -EFAULT, "PROC_CREATE: kernel struct");
  // A valid request in a read-only page: the reply cannot be written, so
  // nothing may be created.
  constexpr uint64_t kPage = kScratch + 8 * 4096;
  qrv_tm_map ro = {kPage, 4096, 0, QRV_TM_PROT_READ | QRV_TM_PROT_WRITE};
  expect_eq(call(__KER_TM_MAP_ANON, &ro), 0, "MAP_ANON: a scratch page");
  *reinterpret_cast<qrv_tm_proc_create*>(kPage) = good_create(chid);
  ro.prot = QRV_TM_PROT_READ;
  expect_eq(call(__KER_TM_PROTECT, &ro), 0, "PROTECT: the scratch page read-only");
  expect_eq(call_raw(__KER_TM_PROC_CREATE, kPage), -EFAULT, "PROC_CREATE: a read-only struct");
  qrv_tm_proc_create c = good_create(chid);
  memset(c.name, 'x', sizeof c.name);
  expect_eq(call(__KER_TM_PROC_CREATE, &c), -EINVAL, "PROC_CREATE: name without NUL");
  c = good_create(chid);
  c.loader_pc = 0x10000;
  expect_eq(call(__KER_TM_PROC_CREATE, &c), -EINVAL, "PROC_CREATE: loader outside taskman's image");
  c = good_create(chid);
  c.loader_sp = 0x2000000000ull;
  expect_eq(call(__KER_TM_PROC_CREATE, &c), -EINVAL, "PROC_CREATE: loader stack outside taskman's image");
  c = good_create(chid);
  c.loader_sp -= 8;
  expect_eq(call(__KER_TM_PROC_CREATE, &c), -EINVAL, "PROC_CREATE: misaligned loader stack");
  c = good_create(chid);
  c.priority = 0;
  expect_eq(call(__KER_TM_PROC_CREATE, &c), -EINVAL, "PROC_CREATE: priority 0");
  c.priority = 256;
  expect_eq(call(__KER_TM_PROC_CREATE, &c), -EINVAL, "PROC_CREATE: priority 256");
  constexpr int32_t kNotForkable[] = {-1, 9999, 1};  // none, out of range, taskman itself
  for (int32_t bad : kNotForkable) {
    c = good_create(chid);
    c.fork_pid = bad;
    expect_eq(call(__KER_TM_PROC_CREATE, &c), -ESRCH, "PROC_CREATE: fork of no loaded child");
  }
  c = good_create(chid + 7);
  expect_eq(call(__KER_TM_PROC_CREATE, &c), -EINVAL, "PROC_CREATE: no such notify channel");
}

void map_and_protect(int init_pid) {
  qrv_tm_map m = {kScratch, 4096, 0, QRV_TM_PROT_READ | QRV_TM_PROT_WRITE};
  expect_eq(call_raw(__KER_TM_MAP_ANON, kUnmapped), -EFAULT, "MAP_ANON: unmapped struct");
  expect_eq(call(__KER_TM_MAP_ANON, &m), 0, "MAP_ANON: a page of taskman's own slot 3");
  *reinterpret_cast<volatile uint64_t*>(kScratch) = 42;
  expect_eq(call(__KER_TM_MAP_ANON, &m), -EEXIST, "MAP_ANON: twice");
  m.prot = QRV_TM_PROT_READ;
  expect_eq(call(__KER_TM_PROTECT, &m), 0, "PROTECT: read-only");
  m.prot = QRV_TM_PROT_WRITE | QRV_TM_PROT_EXEC;
  expect_eq(call(__KER_TM_PROTECT, &m), -EINVAL, "PROTECT: write and exec");
  expect_eq(call(__KER_TM_MAP_ANON, &m), -EINVAL, "MAP_ANON: write and exec");
  const qrv_tm_map bad[] = {
      {kScratch + 1, 4096, 0, QRV_TM_PROT_READ},      {kScratch, 0, 0, QRV_TM_PROT_READ},
      {kScratch, 100, 0, QRV_TM_PROT_READ},           {kScratch, 4096, 0, 0},
      {kScratch, 4096, 0, 8},                         {kKernel, 4096, 0, QRV_TM_PROT_READ},
      {0, 4096, 0, QRV_TM_PROT_READ},                 {0x3ffffff000ull, 8192, 0, QRV_TM_PROT_READ},
      {0x1000, ~0ull - 0xfff, 0, QRV_TM_PROT_READ},
  };
  for (const qrv_tm_map& b : bad) {
    expect_eq(call(__KER_TM_MAP_ANON, &b), -EINVAL, "MAP_ANON: bad address, length or protection");
    expect_eq(call(__KER_TM_PROTECT, &b), -EINVAL, "PROTECT: bad address, length or protection");
  }
  constexpr uint32_t kLazy = QRV_TM_PROT_READ | QRV_TM_PROT_WRITE | QRV_TM_PROT_LAZY;
  qrv_tm_map lazy = {kScratch + 16 * 4096, 2 * 4096, 0, kLazy};
  expect_eq(call(__KER_TM_MAP_ANON, &lazy), 0, "MAP_ANON: a demand-zero range");
  *reinterpret_cast<volatile uint64_t*>(kScratch + 17 * 4096 + 8) = 7;  // mapped by the fault
  expect_eq(*reinterpret_cast<volatile uint64_t*>(kScratch + 17 * 4096 + 8), 7, "a demand-zero page after a store");
  lazy.va = kScratch + 17 * 4096;
  expect_eq(call(__KER_TM_MAP_ANON, &lazy), -EEXIST, "MAP_ANON: a demand-zero range over another");
  int more = 0;  // the kernel keeps 4 per process
  long r = 0;
  while (more < 8 && (r = call(__KER_TM_MAP_ANON, (lazy.va = kScratch + (32 + 4 * more) * 4096, &lazy))) == 0) ++more;
  expect_eq(r == -EEXIST && more >= 1 && more <= 3, 1, "MAP_ANON: more demand-zero ranges, up to 4, then EEXIST");
  lazy.prot = QRV_TM_PROT_READ | QRV_TM_PROT_LAZY;
  expect_eq(call(__KER_TM_MAP_ANON, &lazy), -EINVAL, "MAP_ANON: demand-zero but not read-write");
  lazy.prot = kLazy;
  expect_eq(call(__KER_TM_PROTECT, &lazy), -EINVAL, "PROTECT: demand-zero is no protection");
  lazy = {kScratch + 17 * 4096, 4096, 0, QRV_TM_PROT_READ};
  expect_eq(call(__KER_TM_MAP_ANON, &lazy), -EEXIST, "MAP_ANON: into the demand-zero range");
  qrv_tm_map hole = {kScratch + 4096, 4096, 0, QRV_TM_PROT_READ};
  expect_eq(call(__KER_TM_PROTECT, &hole), -ENOMEM, "PROTECT: an unmapped page");
  qrv_tm_map other = {0x40000000, 4096, 99999, QRV_TM_PROT_READ};
  expect_eq(call(__KER_TM_MAP_ANON, &other), -ESRCH, "MAP_ANON: no such process");
  other.pid = -5;
  expect_eq(call(__KER_TM_MAP_ANON, &other), -ESRCH, "MAP_ANON: a negative pid");
  other = {0xC0000000ull, 4096, init_pid, QRV_TM_PROT_READ};
  expect_eq(call(__KER_TM_MAP_ANON, &other), -EINVAL, "MAP_ANON: slot 3 of another process");
}

void query_reap_done(int init_pid) {
  qrv_tm_proc_info info = {};
  info.pid = 1;
  expect_eq(call(__KER_TM_PROC_QUERY, &info), 0, "PROC_QUERY: taskman");
  expect_eq(strcmp(info.name, "taskman"), 0, "PROC_QUERY: taskman's name");
  info.pid = init_pid;
  expect_eq(call(__KER_TM_PROC_QUERY, &info), 0, "PROC_QUERY: init");
  expect_eq(info.state & QRV_TM_PROC_FINISHED, 0, "PROC_QUERY: init has not finished");
  static const int32_t kNobody[] = {0, -1, 99999};
  for (int32_t pid : kNobody) {
    info.pid = pid;
    expect_eq(call(__KER_TM_PROC_QUERY, &info), -ESRCH, "PROC_QUERY: no such process");
  }
  expect_eq(call_raw(__KER_TM_PROC_QUERY, kUnmapped), -EFAULT, "PROC_QUERY: unmapped struct");
  expect_eq(call_raw(__KER_TM_PROC_REAP, 1), -ESRCH, "PROC_REAP: taskman is nobody's child");
  expect_eq(call_raw(__KER_TM_PROC_REAP, static_cast<uint64_t>(init_pid)), -EBUSY, "PROC_REAP: a live child");
  expect_eq(call_raw(__KER_TM_PROC_REAP, 99999), -ESRCH, "PROC_REAP: no such process");
  expect_eq(call_raw(__KER_TM_PROC_REAP, ~0ull), -ESRCH, "PROC_REAP: an absurd pid");
  const qrv_tm_loader_done d = {0x10000, 0x2000000000ull, 0, 0};
  expect_eq(call(__KER_TM_LOADER_DONE, &d), -EPERM, "LOADER_DONE: taskman is no loader");
  qrv_tm_boot_image_map b = {0xE0000000ull, 0, 0, 0};
  expect_eq(call(__KER_TM_BOOT_IMAGE_MAP, &b), -EEXIST, "BOOT_IMAGE_MAP: where it is already");
  b.va = 0xE0000001ull;
  expect_eq(call(__KER_TM_BOOT_IMAGE_MAP, &b), -EINVAL, "BOOT_IMAGE_MAP: unaligned");
  expect_eq(call_raw(__KER_TM_BOOT_IMAGE_MAP, kUnmapped), -EFAULT, "BOOT_IMAGE_MAP: unmapped struct");
  qrv_tm_thread_info t = {};
  t.pid = 1;
  expect_eq(call(__KER_TM_THREAD_QUERY, &t), 0, "THREAD_QUERY: taskman's first thread");
  expect_eq(t.tid, 1, "THREAD_QUERY: its tid");
  expect_eq(t.state, 1u, "THREAD_QUERY: taskman's main thread is RUNNING (it asks)");
  t.tid = 2;
  expect_eq(call(__KER_TM_THREAD_QUERY, &t), -ESRCH, "THREAD_QUERY: no thread past the last");
  t = {};
  t.pid = init_pid;
  expect_eq(call(__KER_TM_THREAD_QUERY, &t), 0, "THREAD_QUERY: init's loader thread");
  t.pid = 99999;
  expect_eq(call(__KER_TM_THREAD_QUERY, &t), -ESRCH, "THREAD_QUERY: no such process");
  t.pid = 1;
  t.tid = -3;
  expect_eq(call(__KER_TM_THREAD_QUERY, &t), -ESRCH, "THREAD_QUERY: a negative tid");
  expect_eq(call_raw(__KER_TM_THREAD_QUERY, kUnmapped), -EFAULT, "THREAD_QUERY: unmapped struct");
  qrv_tm_session sess = {init_pid, QRV_TM_SESSION_ORPHANED, 0};
  expect_eq(call(__KER_TM_PROC_SET_SESSION, &sess), 0, "PROC_SET_SESSION: init's group orphaned");
  sess.flags = 0;
  expect_eq(call(__KER_TM_PROC_SET_SESSION, &sess), 0, "PROC_SET_SESSION: and not again");
  sess.flags = 2;
  expect_eq(call(__KER_TM_PROC_SET_SESSION, &sess), -EINVAL, "PROC_SET_SESSION: an unknown flag");
  sess = {init_pid, 0, 1};
  expect_eq(call(__KER_TM_PROC_SET_SESSION, &sess), -EINVAL, "PROC_SET_SESSION: reserved not 0");
  static const int32_t kNoSession[] = {1, 0, -1, 99999};  // taskman is in no group the kernel minds
  for (int32_t pid : kNoSession) {
    sess = {pid, 0, 0};
    expect_eq(call(__KER_TM_PROC_SET_SESSION, &sess), -ESRCH, "PROC_SET_SESSION: taskman or no such process");
  }
  expect_eq(call_raw(__KER_TM_PROC_SET_SESSION, kUnmapped), -EFAULT, "PROC_SET_SESSION: unmapped struct");
  qrv_tm_limits lim = {init_pid, 64, 0};
  expect_eq(call(__KER_TM_PROC_SET_LIMITS, &lim), 0, "PROC_SET_LIMITS: init's descriptors, the whole table");
  lim.open_max = 65;
  expect_eq(call(__KER_TM_PROC_SET_LIMITS, &lim), -EINVAL, "PROC_SET_LIMITS: past the table");
  lim = {init_pid, 8, 1};
  expect_eq(call(__KER_TM_PROC_SET_LIMITS, &lim), -EINVAL, "PROC_SET_LIMITS: reserved not 0");
  for (int32_t pid : kNoSession) {
    lim = {pid, 8, 0};
    expect_eq(call(__KER_TM_PROC_SET_LIMITS, &lim), -ESRCH, "PROC_SET_LIMITS: taskman or no such process");
  }
  expect_eq(call_raw(__KER_TM_PROC_SET_LIMITS, kUnmapped), -EFAULT, "PROC_SET_LIMITS: unmapped struct");
  qrv_tm_clock_set clk = {uint64_t{1} << 63, 0};
  expect_eq(call(__KER_TM_CLOCK_SET, &clk), -EINVAL, "CLOCK_SET: past 2^63 ns");
  expect_eq(call_raw(__KER_TM_CLOCK_SET, kUnmapped), -EFAULT, "CLOCK_SET: unmapped struct");
  qrv_tm_system_info sys = {};
  expect_eq(call(__KER_TM_SYSTEM_INFO, &sys), 0, "SYSTEM_INFO");
  expect_eq(sys.harts_online >= 1 && sys.harts_online <= sys.harts_configured, 1, "SYSTEM_INFO: harts");
  expect_eq(call_raw(__KER_TM_SYSTEM_INFO, kUnmapped), -EFAULT, "SYSTEM_INFO: unmapped struct");
  static const uint32_t kPastTheTable[] = {QRV_KER_TM_COUNT, 1000u, ~0u};
  for (uint32_t id : kPastTheTable) {
    expect_eq(call_raw(id, 0), -ENOSYS, "an id past the table: ENOSYS");
  }
}

}  // namespace

int tm_priv_selftest(int init_pid, int chid) {
  qrv_kernel_counts before, after;
  DebugKernelCheck(&before);
  proc_create(chid);
  DebugKernelCheck(&after);
  expect_eq(static_cast<long>(after.processes), static_cast<long>(before.processes),
            "refused PROC_CREATEs leave no process behind");
  expect_eq(static_cast<long>(after.heap_bytes), static_cast<long>(before.heap_bytes),
            "refused PROC_CREATEs leave no kernel memory behind");
  map_and_protect(init_pid);
  query_reap_done(init_pid);
  printf("taskman: tm_priv self-test: %d passed, %d failed\n", g_passed, g_failed);
  return g_failed;
}
