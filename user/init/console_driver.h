// Which program of the boot image drives the console: a boot script's
// choice, made from what taskman says the console is (_PROC_CONSOLE_INFO,
// the device tree's compatible). Shared by init and console_test. Adding a
// UART is a driver under user/drivers and a line here.
#pragma once

#include <string.h>
#include <sys/neutrino.h>
#include <sys/procmsg.h>

namespace qrv_init {

// The driver's name in /proc/boot, or nullptr for a console no driver knows.
inline const char* console_driver() {
  const _proc_hdr m = {_PROC_CONSOLE_INFO, 0, sizeof m};
  qrv_tm_console_info info = {};
  if (MsgSend(QRV_TASKMAN_COID, &m, sizeof m, &info, sizeof info) < 0) return nullptr;
  info.compatible[sizeof info.compatible - 1] = '\0';
  static const struct {
    const char* compatible;
    const char* driver;
  } kDrivers[] = {
      {"ns16550", "devc-ser16550"},
      {"sifive,uart0", "devc-sersifive"},
  };
  for (const auto& d : kDrivers) {
    if (strstr(info.compatible, d.compatible) != nullptr) return d.driver;
  }
  return nullptr;
}

}  // namespace qrv_init
