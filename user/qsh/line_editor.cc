// The line editor (line_editor.h): keys to edits, edits to terminal output.
#include "user/qsh/line_editor.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

namespace qsh {
namespace {

constexpr unsigned char ctrl(char c) { return static_cast<unsigned char>(c & 0x1f); }
constexpr unsigned char kEsc = 0x1b;
constexpr unsigned char kDel = 0x7f;

bool continuation(char c) { return (static_cast<unsigned char>(c) & 0xc0) == 0x80; }
bool space(char c) { return c == ' ' || c == '\t'; }

}  // namespace

LineEditor::~LineEditor() {
  for (size_t i = 0; i < history_len_; ++i) free(history_[i]);
}

void LineEditor::start(const char* prompt) {
  snprintf(prompt_, sizeof prompt_, "%s", prompt != nullptr ? prompt : "");
  len_ = cursor_ = 0;
  line_[0] = '\0';
  browsing_ = kHistory;
  esc_ = 0;
  emit(prompt_);
}

void LineEditor::emit(const char* s, size_t n) {
  if (n > sizeof out_ - out_len_) n = sizeof out_ - out_len_;  // a terminal that never reads loses echo, not memory
  memcpy(out_ + out_len_, s, n);
  out_len_ += n;
}

void LineEditor::emit(const char* s) { emit(s, strlen(s)); }

size_t LineEditor::take_output(char* out, size_t cap) {
  const size_t n = out_len_ < cap ? out_len_ : cap;
  memcpy(out, out_, n);
  memmove(out_, out_ + n, out_len_ - n);
  out_len_ -= n;
  return n;
}

size_t LineEditor::columns(size_t from, size_t to) const {
  size_t n = 0;
  for (size_t i = from; i < to; ++i) n += continuation(line_[i]) ? 0 : 1;
  return n;
}

void LineEditor::redraw() {
  emit("\r");
  emit(prompt_);
  emit(line_, len_);
  emit("\x1b[K");
  const size_t back = columns(cursor_, len_);
  if (back != 0) {
    char move[32];
    snprintf(move, sizeof move, "\x1b[%zuD", back);
    emit(move);
  }
}

void LineEditor::insert(unsigned char c) {
  if (len_ == kMaxLine) {
    emit("\a");
    return;
  }
  memmove(line_ + cursor_ + 1, line_ + cursor_, len_ - cursor_);
  line_[cursor_++] = static_cast<char>(c);
  line_[++len_] = '\0';
  if (cursor_ == len_) {
    const char ch = static_cast<char>(c);
    emit(&ch, 1);  // typing at the end: the key's own echo is enough
  } else {
    redraw();
  }
}

void LineEditor::kill(size_t from, size_t to) {
  memmove(line_ + from, line_ + to, len_ - to);
  len_ -= to - from;
  line_[len_] = '\0';
  if (cursor_ > to) {
    cursor_ -= to - from;
  } else if (cursor_ > from) {
    cursor_ = from;
  }
}

void LineEditor::erase_before() {
  if (cursor_ == 0) return;
  size_t start = cursor_ - 1;
  while (start > 0 && continuation(line_[start])) --start;
  const bool at_end = cursor_ == len_;
  kill(start, cursor_);
  if (at_end) {
    emit("\b \b");
  } else {
    redraw();
  }
}

void LineEditor::erase_at() {
  if (cursor_ == len_) return;
  size_t end = cursor_ + 1;
  while (end < len_ && continuation(line_[end])) ++end;
  kill(cursor_, end);
  redraw();
}

void LineEditor::left() {
  if (cursor_ == 0) return;
  --cursor_;
  while (cursor_ > 0 && continuation(line_[cursor_])) --cursor_;
  emit("\x1b[D");
}

void LineEditor::right() {
  if (cursor_ == len_) return;
  ++cursor_;
  while (cursor_ < len_ && continuation(line_[cursor_])) ++cursor_;
  emit("\x1b[C");
}

void LineEditor::word_erase() {
  size_t start = cursor_;
  while (start > 0 && space(line_[start - 1])) --start;
  while (start > 0 && !space(line_[start - 1])) --start;
  if (start == cursor_) return;
  kill(start, cursor_);
  redraw();
}

void LineEditor::remember(const char* line) {
  if (line == nullptr || line[0] == '\0') return;
  if (history_len_ != 0 && strcmp(history_[history_len_ - 1], line) == 0) return;
  const size_t n = strlen(line);
  char* copy = static_cast<char*>(malloc(n + 1));
  if (copy == nullptr) return;
  memcpy(copy, line, n + 1);
  if (history_len_ == kHistory) {
    free(history_[0]);
    memmove(history_, history_ + 1, (kHistory - 1) * sizeof history_[0]);
    --history_len_;
  }
  history_[history_len_++] = copy;
}

void LineEditor::recall(size_t index) {
  if (browsing_ == kHistory) {  // leaving the line being typed: keep it
    memcpy(saved_, line_, len_ + 1);
    saved_len_ = len_;
  }
  browsing_ = index;
  const char* text = index == kHistory ? saved_ : history_[index];
  size_t n = index == kHistory ? saved_len_ : strlen(text);
  if (n > kMaxLine) n = kMaxLine;
  memcpy(line_, text, n);
  line_[n] = '\0';
  len_ = cursor_ = n;
  redraw();
}

LineEditor::Action LineEditor::escape(unsigned char c) {
  if (esc_ == 1) {
    esc_ = (c == '[' || c == 'O') ? 2 : 0;
    esc_num_ = 0;
    return Action::kNone;
  }
  if (c >= '0' && c <= '9') {
    esc_num_ = esc_num_ > 1000 ? esc_num_ : esc_num_ * 10 + (c - '0');  // saturates: no key has such a number
    return Action::kNone;
  }
  esc_ = 0;
  switch (c) {
    case 'A':
      if (browsing_ == kHistory ? history_len_ != 0 : browsing_ != 0) {
        recall(browsing_ == kHistory ? history_len_ - 1 : browsing_ - 1);
      }
      break;
    case 'B':
      if (browsing_ != kHistory) recall(browsing_ + 1 < history_len_ ? browsing_ + 1 : kHistory);
      break;
    case 'C':
      right();
      break;
    case 'D':
      left();
      break;
    case 'H':
      cursor_ = 0;
      redraw();
      break;
    case 'F':
      cursor_ = len_;
      redraw();
      break;
    case '~':
      if (esc_num_ == 3) erase_at();
      if (esc_num_ == 1 || esc_num_ == 7) {
        cursor_ = 0;
        redraw();
      }
      if (esc_num_ == 4 || esc_num_ == 8) {
        cursor_ = len_;
        redraw();
      }
      break;
    default:
      break;  // a key we do not know
  }
  return Action::kNone;
}

LineEditor::Action LineEditor::feed(unsigned char c) {
  if (esc_ != 0) return escape(c);
  switch (c) {
    case '\r':
    case '\n':
      emit("\r\n");
      return Action::kLine;
    case kEsc:
      esc_ = 1;
      return Action::kNone;
    case kDel:
    case ctrl('H'):
      erase_before();
      return Action::kNone;
    case ctrl('A'):
      cursor_ = 0;
      redraw();
      return Action::kNone;
    case ctrl('E'):
      cursor_ = len_;
      redraw();
      return Action::kNone;
    case ctrl('B'):
      left();
      return Action::kNone;
    case ctrl('F'):
      right();
      return Action::kNone;
    case ctrl('U'):
      kill(0, cursor_);
      redraw();
      return Action::kNone;
    case ctrl('K'):
      kill(cursor_, len_);
      redraw();
      return Action::kNone;
    case ctrl('W'):
      word_erase();
      return Action::kNone;
    case ctrl('P'):
      return escape('A');
    case ctrl('N'):
      return escape('B');
    case ctrl('L'):
      emit("\x1b[H\x1b[2J");
      redraw();
      return Action::kNone;
    case ctrl('C'):
      emit("^C\r\n");
      len_ = cursor_ = 0;
      line_[0] = '\0';
      return Action::kInterrupt;
    case ctrl('D'):
      if (len_ == 0) {
        emit("\r\n");
        return Action::kEof;
      }
      erase_at();
      return Action::kNone;
    case '\t':
      insert(' ');  // no completion yet: a tab is a space
      return Action::kNone;
    default:
      if (c < 0x20) return Action::kNone;  // other control keys do nothing
      insert(c);
      return Action::kNone;
  }
}

}  // namespace qsh
