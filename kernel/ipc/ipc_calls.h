// The message-passing kernel calls' entry points for the dispatch table
// (kernel/proc/syscalls.cc): each decodes its registers and calls msg_*,
// channel_*, connect_* or pulse code.
#pragma once

#include <cstdint>

#include "kernel/arch/riscv/trap.h"

int64_t ker_channel_create(TrapFrame& f);
int64_t ker_channel_destroy(TrapFrame& f);
int64_t ker_connect_attach(TrapFrame& f);
int64_t ker_connect_detach(TrapFrame& f);
int64_t ker_connect_server_info(TrapFrame& f);
int64_t ker_connect_flags(TrapFrame& f);
int64_t ker_msg_sendv(TrapFrame& f);
int64_t ker_msg_receivev(TrapFrame& f);
int64_t ker_msg_replyv(TrapFrame& f);
int64_t ker_msg_error(TrapFrame& f);
int64_t ker_msg_readv(TrapFrame& f);
int64_t ker_msg_writev(TrapFrame& f);
int64_t ker_msg_info(TrapFrame& f);
int64_t ker_msg_send_pulse(TrapFrame& f);
int64_t ker_msg_deliver_event(TrapFrame& f);
