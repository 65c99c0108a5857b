// The console UART drivers' shared frame (serial_driver.h).
#include "user/drivers/io_char/serial_driver.h"

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/neutrino.h>
#include <sys/resmgr.h>

namespace qrv_tty {
namespace {

constexpr int kIrqPulse = 21;
constexpr uint64_t kPage = 4096;

volatile sig_atomic_t g_stop = 0;
void on_term(int) { g_stop = 1; }

qrv_tm_console_info console_info() {
  const _proc_hdr m = {_PROC_CONSOLE_INFO, 0, sizeof m};
  qrv_tm_console_info info = {};
  if (MsgSend(QRV_TASKMAN_COID, &m, sizeof m, &info, sizeof info) < 0) memset(&info, 0, sizeof info);
  return info;
}

int fail(const SerialPort& d, const char* what) {
  printf("%s: %s: %s\n", d.name, what, strerror(errno));
  return 1;
}

}  // namespace

int run_serial_driver(const SerialPort& d) {
  const qrv_tm_console_info info = console_info();
  if (info.base == 0) return fail(d, "no console to drive");
  if (strstr(info.compatible, d.compatible) == nullptr) {
    printf("%s: the console is a %.*s, not a %s\n", d.name, static_cast<int>(sizeof info.compatible),
           info.compatible, d.compatible);
    return 1;
  }
  if (ThreadCtl(_NTO_TCTL_IO, nullptr) == -1) return fail(d, "no I/O privilege");
  const uint64_t page = info.base & ~(kPage - 1);
  const uint64_t bytes = info.size != 0 ? info.size : 8;
  const size_t span = static_cast<size_t>((info.base - page + bytes + kPage - 1) & ~(kPage - 1));
  void* regs = mmap_device_memory(nullptr, span, PROT_READ | PROT_WRITE, 0, page);
  if (regs == MAP_FAILED) return fail(d, "cannot map the UART");

  static Tty the_tty(d.hardware);  // one port per program
  Tty* tty = &the_tty;

  struct sigaction sa = {};
  sa.sa_handler = on_term;
  sigaction(SIGTERM, &sa, nullptr);

  dispatch_t* dpp = dispatch_create();
  if (dpp == nullptr) return fail(d, "no channel");
  const int coid = ConnectAttach(0, 0, dispatch_chid(dpp), _NTO_SIDE_CHANNEL, 0);
  struct sigevent ev;
  SIGEV_PULSE_INIT(&ev, coid, -1, kIrqPulse, 0);
  const int irq = static_cast<int>(info.irq);
  const int id = coid < 0 ? -1 : InterruptAttachEvent(irq, &ev, _NTO_INTR_FLAGS_TRK_MSK);
  if (id == -1) return fail(d, "cannot attach the UART's interrupt");
  d.init(d.port, static_cast<volatile uint8_t*>(regs) + (info.base - page), info, tty);

  static const char* const paths[] = {"/dev/ser1", "/dev/console"};
  if (tty->attach(dpp, paths, 2) != 0) return fail(d, "cannot serve /dev/ser1 and /dev/console");
  resmgr_context_t* ctp = resmgr_context_alloc(dpp);
  if (ctp == nullptr) return fail(d, "no context");
  while (!g_stop) {
    if (resmgr_block(ctp) != 0) {
      if (errno == EINTR) continue;
      return fail(d, "receive failed");
    }
    if (resmgr_handler(ctp) == 0) continue;
    if (ctp->rcvid != 0) {
      (void)MsgError(ctp->rcvid, ENOSYS);
      continue;
    }
    const auto* pulse = static_cast<const struct _pulse*>(ctp->msg);
    if (pulse->code == kIrqPulse) {
      d.service(d.port);
      (void)InterruptUnmask(irq, id);
    } else {
      (void)tty->pulse(*pulse);
    }
  }
  d.flush(d.port);
  return 0;
}

}  // namespace qrv_tty
