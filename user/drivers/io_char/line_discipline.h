// The terminal line discipline (QNX's io-char, POSIX's "General Terminal
// Interface"): what a serial driver does between the wire and read()/write(),
// with no hardware, messages or timers in it, so it is host-tested byte by
// byte.
//
//   - receive() takes one byte from the line: input mapping (ISTRIP, IGNCR,
//     ICRNL, INLCR), flow control (IXON/IXANY: ^S/^Q stop and start output),
//     signal characters (ISIG: VINTR, VQUIT, VSUSP, returned for the driver
//     to send to the foreground process group; the queues are flushed unless
//     NOFLSH), canonical editing (ICANON: VERASE, VKILL, VWERASE, VLNEXT,
//     VREPRINT, VEOF, VEOL, a line at most MAX_CANON bytes) and echo (ECHO,
//     ECHOE, ECHOK, ECHOKE, ECHONL, ECHOCTL), the echo going to the output
//     queue like written bytes;
//   - read() hands out input: one line at most in canonical mode (an EOF
//     mark reads as 0 bytes), what there is in raw mode, where read_ready()
//     says whether VMIN is met (VTIME's timers are the driver's);
//   - write() queues output with OPOST processing (ONLCR, OCRNL, ONOCR,
//     ONLRET, TAB3 expansion), tracking the column so that erasing a tab
//     echoes the right number of backspaces; take_output() feeds the
//     transmitter, nothing while output is stopped.
#pragma once

#include <stddef.h>
#include <termios.h>

#include "user/drivers/io_char/byte_ring.h"

namespace qrv_tty {

class LineDiscipline {
 public:
  static constexpr size_t kMaxCanon = 255;   // MAX_CANON: bytes of one line being edited
  static constexpr size_t kMaxInput = 4096;  // MAX_INPUT: bytes waiting for read()
  static constexpr size_t kMaxLines = 256;   // complete lines (and EOF marks) waiting
  static constexpr size_t kOutput = 4096;    // bytes waiting for the transmitter

  // A fresh terminal: `stty sane` at 115200 baud.
  LineDiscipline();
  static termios defaults();

  const termios& attr() const { return attr_; }
  // Takes new attributes; input already typed stays readable across a mode
  // change (a partial line becomes raw input, raw input one pending line).
  void set_attr(const termios& t);

  // One byte from the line. Returns the signal for the foreground process
  // group (SIGINT, SIGQUIT, SIGTSTP) or 0.
  int receive(unsigned char c);
  // A break condition on the line: ignored (IGNBRK), SIGINT with the queues
  // flushed (BRKINT), else a NUL byte.
  int receive_break();

  // Whether a read of n bytes (n > 0) is answered now: a line or EOF mark
  // in canonical mode; in raw mode min(VMIN, n) bytes, any byte when VMIN
  // is 0 and VTIME is not, always when both are 0.
  bool read_ready(size_t n) const;
  // Bytes a raw read would get now (canonical: of the first line).
  size_t input_bytes() const;
  // Copies out at most n bytes: at most one line in canonical mode (the
  // rest of a longer line stays first), 0 for an EOF mark (consumed).
  size_t read(unsigned char* out, size_t n);

  // Queues bytes for output with OPOST processing; returns how many of
  // data went in (fewer when the output queue is full).
  size_t write(const unsigned char* data, size_t n);
  // Up to n bytes for the transmitter; 0 while output is stopped.
  size_t take_output(unsigned char* out, size_t n);
  bool output_pending() const { return !stopped_ && !output_.empty(); }
  size_t output_queued() const { return output_.size(); }
  bool output_stopped() const { return stopped_; }
  // tcflow's TCOOFF/TCOON.
  void set_output_stopped(bool stopped) { stopped_ = stopped; }

  // tcflush: what was typed and not read / what was written and not sent.
  void flush_input();
  void flush_output() { output_.clear(); }

 private:
  bool is(unsigned char c, int index) const;
  bool lflag(tcflag_t f) const { return (attr_.c_lflag & f) != 0; }
  bool canonical() const { return lflag(ICANON); }

  // Output of one byte with OPOST; false (nothing queued) when it does not fit.
  bool output(unsigned char c);
  void output_text(const char* s);
  // Echo of an input byte: as itself, or ^X under ECHOCTL.
  void echo(unsigned char c);
  // Erases the last byte of the line being edited (VERASE), echoing it away.
  void erase_one(bool visual);
  void erase_word();
  void kill_line();
  void reprint();
  // The column where line_[0..n) ends when echoed from the line's start.
  size_t column_after(size_t n) const;
  // The current line (and its delimiter unless an EOF mark) becomes readable.
  void finish_line(bool with_delimiter, unsigned char delimiter);
  void store(unsigned char c);  // an ordinary byte, echoed

  termios attr_;
  ByteRing<kMaxInput> input_;
  ByteRing<kOutput> output_;
  // Lengths of the complete lines in input_, oldest first; 0 is an EOF mark.
  unsigned short lines_[kMaxLines];
  size_t lines_head_ = 0;
  size_t lines_len_ = 0;
  unsigned char line_[kMaxCanon];  // the line being edited
  size_t line_len_ = 0;
  size_t column_ = 0;        // the output's column
  size_t canon_column_ = 0;  // the column where the line being edited began
  bool stopped_ = false;     // ^S seen (or TCOOFF)
  bool literal_next_ = false;  // VLNEXT seen
};

}  // namespace qrv_tty
