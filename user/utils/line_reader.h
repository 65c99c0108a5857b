// Lines from a file descriptor, of any length: the reader owns one malloc'd
// buffer that grows to the longest line. A last line without a newline is
// still a line (had_newline false). Used by head, tail, cut, sort, uniq.
#pragma once

#include <stddef.h>

namespace utils {

class LineReader {
 public:
  explicit LineReader(int fd) : fd_(fd) {}
  ~LineReader();
  LineReader(const LineReader&) = delete;
  LineReader& operator=(const LineReader&) = delete;

  // The next line (without its newline) in *line and *len, valid until the
  // next call. 1: a line; 0: end of input; -1: a read error (errno) or no memory.
  int next(const char** line, size_t* len);
  bool had_newline() const { return had_newline_; }

 private:
  bool fill();  // reads more after end_; false at end of input or on error

  int fd_;
  char* buf_ = nullptr;
  size_t cap_ = 0;
  size_t start_ = 0;  // the unread data is [start_, end_)
  size_t end_ = 0;
  bool eof_ = false;
  bool error_ = false;
  bool had_newline_ = false;
};

}  // namespace utils
