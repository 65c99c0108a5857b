// devc-sersifive: the SiFive UART (sifive_u's console) as /dev/ser1 and
// /dev/console, around io_char's frame (serial_driver.h) and terminal
// (tty.h), as devc-ser16550 is for the 16550. Registers are 32 bits:
// txdata (bit 31: full), rxdata (bit 31: empty), txctrl/rxctrl (enable,
// watermark in bits 16-18), ie/ip (bit 0: transmit below its watermark,
// bit 1: receive above its watermark).
#include <stdint.h>

#include "user/drivers/io_char/serial_driver.h"

namespace {

constexpr uint32_t kTxData = 0x00;
constexpr uint32_t kRxData = 0x04;
constexpr uint32_t kTxCtrl = 0x08;
constexpr uint32_t kRxCtrl = 0x0c;
constexpr uint32_t kIe = 0x10;
constexpr uint32_t kIp = 0x14;

constexpr uint32_t kFull = 1u << 31;   // txdata: no room
constexpr uint32_t kEmpty = 1u << 31;  // rxdata: nothing received
constexpr uint32_t kEnable = 1u;       // txctrl/rxctrl
constexpr uint32_t kTxWatermark1 = 1u << 16;  // transmit interrupt while the FIFO holds < 1 byte
constexpr uint32_t kRxWatermark0 = 0u << 16;  // receive interrupt while it holds > 0
constexpr uint32_t kTxWm = 1u << 0;  // ie/ip
constexpr uint32_t kRxWm = 1u << 1;

struct Uart {
  volatile uint32_t* base;
  uint32_t ie;
  bool transmitting;  // the transmit interrupt is on: output is queued
  bool in_transmit;   // transmit() runs (the terminal may call back into start_output)
  qrv_tty::Tty* tty;

  uint32_t read(uint32_t reg) const { return base[reg / 4]; }
  void write(uint32_t reg, uint32_t v) const { base[reg / 4] = v; }
  void set_ie(uint32_t v) {
    ie = v;
    write(kIe, v);
  }

  // Sends while the FIFO has room (at most 4 KiB at a time: the rest from
  // the transmit interrupt).
  void transmit() {
    if (in_transmit) return;
    in_transmit = true;
    for (int sent = 0; sent < 4096 && (read(kTxData) & kFull) == 0; ++sent) {
      unsigned char c;
      if (tty->take_output(&c, 1) == 0) break;
      write(kTxData, c);
    }
    transmitting = tty->output_pending();
    const uint32_t want = transmitting ? (ie | kTxWm) : (ie & ~kTxWm);
    if (want != ie) set_ie(want);
    in_transmit = false;
    if (!transmitting) tty->output_idle();
  }

  void receive() {
    unsigned char buf[64];
    size_t n = 0;
    for (int guard = 0; guard < 4096; ++guard) {
      const uint32_t v = read(kRxData);
      if ((v & kEmpty) != 0) break;
      buf[n++] = static_cast<unsigned char>(v);
      if (n == sizeof buf) {
        tty->input(buf, n);
        n = 0;
      }
    }
    if (n != 0) tty->input(buf, n);
  }
};

Uart g_uart;

void init(void* port, volatile uint8_t* regs, const qrv_tm_console_info&, qrv_tty::Tty* tty) {
  Uart* u = static_cast<Uart*>(port);
  u->base = reinterpret_cast<volatile uint32_t*>(regs);
  u->tty = tty;
  u->write(kTxCtrl, kEnable | kTxWatermark1);
  u->write(kRxCtrl, kEnable | kRxWatermark0);
  u->set_ie(kRxWm);
}

// Every pending cause, until none is left.
void service(void* port) {
  Uart* u = static_cast<Uart*>(port);
  for (int round = 0; round < 64; ++round) {
    const uint32_t ip = u->read(kIp) & u->ie;
    if (ip == 0) return;
    if ((ip & kRxWm) != 0) u->receive();
    if ((ip & kTxWm) != 0) u->transmit();
  }
}

void flush(void* port) {
  Uart* u = static_cast<Uart*>(port);
  u->set_ie(0);
  for (int spins = 0; spins < 1000000; ++spins) {
    if ((u->read(kTxData) & kFull) != 0) continue;
    unsigned char c;
    if (u->tty->take_output(&c, 1) == 0) return;
    u->write(kTxData, c);
  }
}

void start_output(void* port) {
  Uart* u = static_cast<Uart*>(port);
  if (!u->transmitting) u->transmit();  // else the transmit interrupt will come
}

// The FIFO below its watermark of one: empty.
bool output_done(void* port) {
  const Uart* u = static_cast<const Uart*>(port);
  return !u->transmitting && (u->read(kIp) & kTxWm) != 0;
}

}  // namespace

int main() {
  return qrv_tty::run_serial_driver(
      {"devc-sersifive", "sifive,uart0", &g_uart, init, service, flush, {&g_uart, start_output, output_done}});
}
