// devc-ser16550: the console's 16550 UART as /dev/ser1 and /dev/console
// (QNX's driver of the same name), an ordinary user process around
// io_char's frame (serial_driver.h) and terminal (tty.h). Output leaves
// synchronously while the transmit FIFO has room, through the
// transmitter-empty interrupt when it has not.
#include <stdint.h>

#include "user/drivers/io_char/serial_driver.h"

namespace {

constexpr size_t kFifo = 16;  // bytes the transmit FIFO takes when empty

// Registers (in units of the register stride).
constexpr uint32_t kRbr = 0;  // receive buffer (read)
constexpr uint32_t kThr = 0;  // transmit holding (write)
constexpr uint32_t kIer = 1;  // interrupt enable
constexpr uint32_t kIir = 2;  // interrupt identification (read)
constexpr uint32_t kFcr = 2;  // FIFO control (write)
constexpr uint32_t kLcr = 3;
constexpr uint32_t kMcr = 4;
constexpr uint32_t kLsr = 5;
constexpr uint32_t kMsr = 6;

constexpr uint8_t kIerRx = 0x01;     // received data (and its timeout)
constexpr uint8_t kIerTx = 0x02;     // transmit holding register empty
constexpr uint8_t kIerLine = 0x04;   // line status: errors, break
constexpr uint8_t kIirNone = 0x01;   // no interrupt pending
constexpr uint8_t kIirCause = 0x0e;  // the cause bits
constexpr uint8_t kIirTx = 0x02;     // cause: transmitter empty
constexpr uint8_t kIirModem = 0x00;  // cause: modem status
constexpr uint8_t kLcr8N1 = 0x03;
constexpr uint8_t kFcrOn = 0x07;     // FIFOs on and cleared, receive trigger at 1 byte
constexpr uint8_t kMcrOn = 0x0b;     // DTR, RTS, OUT2 (the interrupt line's gate on PCs)
constexpr uint8_t kLsrData = 0x01;
constexpr uint8_t kLsrBreak = 0x10;
constexpr uint8_t kLsrThrEmpty = 0x20;
constexpr uint8_t kLsrIdle = 0x40;   // transmitter empty: the last bit has left

struct Uart {
  volatile uint8_t* base;
  uint32_t shift;
  uint32_t width;
  uint8_t ier;
  bool transmitting;  // the transmit interrupt is on: output is queued
  bool in_transmit;   // transmit() runs (the terminal may call back into start_output)
  qrv_tty::Tty* tty;

  uint8_t read(uint32_t reg) const {
    volatile uint8_t* p = base + (uintptr_t{reg} << shift);
    return width == 4 ? static_cast<uint8_t>(*reinterpret_cast<volatile uint32_t*>(p)) : *p;
  }
  void write(uint32_t reg, uint8_t v) const {
    volatile uint8_t* p = base + (uintptr_t{reg} << shift);
    if (width == 4) {
      *reinterpret_cast<volatile uint32_t*>(p) = v;
    } else {
      *p = v;
    }
  }
  void set_ier(uint8_t v) {
    ier = v;
    write(kIer, v);
  }

  // Fills the FIFO while it is empty (at most 4 KiB at a time: the rest
  // goes from the transmit interrupt); the interrupt stays on while bytes
  // are queued.
  void transmit() {
    if (in_transmit) return;
    in_transmit = true;
    for (int round = 0; round < 256 && (read(kLsr) & kLsrThrEmpty) != 0; ++round) {
      unsigned char buf[kFifo];
      const size_t n = tty->take_output(buf, sizeof buf);
      if (n == 0) break;
      for (size_t i = 0; i < n; ++i) write(kThr, buf[i]);
    }
    transmitting = tty->output_pending();
    const uint8_t want = transmitting ? (ier | kIerTx) : (ier & static_cast<uint8_t>(~kIerTx));
    if (want != ier) set_ier(want);
    in_transmit = false;
    if (!transmitting) tty->output_idle();
  }

  void receive(uint8_t lsr) {
    unsigned char buf[64];
    size_t n = 0;
    for (int guard = 0; (lsr & kLsrData) != 0 && guard < 4096; ++guard) {
      const unsigned char c = read(kRbr);
      if ((lsr & kLsrBreak) != 0) {
        tty->input(buf, n);
        n = 0;
        tty->input_break();
      } else {
        buf[n++] = c;
        if (n == sizeof buf) {
          tty->input(buf, n);
          n = 0;
        }
      }
      lsr = read(kLsr);
    }
    if (n != 0) tty->input(buf, n);
  }
};

Uart g_uart;

void init(void* port, volatile uint8_t* regs, const qrv_tm_console_info& info, qrv_tty::Tty* tty) {
  Uart* u = static_cast<Uart*>(port);
  u->base = regs;
  u->shift = info.reg_shift;
  u->width = info.reg_io_width == 4 ? 4 : 1;
  u->tty = tty;
  u->write(kLcr, kLcr8N1);
  u->write(kFcr, kFcrOn);
  u->write(kMcr, kMcrOn);
  u->set_ier(kIerRx | kIerLine);
}

// Every pending cause, until the UART has none (its line is low again).
void service(void* port) {
  Uart* u = static_cast<Uart*>(port);
  for (int round = 0; round < 64; ++round) {
    const uint8_t iir = u->read(kIir);
    if ((iir & kIirNone) != 0) return;
    u->receive(u->read(kLsr));
    if ((iir & kIirCause) == kIirTx || u->transmitting) u->transmit();
    if ((iir & kIirCause) == kIirModem) (void)u->read(kMsr);
  }
}

void flush(void* port) {
  Uart* u = static_cast<Uart*>(port);
  u->set_ier(0);
  for (int spins = 0; spins < 1000000; ++spins) {
    if ((u->read(kLsr) & kLsrThrEmpty) == 0) continue;
    unsigned char buf[kFifo];
    const size_t n = u->tty->take_output(buf, sizeof buf);
    if (n == 0) return;
    for (size_t i = 0; i < n; ++i) u->write(kThr, buf[i]);
  }
}

void start_output(void* port) {
  Uart* u = static_cast<Uart*>(port);
  if (!u->transmitting) u->transmit();  // else the transmit interrupt will come
}

bool output_done(void* port) {
  const Uart* u = static_cast<const Uart*>(port);
  return !u->transmitting && (u->read(kLsr) & kLsrIdle) != 0;
}

}  // namespace

int main() {
  return qrv_tty::run_serial_driver(
      {"devc-ser16550", "16550", &g_uart, init, service, flush, {&g_uart, start_output, output_done}});
}
