// The normal kernel's payload: start taskman, the one program the kernel
// ever loads, from the boot image; everything else is taskman's to start.
// Without a boot image (or without taskman in it) there is no user space:
// the kernel says so and powers off cleanly, so `bazel run` ends by itself.
// When taskman ends, the system has no process manager: power off, cleanly
// if taskman ended with status 0 (its first program did) and the kernel is
// back where it was before taskman started (no process, thread, channel,
// connection, pulse, timer, heap byte or page left: kcheck.h), else with a
// failure status.
#include "kernel/abi/signals.h"
#include "kernel/arch/arch.h"
#include "kernel/console/console.h"
#include "kernel/init/bkl.h"
#include "kernel/init/boot_image.h"
#include "kernel/init/payload.h"
#include "kernel/proc/kcheck.h"
#include "kernel/proc/process.h"
#include "kernel/proc/sched.h"

namespace {
uint64_t us_since_reset(const BootInfo& info) {
  // time counts from machine reset (firmware included); under QEMU -icount
  // it is virtual time, 1 instruction = 1 ns at shift 0.
  uint64_t ticks;
  asm volatile("rdtime %0" : "=r"(ticks));
  return ticks * 1000000 / info.timebase_hz;
}

[[noreturn]] void no_user_space(const BootInfo& info, const char* why) {
  kprintf("qrv: boot complete in %lu us; no user space to start (%s), powering off\n", us_since_reset(info), why);
  arch_shutdown(true);
}
}  // namespace

void kernel_payload(const BootInfo& info) {
  BootImage image;
  const BootImageStatus st = boot_image_open(info, &image);
  if (st == BootImageStatus::kAbsent) no_user_space(info, "no boot image");
  if (st != BootImageStatus::kOk) {
    kprintf("qrv: boot image refused: %s\n", boot_image_status_name(st));
    no_user_space(info, "bad boot image");
  }
  CpioOr<CpioEntry> tm = image.cpio.find("taskman");
  if (!tm.ok() || !tm.value.is_regular()) no_user_space(info, "no taskman in the boot image");
  qrv_kernel_counts baseline;
  {
    TicketLockGuard guard(bkl());
    baseline = leak_baseline();
  }
  // Said first: once started, taskman may print on another hart at once.
  kprintf("qrv: boot complete in %lu us; starting taskman (pid %u, %u bytes)\n", us_since_reset(info),
          process_next_pid(), tm.value.size);
  SpawnResult r = process_spawn_taskman(tm.value.data, tm.value.size);
  if (r.proc == nullptr) {
    kprintf("qrv: taskman not started: %s / %s\n", elf_status_name(r.elf), status_name(r.status));
    arch_shutdown(false);
  }
  process_wait(r.proc);
  // taskman ends when the system does (its first program ended, or a
  // shutdown): status 0 is a clean power-off, anything else a failure.
  bool clean = r.proc->exit_status == 0 && r.proc->term_signal == 0;
  kprintf("qrv: taskman ended (status %ld, signal %d): no process manager, powering off\n", r.proc->exit_status,
          r.proc->term_signal);
  // What is still running (servers an init left behind) ends with the
  // system; once ended, and reaped in taskman's place, nothing may be left.
  uint32_t left = 0;
  {
    TicketLockGuard guard(bkl());
    process_free(r.proc);
    for (uint32_t i = 0; i < kMaxProcesses; ++i) {
      tProcess* p = process_slot(i);
      if (p == nullptr || p->exiting) continue;
      ++left;
      process_terminate(p, QRV_SIGKILL);
    }
  }
  if (left > 0) kprintf("qrv: %u processes still ran at power-off: killed\n", left);
  sched_idle_until(
      [](void*) {
        for (uint32_t i = 0; i < kMaxProcesses; ++i) {
          const tProcess* p = process_slot(i);
          if (p != nullptr && !p->finished) return false;
        }
        return true;
      },
      nullptr);
  TicketLockGuard guard(bkl());
  for (uint32_t i = 0; i < kMaxProcesses; ++i) {
    if (tProcess* p = process_slot(i); p != nullptr && p->tm_chid != 0) (void)process_reap(p);
  }
  if (const char* bad = kernel_check()) {
    kprintf("kernel_check: %s at power-off\n", bad);
    clean = false;
  }
  clean = leak_check(baseline, "at power-off") && clean;
  arch_shutdown(clean);
}
