// qsh's interactive line editor: what the shell does with a terminal in raw
// mode while a person types a command. Pure (bytes in, bytes to echo out),
// so it is host-tested key by key; the shell puts the terminal in raw mode,
// feeds each byte it reads and writes what take_output() gives.
//
// Keys: printable bytes insert at the cursor (UTF-8 moves as one column);
// Backspace (DEL or ^H) and Delete (ESC [ 3 ~) erase; Left/Right (ESC [ D/C,
// ESC O D/C, ^B/^F), Home/End (ESC [ H/F, ESC [ 1~/4~, ^A/^E) move; ^U and
// ^K kill to the start and to the end; ^W erases the word before the
// cursor; Up/Down (ESC [ A/B, ^P/^N) walk the history, keeping the line
// being typed; ^L redraws; Enter (CR or NL) ends the line; ^C cancels it;
// ^D on an empty line is end of file, else deletes under the cursor. Every
// change redraws the line from its start ("\r", the prompt, the text, erase
// to the end of the screen line, the cursor moved back), which is correct
// on any ANSI terminal without tracking what it shows.
#pragma once

#include <stddef.h>

namespace qsh {

class LineEditor {
 public:
  static constexpr size_t kMaxLine = 4096;   // bytes of one line
  static constexpr size_t kHistory = 100;    // lines remembered
  static constexpr size_t kOutput = 16384;   // bytes of echo queued at most

  enum class Action {
    kNone,       // keep feeding
    kLine,       // the line is done: line()/length(); Enter was echoed
    kEof,        // ^D on an empty line
    kInterrupt,  // ^C: the line is dropped ("^C" and a newline echoed)
  };

  LineEditor() = default;
  ~LineEditor();
  LineEditor(const LineEditor&) = delete;
  LineEditor& operator=(const LineEditor&) = delete;

  // A new line: shows the prompt (copied, at most 255 bytes).
  void start(const char* prompt);
  Action feed(unsigned char c);

  // The line typed (NUL-terminated), valid until the next start().
  const char* line() const { return line_; }
  size_t length() const { return len_; }
  size_t cursor() const { return cursor_; }

  // Remembers a line for Up/Down (empty lines and repeats of the last are not).
  void remember(const char* line);
  size_t history_size() const { return history_len_; }

  // Bytes to write to the terminal; empties the queue.
  size_t take_output(char* out, size_t cap);

 private:
  void insert(unsigned char c);
  void erase_before();
  void erase_at();
  void kill(size_t from, size_t to);
  void left();
  void right();
  void word_erase();
  void recall(size_t index);  // history index kHistory: the line being typed
  void redraw();
  void emit(const char* s, size_t n);
  void emit(const char* s);
  size_t columns(size_t from, size_t to) const;
  Action escape(unsigned char c);

  char prompt_[256] = {};
  char line_[kMaxLine + 1] = {};
  size_t len_ = 0;
  size_t cursor_ = 0;
  char* history_[kHistory] = {};  // oldest first, malloc'd
  size_t history_len_ = 0;
  size_t browsing_ = kHistory;  // which history line is shown (kHistory: the one being typed)
  char saved_[kMaxLine + 1] = {};  // the line being typed, while browsing
  size_t saved_len_ = 0;
  int esc_ = 0;                  // 0 none, 1 ESC seen, 2 ESC [ or ESC O seen
  unsigned esc_num_ = 0;         // the number of an ESC [ n ~ sequence
  char out_[kOutput] = {};
  size_t out_len_ = 0;
};

}  // namespace qsh
