// The line discipline (line_discipline.h): input editing and echo, output
// processing. The rules follow POSIX's General Terminal Interface, and
// Linux's n_tty where POSIX leaves the detail open (echo of erased control
// characters and tabs, ^D on a partial line, VLNEXT/VREPRINT).
#include "user/drivers/io_char/line_discipline.h"

#include <signal.h>
#include <string.h>

namespace qrv_tty {
namespace {

constexpr unsigned char ctrl(char c) { return static_cast<unsigned char>(c & 0x1f); }
constexpr unsigned char kDel = 0x7f;

bool is_control(unsigned char c) { return c < 0x20 || c == kDel; }
bool is_space(unsigned char c) { return c == ' ' || c == '\t'; }
bool is_continuation(unsigned char c) { return (c & 0xc0) == 0x80; }  // of a UTF-8 sequence

}  // namespace

termios LineDiscipline::defaults() {
  termios t;
  memset(&t, 0, sizeof t);
  t.c_iflag = BRKINT | ICRNL | IXON | IMAXBEL;
  t.c_oflag = OPOST | ONLCR;
  t.c_cflag = CS8 | CREAD | CLOCAL;
  t.c_lflag = ISIG | ICANON | ECHO | ECHOE | ECHOK | ECHOCTL | ECHOKE | IEXTEN;
  t.c_cc[VINTR] = ctrl('C');
  t.c_cc[VQUIT] = ctrl('\\');
  t.c_cc[VERASE] = kDel;
  t.c_cc[VKILL] = ctrl('U');
  t.c_cc[VEOF] = ctrl('D');
  t.c_cc[VSTART] = ctrl('Q');
  t.c_cc[VSTOP] = ctrl('S');
  t.c_cc[VSUSP] = ctrl('Z');
  t.c_cc[VREPRINT] = ctrl('R');
  t.c_cc[VWERASE] = ctrl('W');
  t.c_cc[VLNEXT] = ctrl('V');
  t.c_cc[VMIN] = 1;
  t.c_cc[VTIME] = 0;
  t.c_ispeed = t.c_ospeed = B115200;
  return t;
}

LineDiscipline::LineDiscipline() : attr_(defaults()) {}

bool LineDiscipline::is(unsigned char c, int index) const {
  return attr_.c_cc[index] != _POSIX_VDISABLE && c == attr_.c_cc[index];
}

void LineDiscipline::set_attr(const termios& t) {
  const bool was_canonical = canonical();
  attr_ = t;
  if (was_canonical && !canonical()) {
    // Lines and the partial line become plain bytes; EOF marks have no byte.
    for (size_t i = 0; i < line_len_ && input_.push(line_[i]); ++i) {
    }
    line_len_ = 0;
    lines_len_ = 0;
  } else if (!was_canonical && canonical() && !input_.empty()) {
    lines_head_ = 0;
    lines_[0] = static_cast<unsigned short>(input_.size());  // one pending line, no delimiter
    lines_len_ = 1;
  }
  if ((attr_.c_iflag & IXON) == 0) stopped_ = false;
  literal_next_ = literal_next_ && canonical() && lflag(IEXTEN);
}

void LineDiscipline::flush_input() {
  input_.clear();
  lines_len_ = 0;
  line_len_ = 0;
  literal_next_ = false;
}

int LineDiscipline::receive(unsigned char c) {
  if ((attr_.c_iflag & ISTRIP) != 0) c &= 0x7f;
  if (literal_next_) {
    literal_next_ = false;
    if (lflag(ECHO) && lflag(ECHOCTL)) output('\b');  // over the '^' shown for VLNEXT
    store(c);
    return 0;
  }
  if ((attr_.c_iflag & IXON) != 0) {
    if (is(c, VSTOP)) {
      stopped_ = true;
      return 0;
    }
    if (is(c, VSTART)) {
      stopped_ = false;
      return 0;
    }
    if (stopped_ && (attr_.c_iflag & IXANY) != 0) stopped_ = false;
  }
  if (lflag(ISIG)) {
    const int sig = is(c, VINTR) ? SIGINT : is(c, VQUIT) ? SIGQUIT : is(c, VSUSP) ? SIGTSTP : 0;
    if (sig != 0) {
      if (!lflag(NOFLSH)) {
        flush_input();
        flush_output();
      }
      stopped_ = false;
      if (lflag(ECHO)) echo(c);
      return sig;
    }
  }
  if (c == '\r') {
    if ((attr_.c_iflag & IGNCR) != 0) return 0;
    if ((attr_.c_iflag & ICRNL) != 0) c = '\n';
  } else if (c == '\n' && (attr_.c_iflag & INLCR) != 0) {
    c = '\r';
  }
  if (!canonical()) {
    if (!input_.push(c)) {
      if ((attr_.c_iflag & IMAXBEL) != 0) output('\a');
      return 0;
    }
    if (lflag(ECHO) || (c == '\n' && lflag(ECHONL))) echo(c);
    return 0;
  }
  if (is(c, VERASE)) {
    erase_one(lflag(ECHOE));
  } else if (is(c, VKILL)) {
    kill_line();
  } else if (lflag(IEXTEN) && is(c, VWERASE)) {
    erase_word();
  } else if (lflag(IEXTEN) && is(c, VLNEXT)) {
    literal_next_ = true;
    if (lflag(ECHO) && lflag(ECHOCTL)) output('^');
  } else if (lflag(IEXTEN) && is(c, VREPRINT)) {
    reprint();
  } else if (is(c, VEOF)) {
    finish_line(false, 0);
  } else if (c == '\n' || is(c, VEOL) || (lflag(IEXTEN) && is(c, VEOL2))) {
    if (lflag(ECHO) || (c == '\n' && lflag(ECHONL))) echo(c);
    finish_line(true, c);
  } else {
    store(c);
  }
  return 0;
}

int LineDiscipline::receive_break() {
  if ((attr_.c_iflag & IGNBRK) != 0) return 0;
  if ((attr_.c_iflag & BRKINT) == 0) {
    if (canonical()) {
      store(0);
    } else {
      (void)input_.push(0);
    }
    return 0;
  }
  if (!lflag(NOFLSH)) {
    flush_input();
    flush_output();
  }
  return SIGINT;
}

void LineDiscipline::store(unsigned char c) {
  if (line_len_ == kMaxCanon) {
    if ((attr_.c_iflag & IMAXBEL) != 0) output('\a');
    return;
  }
  if (line_len_ == 0) canon_column_ = column_;
  line_[line_len_++] = c;
  if (lflag(ECHO)) echo(c);
}

void LineDiscipline::finish_line(bool with_delimiter, unsigned char delimiter) {
  const size_t n = line_len_ + (with_delimiter ? 1 : 0);
  if (input_.room() < n || lines_len_ == kMaxLines) {
    // Nobody reads: the line stays being edited and its end is lost.
    if ((attr_.c_iflag & IMAXBEL) != 0) output('\a');
    return;
  }
  for (size_t i = 0; i < line_len_; ++i) input_.push(line_[i]);
  if (with_delimiter) input_.push(delimiter);
  lines_[(lines_head_ + lines_len_) % kMaxLines] = static_cast<unsigned short>(n);
  ++lines_len_;
  line_len_ = 0;
}

size_t LineDiscipline::column_after(size_t n) const {
  size_t col = canon_column_;
  for (size_t i = 0; i < n; ++i) {
    const unsigned char c = line_[i];
    if (c == '\t') {
      col = (col | 7) + 1;
    } else if (is_control(c)) {
      col += lflag(ECHOCTL) ? 2 : 0;
    } else if (!is_continuation(c)) {
      ++col;
    }
  }
  return col;
}

void LineDiscipline::erase_one(bool visual) {
  if (line_len_ == 0) return;
  size_t start = line_len_ - 1;  // a whole UTF-8 character
  while (start > 0 && is_continuation(line_[start])) --start;
  const bool tab = line_[start] == '\t';
  const size_t width = column_after(line_len_) - column_after(start);
  line_len_ = start;
  if (!lflag(ECHO)) return;
  if (!visual) {
    echo(attr_.c_cc[VERASE]);
    return;
  }
  for (size_t i = 0; i < width; ++i) output_text(tab ? "\b" : "\b \b");
}

void LineDiscipline::erase_word() {
  const bool visual = lflag(ECHOE);
  while (line_len_ > 0 && is_space(line_[line_len_ - 1])) erase_one(visual);
  while (line_len_ > 0 && !is_space(line_[line_len_ - 1])) erase_one(visual);
}

void LineDiscipline::kill_line() {
  if (lflag(ECHO) && lflag(ECHOKE) && lflag(ECHOE)) {
    while (line_len_ > 0) erase_one(true);
    return;
  }
  line_len_ = 0;
  if (!lflag(ECHO)) return;
  echo(attr_.c_cc[VKILL]);
  if (lflag(ECHOK)) output('\n');
}

void LineDiscipline::reprint() {
  if (!lflag(ECHO)) return;
  echo(attr_.c_cc[VREPRINT]);
  output('\n');
  canon_column_ = column_;
  for (size_t i = 0; i < line_len_; ++i) echo(line_[i]);
}

void LineDiscipline::echo(unsigned char c) {
  if (lflag(ECHOCTL) && is_control(c) && c != '\t' && c != '\n') {
    const unsigned char shown[2] = {'^', static_cast<unsigned char>(c ^ 0x40)};
    if (output_.room() >= 2) {
      output(shown[0]);
      output(shown[1]);
    }
    return;
  }
  output(c);
}

void LineDiscipline::output_text(const char* s) {
  for (; *s != '\0'; ++s) output(static_cast<unsigned char>(*s));
}

bool LineDiscipline::output(unsigned char c) {
  const bool post = (attr_.c_oflag & OPOST) != 0;
  if (post && c == '\n' && (attr_.c_oflag & ONLCR) != 0) {
    if (output_.room() < 2) return false;
    output_.push('\r');
    output_.push('\n');
    column_ = 0;
    return true;
  }
  if (post && c == '\r') {
    if ((attr_.c_oflag & ONOCR) != 0 && column_ == 0) return true;  // nothing to return from
    if ((attr_.c_oflag & OCRNL) != 0) {
      c = '\n';
      if ((attr_.c_oflag & ONLRET) == 0) {
        if (!output_.push(c)) return false;
        return true;  // a line feed: the column stays
      }
    }
  }
  if (post && c == '\t' && (attr_.c_oflag & TABDLY) == TAB3) {
    const size_t spaces = 8 - column_ % 8;
    if (output_.room() < spaces) return false;
    for (size_t i = 0; i < spaces; ++i) output_.push(' ');
    column_ += spaces;
    return true;
  }
  if (!output_.push(c)) return false;
  if (c == '\r' || (c == '\n' && post && (attr_.c_oflag & ONLRET) != 0)) {
    column_ = 0;
  } else if (c == '\t') {
    column_ = (column_ | 7) + 1;
  } else if (c == '\b') {
    if (column_ > 0) --column_;
  } else if (!is_control(c) && !is_continuation(c)) {
    ++column_;
  }
  return true;
}

size_t LineDiscipline::write(const unsigned char* data, size_t n) {
  for (size_t i = 0; i < n; ++i) {
    if (!output(data[i])) return i;
  }
  return n;
}

size_t LineDiscipline::take_output(unsigned char* out, size_t n) {
  if (stopped_) return 0;
  return output_.pop(out, n);
}

bool LineDiscipline::read_ready(size_t n) const {
  if (canonical()) return lines_len_ > 0;
  const size_t min = attr_.c_cc[VMIN];
  if (min == 0) return attr_.c_cc[VTIME] == 0 || !input_.empty();
  return input_.size() >= (min < n ? min : n);
}

size_t LineDiscipline::input_bytes() const {
  if (canonical()) return lines_len_ > 0 ? lines_[lines_head_] : 0;
  return input_.size();
}

size_t LineDiscipline::read(unsigned char* out, size_t n) {
  if (!canonical()) return input_.pop(out, n);
  if (lines_len_ == 0) return 0;
  unsigned short& len = lines_[lines_head_];
  const size_t k = input_.pop(out, n < len ? n : len);
  len = static_cast<unsigned short>(len - k);
  if (len == 0) {  // the line is read (or it was an EOF mark)
    lines_head_ = (lines_head_ + 1) % kMaxLines;
    --lines_len_;
  }
  return k;
}

}  // namespace qrv_tty
