// Time on the board: the clock (time CSR through the device tree's
// timebase), each hart's timer (SBI TIME extension, spec chapter 6), the
// global timer queue of sleeping threads, and the scheduler tick that slices
// round-robin threads. Everything but clock_now_ns runs under the BKL.
#pragma once

#include <cstddef>
#include <cstdint>

#include "kernel/proc/thread.h"

// Round-robin slicing tick while a user thread runs (QNX's default 1 ms clock
// period would mostly measure QEMU; 10 ms keeps tests fast and meaningful).
inline constexpr uint64_t kTickNs = 10'000'000;

// The shortest period a process timer repeats at: shorter reload intervals
// are rounded up to it (POSIX lets timers round to the clock's resolution).
// It bounds the expiries a process can ask of the harts: at most
// kMaxTimersPerProcess * 1,000 a second, so no interval leaves the system
// stuck in the timer path.
inline constexpr uint64_t kTimerMinIntervalNs = 1'000'000;

void clock_init(uint64_t timebase_hz);
uint64_t clock_now_ns();

// CLOCK_REALTIME: clock_now_ns plus an offset, set at boot from the board's
// RTC (0 without one: the Epoch is the boot) and by clock_settime through
// taskman (__KER_TM_CLOCK_SET). Times before the Epoch read as 0.
void clock_set_realtime(uint64_t epoch_ns);
uint64_t clock_realtime_ns();
// `id`'s time now (QRV_CLOCK_REALTIME or QRV_CLOCK_MONOTONIC).
uint64_t clock_read(uint64_t id);
// The clock_now_ns time at which clock `id` reads abs_ns (0 if it is past).
uint64_t clock_deadline_of(uint64_t id, uint64_t abs_ns);

// Enables this hart's timer interrupt (each hart, once).
void clock_init_hart();

// Programs this hart's timer: the next sleeper's deadline, and the next tick
// if a user thread runs here.
void clock_program_hart();

// A timer interrupt on this hart: wakes due sleepers, slices the running
// round-robin thread. May switch threads.
void clock_interrupt();

// The calling thread sleeps until `deadline_ns` (clock_now_ns time), or
// until a signal wakes it: then its unblock_status is -EINTR (else 0).
void clock_sleep_until(uint64_t deadline_ns);

// Takes a sleeping thread's timer out of the queue (it is being destroyed).
void clock_cancel_sleep(tThread* t);

// (Re)arms a process timer for deadline_ns, then every interval_ns (0: once);
// clock_disarm takes it out of the queue.
Status clock_arm(KTimer& timer, uint64_t deadline_ns, uint64_t interval_ns);
void clock_disarm(KTimer& timer);

// Timers armed in the kernel's timer queue (consistency checks).
size_t clock_armed_count();
