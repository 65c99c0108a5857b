// A terminal as a resource manager (QNX's io-char library): the paths of
// one serial port (/dev/ser1, /dev/console), its line discipline, and the
// POSIX terminal rules around it, shared by every character driver. The
// driver owns the hardware and one thread: it runs the dispatch loop, hands
// pulses it does not know to pulse(), feeds received bytes to input(), and
// sends what take_output() gives; the Tty calls start_output() when it has
// queued bytes for an idle transmitter.
//
//   - read() waits (the reply is deferred, as the pipe server does) until
//     the line discipline has a line, or VMIN bytes, or VTIME runs out (one
//     timer, for the first reader); O_NONBLOCK answers EAGAIN instead;
//   - write() returns once every byte is queued, waiting while the output
//     queue is full; a signal ends a wait with EINTR or the bytes so far;
//   - devctl: tcgetattr/tcsetattr (TCSADRAIN and TCSAFLUSH wait for the
//     output to leave), tcgetpgrp/tcsetpgrp, tcgetsid, tcflush, tcdrain,
//     tcflow, the window size, TIOCSCTTY, isatty;
//   - a session leader that opens the terminal without O_NOCTTY while it
//     has no session (or its session leader is gone) makes it its
//     controlling terminal, with its process group in the foreground;
//     VINTR/VQUIT/VSUSP signal that group (kill(-pgrp)); a read from
//     another group of its session sends that group SIGTTIN and waits,
//     unseen, until the group is in the foreground.
#pragma once

#include <stddef.h>
#include <stdint.h>
#include <sys/dcmd_chr.h>
#include <sys/neutrino.h>
#include <sys/resmgr.h>
#include <sys/types.h>

#include "user/drivers/io_char/line_discipline.h"

namespace qrv_tty {

// What the Tty needs of the hardware.
struct TtyHardware {
  void* dev;
  // Bytes were queued: make the transmitter take them (if it is idle).
  void (*start_output)(void* dev);
  // Whether the transmitter has sent everything it took (tcdrain).
  bool (*output_done)(void* dev);
};

class Tty {
 public:
  static constexpr int kTimerPulse = 20;  // the VTIME timer's pulse code
  static constexpr size_t kMaxWaiters = 64;

  explicit Tty(TtyHardware hw) : hw_(hw) {}

  // Serves each path on d (the first is the device's own name); 0, or -1
  // with errno.
  int attach(dispatch_t* d, const char* const* paths, size_t count);

  // Bytes from the line (and a break); signals, echo, waiting readers.
  void input(const unsigned char* bytes, size_t n);
  void input_break();
  // Up to n bytes for the transmitter; writers and drains waiting go on.
  size_t take_output(unsigned char* out, size_t n);
  bool output_pending() const { return ld_.output_pending(); }
  // The transmitter went idle with nothing queued: drains waiting end.
  void output_idle();

  // A pulse from the dispatch loop: an unblock (a client hit by a signal)
  // or the VTIME timer. False if it is neither.
  bool pulse(const struct _pulse& p);

  // The resmgr handlers (tty.cc); public for the handler tables only.
  struct Node {
    iofunc_attr_t attr;  // first: the resmgr defaults take the handle as an iofunc_attr_t
    Tty* tty;
  };
  static Tty* of(iofunc_ocb_t* ocb) { return reinterpret_cast<Node*>(ocb->attr)->tty; }
  int open(resmgr_context_t* ctp, const struct _io_connect* msg, iofunc_ocb_t** ocb);
  int read(resmgr_context_t* ctp, const struct _io_read* msg, iofunc_ocb_t* ocb);
  int write(resmgr_context_t* ctp, const struct _io_write* msg, iofunc_ocb_t* ocb);
  int devctl(resmgr_context_t* ctp, const struct _io_devctl* msg, iofunc_ocb_t* ocb);
  void close(iofunc_ocb_t* ocb);

 private:
  enum class Wait : unsigned char { kNone, kRead, kWrite, kDrain };
  struct Waiter {
    int rcvid;
    Wait kind;
    iofunc_ocb_t* ocb;
    size_t want;  // read/write: bytes asked
    size_t done;  // write: bytes queued so far
    // kDrain: the attributes to set once drained (TCSADRAIN/TCSAFLUSH), else a plain tcdrain.
    bool set_attr;
    bool flush_input;
    termios attr;
    unsigned long seq;  // arrival order
    pid_t pgid;         // kRead from a background group: held until that group is the foreground (0: none)
  };

  // The oldest waiter of a kind (for kRead: of the foreground's or no group).
  Waiter* oldest(Wait kind);
  int wait(int rcvid, Wait kind, iofunc_ocb_t* ocb, size_t want, size_t done, pid_t pgid = 0);
  // The reader's process group if it is a background group of this
  // terminal's session (POSIX 11.1.4), else 0; *no_signal tells whether
  // SIGTTIN cannot stop it (its group is orphaned, or it ignores SIGTTIN).
  pid_t background_group(pid_t reader, bool* no_signal);
  void reply_read(int rcvid, size_t want);
  // Queues what it can of writer w's data (`inline_data` bytes of it in
  // the message already); false if the client is gone.
  bool pump(Waiter* w, const unsigned char* inline_data, size_t inline_len);
  void settle_readers();
  void settle_writers();
  void settle_drains();
  bool drained() const;
  void arm_timer();
  void set_timer(const struct _itimer& it);
  void signal_foreground(int sig);
  bool session_alive();
  int devctl_attr(resmgr_context_t* ctp, int dcmd, const void* data, size_t nbytes);

  TtyHardware hw_;
  LineDiscipline ld_;
  Node node_ = {};
  Waiter waiters_[kMaxWaiters] = {};
  unsigned long seq_ = 0;
  pid_t session_ = 0;  // the session whose controlling terminal this is (0: none)
  pid_t pgrp_ = 0;     // its foreground process group
  struct winsize size_ = {24, 80, 0, 0};
  timer_t timer_ = -1;
  int timer_coid_ = -1;
  int timer_armed_for_ = 0;  // the rcvid the armed timer is for (0: none)
  bool pumping_ = false;     // pump() runs
  unsigned stale_pulses_ = 0;  // expiries of replaced armings still to come
};

}  // namespace qrv_tty
