// What every console UART driver (devc-ser16550, devc-sersifive) does
// around its hardware, in one place: ask taskman where the console is
// (_PROC_CONSOLE_INFO, from the device tree), refuse a console of another
// kind, take I/O privilege (ThreadCtl(_NTO_TCTL_IO): root's), map the
// registers (mmap_device_memory), take the interrupt as a pulse
// (InterruptAttachEvent), serve /dev/ser1 and /dev/console through a Tty,
// and run the one thread's loop: messages to the terminal layer, the
// interrupt pulse to the driver's service() (which handles every pending
// cause: the PLIC takes a new request only when the line rises again), then
// unmask. On SIGTERM the driver's flush() sends what is queued and the
// program ends with status 0.
#pragma once

#include <stddef.h>
#include <stdint.h>
#include <sys/procmsg.h>

#include "user/drivers/io_char/tty.h"

namespace qrv_tty {

// A UART driver's part.
struct SerialPort {
  const char* name;        // the program's, for messages
  const char* compatible;  // a substring of the device tree's compatible it drives
  void* port;              // the driver's own state, passed back to each hook
  // The registers are mapped at regs: set the UART up, interrupts on for
  // received data. Called before the first message is served.
  void (*init)(void* port, volatile uint8_t* regs, const qrv_tm_console_info& info, Tty* tty);
  void (*service)(void* port);  // the interrupt came: every pending cause
  void (*flush)(void* port);    // the end: interrupts off, what is queued sent by polling
  TtyHardware hardware;         // for the Tty (dev is `port`)
};

// Runs the driver; returns the program's exit status (1, with a message,
// when it cannot drive the console).
int run_serial_driver(const SerialPort& driver);

}  // namespace qrv_tty
