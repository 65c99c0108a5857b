// Synchronous message passing (QNX MsgSendv, MsgReceivev, MsgReplyv,
// MsgError, MsgReadv, MsgWritev, MsgInfo). A client's send queues it on the
// channel (STATE_SEND) and wakes a receiver; the receiver copies the message
// straight from the client's address space into its own (mm_map_xferv) and
// the client waits in STATE_REPLY until MsgReplyv or MsgError copies the
// reply back and makes it ready. Receivers run at the priority of what they
// receive unless the channel has QRV_NTO_CHF_FIXED_PRIORITY; a send that
// finds no receiver raises the channel's busy server threads to the
// sender's priority (priority inheritance). A bad buffer fails the call of
// the side it belongs to with EFAULT and nothing else.
//
// User arguments are raw: IOV arrays are user addresses with a part count,
// or a single buffer when the count is negative (-length).
#pragma once

#include <cstdint>

#include "kernel/proc/thread.h"

struct tChannel;

int64_t msg_sendv(int64_t coid, uint64_t siov, int64_t sparts, uint64_t riov, int64_t rparts);
int64_t msg_receivev(int64_t chid, uint64_t riov, int64_t rparts, uint64_t info);
int64_t msg_replyv(int64_t rcvid, int64_t status, uint64_t siov, int64_t sparts);
int64_t msg_error(int64_t rcvid, int64_t error);
int64_t msg_readv(int64_t rcvid, uint64_t riov, int64_t rparts, uint64_t offset);
int64_t msg_writev(int64_t rcvid, uint64_t siov, int64_t sparts, uint64_t offset);
int64_t msg_info(int64_t rcvid, uint64_t info);

// The client a rcvid names, if it is REPLY-blocked on one of the calling
// thread's channels with exactly that rcvid; else nullptr (ESRCH).
tThread* msg_reply_target(int64_t rcvid);

// Takes a SEND- or REPLY-blocked client off its channel's list.
void msg_client_unlink(tThread* client);

// Ends a client's MsgSendv with `status` (it is off every list): it becomes
// ready and returns status. by_server: its server answered (reply or error)
// and will most likely block in MsgReceivev next (sched_make_ready_lazy).
void msg_client_finish(tThread* client, int64_t status, bool by_server = false);

// Takes one RECEIVE-blocked thread off `ch`, if any, for something of
// `priority` that was just queued, and gives it that priority; the caller
// makes it run. With none waiting, raises the channel's busy servers to
// `priority` and returns nullptr.
tThread* msg_take_receiver(tChannel* ch, uint8_t priority);

// A signal or timeout for a thread blocked in message passing: SEND and
// RECEIVE end at once with `status`; REPLY ends at once too, unless the
// channel has QRV_NTO_CHF_UNBLOCK: then the server gets an UNBLOCK pulse and
// the client waits for its reply (or MsgError). True if the thread was made
// ready.
bool msg_unblock(tThread* t, int64_t status);

// A thread that dies in any state but RUNNING (blocked in message passing,
// or made ready and not yet back from its call) leaves its lists and frees
// every message copy it holds.
void msg_thread_cancel(tThread* t);

// Any thread that dies: it is no longer one of its channel's servers.
void msg_thread_exit(tThread* t);
