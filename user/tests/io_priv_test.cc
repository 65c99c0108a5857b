// io_priv_test: what a user-space driver may have and who may have it. I/O
// privilege (ThreadCtl(_NTO_TCTL_IO)) is root's, never inherited; without
// it InterruptAttachEvent and device memory are EPERM. With it: the console
// UART's registers map, RAM and the interrupt controller do not, a message
// buffer in device memory is EFAULT (never a kernel fault), and the UART's
// interrupt arrives as a pulse with the source masked until unmasked. An
// attachment dies with its process. Children are this program under other
// names (argv[0]).
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/neutrino.h>
#include <sys/procmsg.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "user/tests/check.h"

using qrv_test::expect;
using qrv_test::expect_eq;

extern char** environ;

namespace {

constexpr int kIrqPulse = 7;

long err(long r) { return r < 0 ? -errno : r; }

qrv_tm_console_info console() {
  const _proc_hdr m = {_PROC_CONSOLE_INFO, 0, sizeof m};
  qrv_tm_console_info info = {};
  if (MsgSend(QRV_TASKMAN_COID, &m, sizeof m, &info, sizeof info) < 0) memset(&info, 0, sizeof info);
  return info;
}

int run_child(const char* role) {
  char* argv[] = {const_cast<char*>(role), nullptr};
  pid_t pid = -1;
  if (posix_spawn(&pid, "/proc/boot/io_priv_test", nullptr, nullptr, argv, environ) != 0) return -1;
  int status = -1;
  if (waitpid(pid, &status, 0) != pid) return -1;
  return WIFEXITED(status) ? WEXITSTATUS(status) : 100 + WTERMSIG(status);
}

// A pulse event on a connection to a new channel of our own.
struct Pulses {
  int chid = -1;
  int coid = -1;
  struct sigevent ev = {};
};

Pulses pulses() {
  Pulses p;
  p.chid = ChannelCreate(0);
  p.coid = ConnectAttach(0, 0, p.chid, _NTO_SIDE_CHANNEL, 0);
  SIGEV_PULSE_INIT(&p.ev, p.coid, -1, kIrqPulse, 42);
  return p;
}

// Without I/O privilege, as every process starts.
void unprivileged(const qrv_tm_console_info& uart) {
  Pulses p = pulses();
  expect_eq(err(InterruptAttachEvent(static_cast<int>(uart.irq), &p.ev, 0)), -EPERM,
            "InterruptAttachEvent without I/O privilege is EPERM");
  void* regs = mmap_device_memory(nullptr, 4096, PROT_READ | PROT_WRITE, 0, uart.base & ~uint64_t{4095});
  expect(regs == MAP_FAILED && errno == EPERM, "device memory without I/O privilege is EPERM");
  const struct qrv_tm_map_phys direct = {0x100000000ull, 4096, uart.base & ~uint64_t{4095}, getpid(), 3};
  expect_eq(syscall_tm_priv_r(__KER_TM_MAP_PHYS, const_cast<qrv_tm_map_phys*>(&direct)), -EPERM,
            "and the kernel's slot is taskman's alone");
  ConnectDetach(p.coid);
  ChannelDestroy(p.chid);
}

// A child that attaches the interrupt and ends without detaching it.
int attach_and_exit() {
  if (ThreadCtl(_NTO_TCTL_IO, nullptr) != 0) return 1;
  Pulses p = pulses();
  return InterruptAttachEvent(static_cast<int>(console().irq), &p.ev, 0) > 0 ? 0 : 2;
}

// A child of a privileged parent: nothing inherited.
int inherits_nothing() {
  Pulses p = pulses();
  return InterruptAttachEvent(static_cast<int>(console().irq), &p.ev, 0) == -1 && errno == EPERM ? 0 : 1;
}

// Waits up to 100 ms for a pulse with our code; its value, or -1.
int wait_irq(int chid) {
  uint64_t ns = 100000000;
  struct _pulse pulse = {};
  TimerTimeout(CLOCK_MONOTONIC, _NTO_TIMEOUT_RECEIVE, nullptr, &ns, nullptr);
  const int rcvid = MsgReceive(chid, &pulse, sizeof pulse, nullptr);
  return rcvid == 0 && pulse.code == kIrqPulse ? pulse.value.sival_int : -1;
}

// The UART's transmitter interrupt, requested by turning its enable bit on
// with the transmitter idle (16550: IER bit 1; SiFive: ie.txwm with
// txctrl.txcnt 1): a real interrupt, end to end. (QEMU's PLIC takes a
// request when the UART raises its line, not while the line stays high: a
// driver services everything pending before it unmasks, as it must on any
// PLIC.)
void fire(volatile uint8_t* regs, const qrv_tm_console_info& uart, const Pulses& p, int id, int irq) {
  const bool sifive = strcmp(uart.compatible, "sifive,uart0") == 0;
  auto* ie32 = reinterpret_cast<volatile uint32_t*>(regs + 0x10);
  volatile uint8_t* ier = regs + (1u << uart.reg_shift);
  if (sifive) *reinterpret_cast<volatile uint32_t*>(regs + 0x08) = 1u | (1u << 16);  // txen, txcnt 1
  const auto enable = [&](bool on) {
    if (sifive) {
      *ie32 = on ? 1u : 0u;
    } else {
      *ier = on ? 0x02 : 0x00;
    }
  };
  const auto request = [&] {
    enable(false);
    enable(true);
  };
  request();
  expect_eq(wait_irq(p.chid), 42, "the UART's interrupt arrives as the pulse, its value ours");
  request();
  expect_eq(wait_irq(p.chid), -1, "the source is masked once it fired: a new request waits");
  expect_eq(InterruptUnmask(irq, id), 0, "unmasking it");
  expect_eq(wait_irq(p.chid), 42, "the request made while masked arrives then");
  enable(false);  // the device stops asking
  expect_eq(InterruptUnmask(irq, id), 0, "unmasked again");
  expect_eq(wait_irq(p.chid), -1, "and nothing more arrives");
}

void privileged(const qrv_tm_console_info& uart) {
  expect_eq(ThreadCtl(_NTO_TCTL_IO, nullptr), 0, "root gets I/O privilege");
  expect_eq(err(ThreadCtl(99, nullptr)), -ENOSYS, "other ThreadCtl commands are ENOSYS");
  expect_eq(run_child("io_priv_inherits_nothing"), 0, "a child does not inherit I/O privilege");

  const uint64_t page = uart.base & ~uint64_t{4095};
  void* ram = mmap_device_memory(nullptr, 4096, PROT_READ, 0, 0x80000000ull);
  expect(ram == MAP_FAILED && errno == EACCES, "RAM is no device memory (EACCES)");
  void* odd = mmap_device_memory(nullptr, 4096, PROT_READ, 0, page + 1);
  expect(odd == MAP_FAILED && errno == EINVAL, "an unaligned physical address is EINVAL");
  void* exec = mmap_device_memory(nullptr, 4096, PROT_READ | PROT_EXEC, 0, page);
  expect(exec == MAP_FAILED && errno == EINVAL, "device memory is never executable");
  auto* regs = static_cast<volatile uint8_t*>(mmap_device_memory(nullptr, 4096, PROT_READ | PROT_WRITE, 0, page));
  expect(regs != MAP_FAILED, "the console UART's registers map");
  if (regs == MAP_FAILED) return;
  regs += uart.base - page;
  const int devnull = open("/dev/null", O_WRONLY);
  expect_eq(err(write(devnull, const_cast<uint8_t*>(regs), 4)), -EFAULT,
            "a message buffer in device memory is EFAULT, not a kernel fault");
  close(devnull);

  Pulses p = pulses();
  const int irq = static_cast<int>(uart.irq);
  expect_eq(err(InterruptAttachEvent(0, &p.ev, 0)), -EINVAL, "interrupt 0 is none");
  expect_eq(err(InterruptAttachEvent(100000, &p.ev, 0)), -EINVAL, "a source the PLIC does not have");
  expect_eq(err(InterruptAttachEvent(irq, nullptr, 0)), -EFAULT, "a null event");
  expect_eq(err(InterruptAttachEvent(irq, reinterpret_cast<const struct sigevent*>(0xffffffc000000000ull), 0)),
            -EFAULT, "a kernel-half event");
  expect_eq(err(InterruptAttachEvent(irq, &p.ev, 0x1000)), -EINVAL, "unknown flags");
  struct sigevent bad = p.ev;
  bad.sigev_code = -5;
  expect_eq(err(InterruptAttachEvent(irq, &bad, 0)), -EINVAL, "a kernel pulse code");
  const int id = InterruptAttachEvent(irq, &p.ev, _NTO_INTR_FLAGS_TRK_MSK);
  expect(id > 0, "the console's interrupt attaches");
  expect_eq(err(InterruptAttachEvent(irq, &p.ev, 0)), -EBUSY, "once: no sharing");
  expect_eq(InterruptMask(irq, id), 1, "masked once");
  expect_eq(InterruptMask(irq, id), 2, "twice");
  expect_eq(InterruptUnmask(irq, id), 1, "unmasked once");
  expect_eq(InterruptUnmask(irq, id), 0, "live again");
  expect_eq(InterruptUnmask(irq, id), 0, "an unmask too many stays at 0");
  expect_eq(err(InterruptUnmask(irq + 1, id)), -EINVAL, "the id names its own source only");
  expect_eq(err(InterruptUnmask(irq, id + 1)), -EINVAL, "no such attachment");
  fire(regs, uart, p, id, irq);
  expect_eq(InterruptDetach(id), 0, "detached");
  expect_eq(err(InterruptDetach(id)), -EINVAL, "once");
  expect_eq(run_child("io_priv_attach_and_exit"), 0, "a child attaches it and ends");
  const int again = InterruptAttachEvent(irq, &p.ev, 0);
  expect(again > 0, "its attachment ended with it");
  if (again > 0) InterruptDetach(again);
  ConnectDetach(p.coid);
  ChannelDestroy(p.chid);
}

void credentials() {
  expect(getuid() == 0 && geteuid() == 0 && getgid() == 0 && getegid() == 0, "the test runs as root");
  expect_eq(seteuid(100), 0, "seteuid to a user");
  expect(getuid() == 0 && geteuid() == 100, "only the effective id changed");
  expect_eq(err(ThreadCtl(_NTO_TCTL_IO, nullptr)), -EPERM, "no I/O privilege but for root");
  expect_eq(err(setgid(5)), -EPERM, "nor group changes");
  expect_eq(err(seteuid(200)), -EPERM, "nor another user's id");
  expect_eq(seteuid(0), 0, "back to root through the saved id");
  expect_eq(setuid(100), 0, "setuid as root sets all three");
  expect(getuid() == 100 && geteuid() == 100, "a user now");
  expect_eq(err(setuid(0)), -EPERM, "for good");
  expect_eq(err(setuid(static_cast<uid_t>(-1))), -EINVAL, "-1 is no id");
}

}  // namespace

int main(int, char** argv) {
  if (strcmp(argv[0], "io_priv_attach_and_exit") == 0) return attach_and_exit();
  if (strcmp(argv[0], "io_priv_inherits_nothing") == 0) return inherits_nothing();
  const qrv_tm_console_info uart = console();
  expect(uart.base != 0 && uart.size != 0 && uart.irq != 0, "taskman describes the console UART");
  unprivileged(uart);
  privileged(uart);
  credentials();  // last: the process gives root up
  return qrv_test::report("io_priv_test");
}
