// LineReader: reads in 4 KiB steps, compacting or doubling its buffer so a
// line always ends up contiguous.
#include "user/utils/line_reader.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

namespace utils {

LineReader::~LineReader() { free(buf_); }

bool LineReader::fill() {
  if (eof_ || error_) return false;
  if (start_ > 0) {  // keep the partial line at the front
    memmove(buf_, buf_ + start_, end_ - start_);
    end_ -= start_;
    start_ = 0;
  }
  if (cap_ - end_ < 4096) {
    const size_t cap = cap_ == 0 ? 8192 : cap_ * 2;
    char* grown = static_cast<char*>(realloc(buf_, cap));
    if (grown == nullptr) {
      errno = ENOMEM;
      error_ = true;
      return false;
    }
    buf_ = grown;
    cap_ = cap;
  }
  for (;;) {
    const long n = read(fd_, buf_ + end_, cap_ - end_);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      error_ = true;
      return false;
    }
    if (n == 0) {
      eof_ = true;
      return false;
    }
    end_ += static_cast<size_t>(n);
    return true;
  }
}

int LineReader::next(const char** line, size_t* len) {
  size_t scanned = start_;
  for (;;) {
    const void* nl = scanned < end_ ? memchr(buf_ + scanned, '\n', end_ - scanned) : nullptr;
    if (nl != nullptr) {
      const size_t at = static_cast<size_t>(static_cast<const char*>(nl) - buf_);
      *line = buf_ + start_;
      *len = at - start_;
      start_ = at + 1;
      had_newline_ = true;
      return 1;
    }
    const size_t offset = end_ - start_;  // all of it scanned
    if (!fill()) break;
    scanned = start_ + offset;  // fill() may have moved the data to the front
  }
  if (error_) return -1;
  if (start_ == end_) return 0;
  *line = buf_ + start_;
  *len = end_ - start_;
  start_ = end_;
  had_newline_ = false;
  return 1;
}

}  // namespace utils
