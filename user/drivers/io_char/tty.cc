// The terminal resource manager (tty.h): deferred reads and writes over the
// line discipline, the termios devctls, the controlling terminal.
#include "user/drivers/io_char/tty.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <string.h>
#include <sys/procmsg.h>
#include <sys/stat.h>

namespace qrv_tty {
namespace {

constexpr size_t kWriteData = sizeof(struct _io_write);  // where a write's data starts
constexpr size_t kReadMax = 4096;                        // bytes one read is answered with at most

unsigned char g_read_buf[kReadMax];  // one thread: a reply's data, until MsgReply copies it

// The ids taskman keeps for pid (pid, group, session); false if it is gone.
bool ids_of(pid_t pid, _proc_ids_reply* out) {
  const _proc_ids m = {{_PROC_GETIDS, 0, sizeof m}, pid, 0};
  return MsgSend(QRV_TASKMAN_COID, &m, sizeof m, out, sizeof *out) >= 0;
}

bool alive(int rcvid) {
  struct _msg_info info;
  return MsgInfo(rcvid, &info) == 0;
}

// The devctl's argument: nbytes must hold it; it is read from the message
// (or the client, past what was received).
bool arg(resmgr_context_t* ctp, const struct _io_devctl* msg, void* out, size_t size) {
  if (msg->nbytes < size) return false;
  if (ctp->msg_len >= sizeof *msg + size) {
    memcpy(out, msg + 1, size);
    return true;
  }
  return resmgr_msgread(ctp, out, size, sizeof *msg) == static_cast<long>(size);
}

// A devctl answer with data (copied into the context: it must outlive the handler).
int answer(resmgr_context_t* ctp, const void* data, size_t size) {
  auto* r = reinterpret_cast<struct _io_devctl_reply*>(ctp->scratch);
  static_assert(sizeof *r + sizeof(termios) <= sizeof ctp->scratch, "the answer fits the context");
  *r = {0, static_cast<uint32_t>(size)};
  memcpy(r + 1, data, size);
  ctp->iov[0] = iov_t{r, sizeof *r + size};
  return _RESMGR_NPARTS(1);
}

int tty_open(resmgr_context_t* ctp, const struct _io_connect* msg, const char* path, void* handle,
             iofunc_ocb_t** ocb) {
  if (path[0] != '\0') return ENOENT;
  return static_cast<Tty::Node*>(handle)->tty->open(ctp, msg, ocb);
}
int tty_read(resmgr_context_t* ctp, const struct _io_read* msg, iofunc_ocb_t* ocb) {
  return Tty::of(ocb)->read(ctp, msg, ocb);
}
int tty_write(resmgr_context_t* ctp, const struct _io_write* msg, iofunc_ocb_t* ocb) {
  return Tty::of(ocb)->write(ctp, msg, ocb);
}
int tty_lseek(resmgr_context_t*, const struct _io_lseek*, iofunc_ocb_t*) { return ESPIPE; }
int tty_devctl(resmgr_context_t* ctp, const struct _io_devctl* msg, iofunc_ocb_t* ocb) {
  return Tty::of(ocb)->devctl(ctp, msg, ocb);
}
void tty_close(resmgr_context_t* ctp, iofunc_ocb_t* ocb) {
  Tty::of(ocb)->close(ocb);
  iofunc_close_ocb_default(ctp, ocb);
}

const resmgr_connect_funcs_t kConnect = {tty_open, nullptr, nullptr, nullptr};
const resmgr_io_funcs_t kIo = {tty_read, tty_write, nullptr, tty_lseek, tty_devctl, tty_close};

}  // namespace

int Tty::attach(dispatch_t* d, const char* const* paths, size_t count) {
  iofunc_attr_init(&node_.attr, S_IFCHR | 0666);
  node_.tty = this;
  timer_coid_ = ConnectAttach(0, 0, dispatch_chid(d), _NTO_SIDE_CHANNEL, 0);
  if (timer_coid_ < 0) return -1;
  struct sigevent ev;
  SIGEV_PULSE_INIT(&ev, timer_coid_, -1, kTimerPulse, 0);
  timer_ = TimerCreate(CLOCK_MONOTONIC, &ev);
  if (timer_ < 0) return -1;
  for (size_t i = 0; i < count; ++i) {
    if (resmgr_attach(d, paths[i], 0, &kConnect, &kIo, &node_) < 0) return -1;
  }
  return 0;
}

// --- waiting clients ---

Tty::Waiter* Tty::oldest(Wait kind) {
  Waiter* best = nullptr;
  for (Waiter& w : waiters_) {
    if (w.rcvid == 0 || w.kind != kind) continue;
    if (kind == Wait::kRead && w.pgid != 0 && w.pgid != pgrp_) continue;  // a background group's, held
    if (best == nullptr || w.seq < best->seq) best = &w;
  }
  return best;
}

int Tty::wait(int rcvid, Wait kind, iofunc_ocb_t* ocb, size_t want, size_t done, pid_t pgid) {
  for (Waiter& w : waiters_) {
    if (w.rcvid != 0) continue;
    w = Waiter{rcvid, kind, ocb, want, done, false, false, {}, seq_++, pgid};
    return _RESMGR_NOREPLY;
  }
  return EAGAIN;  // more waiting clients than slots
}

void Tty::reply_read(int rcvid, size_t want) {
  const size_t n = ld_.read(g_read_buf, want < kReadMax ? want : kReadMax);
  (void)MsgReply(rcvid, static_cast<long>(n), g_read_buf, n);
}

void Tty::settle_readers() {
  while (Waiter* r = oldest(Wait::kRead)) {
    if (!alive(r->rcvid)) {
      r->rcvid = 0;
      continue;
    }
    if (!ld_.read_ready(r->want)) break;
    reply_read(r->rcvid, r->want);
    r->rcvid = 0;
  }
  arm_timer();
}

bool Tty::pump(Waiter* w, const unsigned char* inline_data, size_t inline_len) {
  // The transmitter is driven from here while the queue is full, and its
  // take_output must not come back into the writers meanwhile.
  pumping_ = true;
  bool ok = true;
  bool queued = false;
  while (w->done < w->want) {
    unsigned char chunk[256];
    size_t len = w->want - w->done < sizeof chunk ? w->want - w->done : sizeof chunk;
    const unsigned char* src = chunk;
    if (w->done < inline_len) {
      src = inline_data + w->done;
      if (len > inline_len - w->done) len = inline_len - w->done;
    } else if (MsgRead(w->rcvid, chunk, len, kWriteData + w->done) != static_cast<long>(len)) {
      ok = false;
      break;
    }
    const size_t took = ld_.write(src, len);
    w->done += took;
    queued = queued || took != 0;
    if (took == len) continue;
    // The queue is full: what the transmitter takes now makes room, else wait for it.
    const size_t before = ld_.output_queued();
    hw_.start_output(hw_.dev);
    queued = false;
    if (ld_.output_queued() == before) break;
  }
  if (queued) hw_.start_output(hw_.dev);
  pumping_ = false;
  return ok;
}

void Tty::settle_writers() {
  while (Waiter* w = oldest(Wait::kWrite)) {
    if (!pump(w, nullptr, 0)) {
      (void)MsgError(w->rcvid, EFAULT);
    } else if (w->done == w->want) {
      (void)MsgReply(w->rcvid, static_cast<long>(w->done), nullptr, 0);
    } else {
      break;
    }
    w->rcvid = 0;
  }
}

bool Tty::drained() const { return ld_.output_queued() == 0 && hw_.output_done(hw_.dev); }

void Tty::settle_drains() {
  if (!drained()) return;
  bool changed = false;
  while (Waiter* w = oldest(Wait::kDrain)) {
    if (w->set_attr) {
      if (w->flush_input) ld_.flush_input();
      ld_.set_attr(w->attr);
      changed = true;
    }
    (void)MsgReply(w->rcvid, 0, nullptr, 0);
    w->rcvid = 0;
  }
  if (changed) settle_readers();
}

// VTIME: for the first reader only (the others wait behind it). With VMIN
// 0 the time runs from the read; with VMIN > 0 from the last byte received,
// once one has been (an inter-byte timer).
void Tty::arm_timer() {
  const termios& t = ld_.attr();
  const Waiter* r = oldest(Wait::kRead);
  const bool timed = r != nullptr && (t.c_lflag & ICANON) == 0 && t.c_cc[VTIME] != 0 &&
                     (t.c_cc[VMIN] == 0 || ld_.input_bytes() > 0);
  if (!timed) {
    if (timer_armed_for_ != 0) {
      const struct _itimer off = {0, 0};
      set_timer(off);
      timer_armed_for_ = 0;
    }
    return;
  }
  // A new reader (VMIN 0), or a byte arrived (VMIN > 0: restart).
  if (timer_armed_for_ == r->rcvid && t.c_cc[VMIN] == 0) return;
  const struct _itimer it = {uint64_t{t.c_cc[VTIME]} * 100000000u, 0};
  set_timer(it);
  timer_armed_for_ = r->rcvid;
}

// Re-arms or disarms; a timer that had already expired has its pulse on
// the way, which must then be ignored.
void Tty::set_timer(const struct _itimer& it) {
  struct _itimer old = {0, 0};
  if (TimerSettime(timer_, 0, &it, &old) != 0) return;
  if (timer_armed_for_ != 0 && old.nsec == 0) ++stale_pulses_;
}

bool Tty::pulse(const struct _pulse& p) {
  if (p.code == kTimerPulse) {
    if (stale_pulses_ != 0) {  // from an arming since replaced
      --stale_pulses_;
      return true;
    }
    if (timer_armed_for_ == 0) return true;
    Waiter* r = oldest(Wait::kRead);
    timer_armed_for_ = 0;
    if (r != nullptr) {
      reply_read(r->rcvid, r->want);  // what there is, maybe nothing
      r->rcvid = 0;
    }
    settle_readers();
    return true;
  }
  if (p.code != _PULSE_CODE_UNBLOCK) return false;
  const int rcvid = p.value.sival_int;
  for (Waiter& w : waiters_) {
    if (w.rcvid != rcvid) continue;
    if (w.kind == Wait::kWrite && w.done != 0) {
      (void)MsgReply(rcvid, static_cast<long>(w.done), nullptr, 0);
    } else {
      (void)MsgError(rcvid, EINTR);
    }
    w.rcvid = 0;
  }
  arm_timer();
  return true;
}

// --- the hardware's side ---

void Tty::input(const unsigned char* bytes, size_t n) {
  const size_t queued = ld_.output_queued();
  for (size_t i = 0; i < n; ++i) {
    if (const int sig = ld_.receive(bytes[i])) signal_foreground(sig);
  }
  if (ld_.output_queued() < queued) settle_writers();  // a signal flushed the output
  settle_readers();
  if (ld_.output_pending()) hw_.start_output(hw_.dev);  // echo, or ^Q
}

void Tty::input_break() {
  if (const int sig = ld_.receive_break()) signal_foreground(sig);
  settle_writers();
  settle_readers();
}

size_t Tty::take_output(unsigned char* out, size_t n) {
  const size_t k = ld_.take_output(out, n);
  if (k != 0 && !pumping_) settle_writers();
  return k;
}

void Tty::output_idle() { settle_drains(); }

void Tty::signal_foreground(int sig) {
  if (pgrp_ > 0) (void)kill(-pgrp_, sig);
}

bool Tty::session_alive() {
  _proc_ids_reply ids = {};
  return session_ != 0 && ids_of(session_, &ids) && ids.sid == session_;
}

pid_t Tty::background_group(pid_t reader, bool* no_signal) {
  if (session_ == 0 || pgrp_ == 0) return 0;
  _proc_ids_reply ids = {};
  if (!ids_of(reader, &ids) || ids.sid != session_ || ids.pgid == pgrp_) return 0;
  *no_signal = (ids.flags & (_PROC_IDS_ORPHANED | _PROC_IDS_TTIN_IGNORED)) != 0;
  return ids.pgid;
}

// --- the handlers ---

int Tty::open(resmgr_context_t* ctp, const struct _io_connect* msg, iofunc_ocb_t** ocb) {
  const int r = iofunc_open_default(ctp, msg, "", &node_, ocb);
  if (r != 0) return r;
  const uint32_t access = msg->ioflag & O_ACCMODE;
  if ((msg->ioflag & O_NOCTTY) != 0 || access == _IO_FLAG_NOACCESS) return 0;
  // A session leader's first terminal becomes its controlling terminal.
  _proc_ids_reply ids = {};
  if (!ids_of(ctp->info.pid, &ids) || ids.sid != ids.pid || session_alive()) return 0;
  session_ = ids.sid;
  pgrp_ = ids.pgid;
  return 0;
}

int Tty::read(resmgr_context_t* ctp, const struct _io_read* msg, iofunc_ocb_t* ocb) {
  if (msg->hdr.subtype != 0) return ESPIPE;  // pread
  if (msg->nbytes == 0) return 0;
  const size_t want = msg->nbytes;
  bool no_signal = false;
  if (const pid_t bg = background_group(ctp->info.pid, &no_signal); bg != 0) {
    // An orphaned group, or a reader that ignores SIGTTIN: nobody would
    // continue it, so the read fails instead (POSIX 11.1.4).
    if (no_signal) return EIO;
    (void)kill(-bg, SIGTTIN);  // it stops (by default) until a shell's fg gives it the terminal
    if ((ocb->ioflag & O_NONBLOCK) != 0) return EAGAIN;
    return wait(ctp->rcvid, Wait::kRead, ocb, want, 0, bg);
  }
  if (oldest(Wait::kRead) == nullptr && ld_.read_ready(want)) {
    reply_read(ctp->rcvid, want);
    return _RESMGR_NOREPLY;
  }
  if ((ocb->ioflag & O_NONBLOCK) != 0) {
    if (oldest(Wait::kRead) == nullptr && (ld_.attr().c_lflag & ICANON) == 0 && ld_.input_bytes() > 0) {
      reply_read(ctp->rcvid, want);
      return _RESMGR_NOREPLY;
    }
    return EAGAIN;
  }
  const int r = wait(ctp->rcvid, Wait::kRead, ocb, want, 0);
  if (r == _RESMGR_NOREPLY) arm_timer();
  return r;
}

int Tty::write(resmgr_context_t* ctp, const struct _io_write* msg, iofunc_ocb_t* ocb) {
  if (msg->hdr.subtype != 0) return ESPIPE;  // pwrite
  if (msg->nbytes == 0) return 0;
  Waiter w = {ctp->rcvid, Wait::kWrite, ocb, msg->nbytes, 0, false, false, {}, 0, 0};
  if (oldest(Wait::kWrite) == nullptr) {  // in order: only with no one before
    const size_t inline_len = ctp->msg_len > kWriteData ? ctp->msg_len - kWriteData : 0;
    if (!pump(&w, reinterpret_cast<const unsigned char*>(msg + 1), inline_len)) return EFAULT;
  }
  if (w.done == w.want || ((ocb->ioflag & O_NONBLOCK) != 0 && w.done != 0)) {
    ctp->status = static_cast<long>(w.done);
    return 0;
  }
  if ((ocb->ioflag & O_NONBLOCK) != 0) return EAGAIN;
  return wait(ctp->rcvid, Wait::kWrite, ocb, w.want, w.done);
}

void Tty::close(iofunc_ocb_t* ocb) {
  for (Waiter& w : waiters_) {  // its own waits end with it
    if (w.rcvid != 0 && w.ocb == ocb) {
      (void)MsgError(w.rcvid, EBADF);
      w.rcvid = 0;
    }
  }
  arm_timer();
}

int Tty::devctl_attr(resmgr_context_t* ctp, int dcmd, const void* data, size_t nbytes) {
  termios t;
  if (nbytes < sizeof t) return EINVAL;
  memcpy(&t, data, sizeof t);
  if (dcmd == DCMD_CHR_TCSETATTR || drained()) {
    if (dcmd == DCMD_CHR_TCSETATTRF) ld_.flush_input();
    ld_.set_attr(t);
    settle_readers();
    if (ld_.output_pending()) hw_.start_output(hw_.dev);
    return 0;
  }
  const int r = wait(ctp->rcvid, Wait::kDrain, nullptr, 0, 0);
  if (r != _RESMGR_NOREPLY) return r;
  for (Waiter& w : waiters_) {
    if (w.rcvid == ctp->rcvid && w.kind == Wait::kDrain) {
      w.set_attr = true;
      w.flush_input = dcmd == DCMD_CHR_TCSETATTRF;
      w.attr = t;
    }
  }
  return r;
}

int Tty::devctl(resmgr_context_t* ctp, const struct _io_devctl* msg, iofunc_ocb_t* ocb) {
  (void)ocb;
  union {
    termios attr;
    int32_t value;
    struct winsize size;
  } in = {};
  const int dcmd = static_cast<int>(msg->dcmd);  // devctl's commands are ints (sys/dcmd_chr.h)
  switch (dcmd) {
    case DCMD_CHR_ISATTY:
      return 0;
    case DCMD_CHR_TCGETATTR:
      return answer(ctp, &ld_.attr(), sizeof(termios));
    case DCMD_CHR_TCSETATTR:
    case DCMD_CHR_TCSETATTRD:
    case DCMD_CHR_TCSETATTRF:
      if (!arg(ctp, msg, &in.attr, sizeof in.attr)) return EINVAL;
      return devctl_attr(ctp, dcmd, &in.attr, sizeof in.attr);
    case DCMD_CHR_TCDRAIN:
      return drained() ? 0 : wait(ctp->rcvid, Wait::kDrain, nullptr, 0, 0);
    case DCMD_CHR_TCFLUSH:
      if (!arg(ctp, msg, &in.value, sizeof in.value)) return EINVAL;
      if (in.value != TCIFLUSH && in.value != TCOFLUSH && in.value != TCIOFLUSH) return EINVAL;
      if (in.value != TCOFLUSH) ld_.flush_input();
      if (in.value != TCIFLUSH) {
        ld_.flush_output();
        settle_writers();
        settle_drains();
      }
      return 0;
    case DCMD_CHR_TCFLOW: {
      if (!arg(ctp, msg, &in.value, sizeof in.value)) return EINVAL;
      const termios& t = ld_.attr();
      if (in.value == TCOOFF || in.value == TCOON) {
        ld_.set_output_stopped(in.value == TCOOFF);
      } else if (in.value == TCIOFF || in.value == TCION) {
        const unsigned char c = t.c_cc[in.value == TCIOFF ? VSTOP : VSTART];
        if (c != _POSIX_VDISABLE) (void)ld_.write(&c, 1);
      } else {
        return EINVAL;
      }
      if (ld_.output_pending()) hw_.start_output(hw_.dev);
      return 0;
    }
    case DCMD_CHR_GETSIZE:
      return answer(ctp, &size_, sizeof size_);
    case DCMD_CHR_SETSIZE: {
      if (!arg(ctp, msg, &in.size, sizeof in.size)) return EINVAL;
      const bool changed = memcmp(&in.size, &size_, sizeof size_) != 0;
      size_ = in.size;
      if (changed) signal_foreground(SIGWINCH);
      return 0;
    }
    case DCMD_CHR_SENDBREAK:
      return ENOSYS;  // no driver can send one yet
    default:
      break;
  }
  // What depends on the caller's session.
  _proc_ids_reply me = {};
  if (!ids_of(ctp->info.pid, &me)) return ESRCH;
  switch (dcmd) {
    case DCMD_CHR_SETCTTY:
      if (me.sid != me.pid) return EPERM;  // a session leader's call
      if (session_ == me.sid) return 0;
      if (session_alive()) return EPERM;  // another session's terminal
      session_ = me.sid;
      pgrp_ = me.pgid;
      return 0;
    case DCMD_CHR_TCGETPGRP: {
      if (session_ == 0 || me.sid != session_) return ENOTTY;  // not the caller's terminal
      const int32_t pgrp = pgrp_;
      return answer(ctp, &pgrp, sizeof pgrp);
    }
    case DCMD_CHR_TCGETSID: {
      if (session_ == 0 || me.sid != session_) return ENOTTY;
      const int32_t sid = session_;
      return answer(ctp, &sid, sizeof sid);
    }
    case DCMD_CHR_TCSETPGRP: {
      if (!arg(ctp, msg, &in.value, sizeof in.value)) return EINVAL;
      if (session_ == 0 || me.sid != session_) return ENOTTY;
      if (in.value <= 0) return EINVAL;
      // A process group of the terminal's session: its leader's ids say so.
      _proc_ids_reply group = {};
      if (!ids_of(in.value, &group) || group.pgid != in.value || group.sid != session_) return EPERM;
      pgrp_ = in.value;
      settle_readers();  // a read its group made in the background may go ahead now
      return 0;
    }
    default:
      return ENOTTY;
  }
}

}  // namespace qrv_tty
