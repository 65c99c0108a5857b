// Pulses: fixed-size, non-blocking notifications queued on a channel
// (MsgSendPulse, MsgDeliverEvent with SIGEV_PULSE, timer expiries, and the
// kernel's own UNBLOCK / DISCONNECT / COIDDEATH notices). A pulse waits in
// the channel's receive order until a MsgReceivev takes it (rcvid 0).
#pragma once

#include <cstdint>

#include "kernel/abi/types.h"
#include "kernel/ipc/channel.h"
#include "kernel/lib/result.h"

// The priority of the kernel's own notices (QNX's default user priority).
inline constexpr uint8_t kKernelPulsePriority = 10;

// Queues a pulse on `ch` and wakes a receiver. Errors: kBusy (the server
// process has kMaxQueuedPulses pending), kNoMemory.
Status pulse_queue(tChannel* ch, uint8_t priority, int8_t code, int32_t value, uint32_t scoid);

// A pulse allocated ahead of need (a process's notices to taskman), queued
// later with pulse_queue_allocated, which cannot fail: such pulses are
// bounded by the process table, not by kMaxQueuedPulses. Unqueued ones go
// back with pulse_discard.
Pulse* pulse_alloc();
void pulse_queue_allocated(tChannel* ch, Pulse* p, uint8_t priority, int8_t code, int32_t value,
                           uint32_t scoid);
void pulse_discard(Pulse* p);

// Frees a pulse already taken off ch's queue.
void pulse_free(tChannel* ch, Pulse* p);

// What a receiver reads for a pulse.
struct _pulse pulse_message(const Pulse& p);

// MsgSendPulse(coid, priority, code, value) from the calling thread:
// priority -1 is the caller's own; code QRV_PULSE_CODE_MINAVAIL..MAXAVAIL.
int64_t msg_send_pulse(int64_t coid, int64_t priority, int64_t code, int64_t value);

// Sends `ev` on behalf of `proc`'s timer or of a server: a pulse on the
// connection ev.coid of `target`, or a signal to `target`. SIGEV_NONE does
// nothing. Errors: -EINVAL (unknown notify type, bad fields), -EBADF (no
// such connection), -EAGAIN / -ENOMEM (pulse not queued; for a signal, its
// realtime queue is full). A signal's report says si_code `code`, si_pid
// `pid` and the event's value.
int64_t event_send(tProcess* target, const qrv_sigevent& ev, uint8_t default_priority, int32_t code, uint32_t pid);

// Checks a sigevent's fields for the types event_send takes, plus
// SIGEV_UNBLOCK when `unblock_ok`. 0 or -EINVAL.
int64_t event_validate(const qrv_sigevent& ev, bool unblock_ok);

// MsgDeliverEvent(rcvid, event): the server sends `event` (copied in) to the
// client the rcvid names: its process (signal, pulse) or its thread (unblock).
int64_t msg_deliver_event(int64_t rcvid, uint64_t user_event);
