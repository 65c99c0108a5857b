// The kernel-call fuzzing payload: rounds of several kfuzz processes
// (user/fuzz) running at once, each seeded. While they run the kernel's
// consistency checks run every so often; after each round every object and
// byte must be back where it was before the first. A panic, a hang (the runner's
// timeout), a broken invariant or a leak fails the run with the seeds.
//
// Kernel command line (QEMU -append), all optional:
//   kfuzz.seed=N    first seed (default 1); round r, process i gets N + r*procs + i
//   kfuzz.rounds=R  rounds (default 4)
//   kfuzz.procs=P   processes per round (default 3, at most 8)
//   kfuzz.calls=C   kernel calls per process (default 2000)
//   kfuzz.min=M     fail unless at least M calls were made in all (soaks)
#include "kernel/arch/arch.h"
#include "kernel/console/console.h"
#include "kernel/init/bkl.h"
#include "kernel/init/payload.h"
#include "kernel/lib/boot_args.h"
#include "kernel/lib/format.h"
#include "kernel/proc/clock.h"
#include "kernel/proc/kcheck.h"
#include "kernel/proc/process.h"
#include "kernel/proc/sched.h"

extern "C" const char kfuzz_elf_start[], kfuzz_elf_end[];

namespace {
constexpr uint64_t kMaxProcs = 8;

uint64_t option(const BootInfo& info, const char* key, uint64_t fallback, uint64_t max) {
  uint64_t v = fallback;
  if (boot_arg_u64(info.bootargs, key, &v) && v >= 1 && v <= max) return v;
  return fallback;
}

// The process_wait predicate: done when the process has finished; every
// 32nd look (with the BKL held, fuzzers live) the kernel's invariants too.
// Fuzzers stop each other (SIGSTOP and friends) and may not live to send
// the SIGCONT: a look means this hart has nothing to run, so the round's
// stopped fuzzers are continued then (stops last until a hart idles).
struct Watch {
  tProcess* proc;
  uint64_t seed;
  uint32_t looks;
  uint64_t since;  // clock_now_ns when the wait began
  bool dumped;
  tProcess* const* round;  // the round's processes (nullptr: freed)
  uint64_t procs;
};

// A round that runs this long is probably hung: say what every thread is
// doing, once, before the runner's timeout ends the run.
constexpr uint64_t kSuspectNs = 30'000'000'000ull;

void dump_threads() {
  for (uint32_t i = 0; i < kMaxProcesses; ++i) {
    const tProcess* p = process_slot(i);
    if (p == nullptr) continue;
    kprintf("kfuzz: pid %u%s, %u live threads:", p->pid, p->exiting ? " (exiting)" : "", p->live_threads);
    for (const tThread* t : p->threads) {
      if (t != nullptr) kprintf(" %u:%s/%u", t->tid, thread_state_name(static_cast<ThreadState>(t->state_)), t->priority_);
    }
    kprintf("\n");
  }
}

bool finished_or_check(void* arg) {
  auto* w = static_cast<Watch*>(arg);
  for (uint64_t i = 0; i < w->procs; ++i) {
    if (w->round[i] != nullptr && !w->round[i]->finished) process_continue(w->round[i]);
  }
  if ((++w->looks & 31) == 0) {
    if (const char* bad = kernel_check()) {
      kprintf("kfuzz: kernel_check: %s (while seed %lu ran)\n", bad, w->seed);
      arch_shutdown(false);
    }
  }
  if (!w->dumped && !w->proc->finished && clock_now_ns() - w->since > kSuspectNs) {
    w->dumped = true;
    kprintf("kfuzz: seed %lu has run for over %lu s: threads (tid:state/priority):\n", w->seed,
            kSuspectNs / 1'000'000'000);
    dump_threads();
  }
  return w->proc->finished;
}

const char* outcome(const tProcess* p, char* buf, size_t size) {
  if (p->faulted) {
    ksnprintf(buf, size, "faulted (cause %lu at 0x%lx)", p->fault_cause, p->fault_addr);
  } else if (p->term_signal != 0) {
    ksnprintf(buf, size, "killed by signal %d", p->term_signal);
  } else {
    ksnprintf(buf, size, "exited with status %ld", p->exit_status);
  }
  return buf;
}
}  // namespace

void kernel_payload(const BootInfo& info) {
  const uint64_t seed0 = option(info, "kfuzz.seed", 1, UINT64_MAX / 2);
  const uint64_t rounds = option(info, "kfuzz.rounds", 4, 1'000'000);
  const uint64_t procs = option(info, "kfuzz.procs", 3, kMaxProcs);
  const uint64_t calls = option(info, "kfuzz.calls", 2000, 100'000'000);
  const uint64_t min_total = option(info, "kfuzz.min", 1, UINT64_MAX);
  kprintf("kfuzz: seed %lu, %lu rounds of %lu processes, %lu calls each\n", seed0, rounds, procs, calls);
  uint64_t total = 0;
  bool clean = true;
  qrv_kernel_counts baseline;
  {
    TicketLockGuard guard(bkl());
    baseline = leak_baseline();
  }
  for (uint64_t round = 0; round < rounds && clean; ++round) {
    static char args[kMaxProcs][4][24];
    tProcess* running[kMaxProcs] = {};
    const uint32_t first_pid = process_next_pid();
    const uint64_t seed = seed0 + round * procs;
    uint64_t made = 0;  // fuzz calls, as the fuzzers that ended by themselves count them
    for (uint64_t i = 0; i < procs; ++i) {
      ksnprintf(args[i][0], sizeof args[i][0], "%lu", seed + i);
      ksnprintf(args[i][1], sizeof args[i][1], "%lu", calls);
      ksnprintf(args[i][2], sizeof args[i][2], "%u", first_pid);
      ksnprintf(args[i][3], sizeof args[i][3], "%lu", procs);
      const char* const argv[] = {"kfuzz", args[i][0], args[i][1], args[i][2], args[i][3]};
      SpawnResult r = process_spawn_args(kfuzz_elf_start, static_cast<size_t>(kfuzz_elf_end - kfuzz_elf_start), argv);
      if (r.proc == nullptr) {
        kprintf("kfuzz: round %lu: could not start seed %lu\n", round, seed + i);
        arch_shutdown(false);
      }
      running[i] = r.proc;
    }
    for (uint64_t i = 0; i < procs; ++i) {
      Watch w = {running[i], seed + i, 0, clock_now_ns(), false, running, procs};
      sched_idle_until(finished_or_check, &w);
      char how[64];
      kprintf("kfuzz: seed %lu (pid %u) %s\n", seed + i, running[i]->pid, outcome(running[i], how, sizeof how));
      // kfuzz exits with its call count; one killed before the end counts 0.
      const tProcess* p = running[i];
      if (!p->faulted && p->term_signal == 0 && p->exit_status > 0) made += static_cast<uint64_t>(p->exit_status);
      process_free(running[i]);
      running[i] = nullptr;
    }
    total += made;
    kprintf("kfuzz: round %lu (seeds %lu..%lu): %lu calls\n", round, seed, seed + procs - 1, made);
    TicketLockGuard guard(bkl());
    char what[48];
    ksnprintf(what, sizeof what, "kfuzz round %lu (seeds %lu..%lu)", round, seed, seed + procs - 1);
    if (const char* bad = kernel_check()) {
      kprintf("kfuzz: kernel_check: %s after %s\n", bad, what);
      clean = false;
    }
    clean = leak_check(baseline, what) && clean;
  }
  if (total < min_total) {
    kprintf("kfuzz: %lu calls, fewer than the %lu asked for\n", total, min_total);
    clean = false;
  }
  kprintf("kfuzz: %lu calls in all (at least: killed fuzzers count none), %s\n", total,
          clean ? "no panic, no leak" : "FAILED");
  arch_shutdown(clean);
}
