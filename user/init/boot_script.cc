// The boot script's parser (see boot_script.h). Untrusted input: every
// limit is checked, every error names its line.
#include "user/init/boot_script.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

namespace qrv_init {
namespace {

bool blank(char c) { return c == ' ' || c == '\t' || c == '\r'; }

class Parser {
 public:
  Parser(BootScript* out, char* err, size_t cap) : out_(out), err_(err), cap_(cap) {}

  bool line(const char* s, size_t n, int number) {
    number_ = number;
    nwords_ = 0;
    if (n > kMaxLine) return fail("line too long");
    for (size_t i = 0; i < n;) {
      while (i < n && blank(s[i])) ++i;
      if (i == n || s[i] == '#') break;
      size_t j = i;
      while (j < n && !blank(s[j])) {
        if (s[j] == '\0') return fail("a NUL byte");
        ++j;
      }
      if (nwords_ == kMaxArgs + 3) return fail("too many words");
      char* w = save(s + i, j - i);
      if (w == nullptr) return fail("the script is too long");
      words_[nwords_++] = w;
      i = j;
    }
    if (nwords_ == 0) return true;
    if (out_->nsteps == kMaxSteps) return fail("too many commands");
    Step& st = out_->steps[out_->nsteps];
    st = Step{};
    st.line = number;
    if (!command(&st)) return false;
    ++out_->nsteps;
    return true;
  }

  bool fail(const char* what, const char* word = nullptr) {
    if (word != nullptr) {
      snprintf(err_, cap_, "line %d: %s: %s", number_, what, word);
    } else {
      snprintf(err_, cap_, "line %d: %s", number_, what);
    }
    return false;
  }

 private:
  char* save(const char* s, size_t n) {
    if (used_ + n + 1 > sizeof out_->buf) return nullptr;
    char* w = out_->buf + used_;
    memcpy(w, s, n);
    w[n] = '\0';
    used_ += n + 1;
    return w;
  }

  bool command(Step* st) {
    const char* first = words_[0];
    if (strcmp(first, "console") == 0) {
      if (nwords_ != 1) return fail("console takes no arguments");
      st->kind = StepKind::kConsole;
      return true;
    }
    if (strcmp(first, "display_msg") == 0) {
      st->kind = StepKind::kDisplay;
      // The words again, one blank apart, in the buffer.
      char* text = out_->buf + used_;
      size_t n = 0;
      for (int i = 1; i < nwords_; ++i) {
        const size_t len = strlen(words_[i]);
        if (used_ + n + len + 2 > sizeof out_->buf) return fail("the script is too long");
        if (i > 1) text[n++] = ' ';
        memcpy(text + n, words_[i], len);
        n += len;
      }
      text[n] = '\0';
      used_ += n + 1;
      st->text = text;
      return true;
    }
    if (strcmp(first, "waitfor") == 0) {
      if (nwords_ < 2 || nwords_ > 3) return fail("usage: waitfor PATH [SECONDS]");
      st->kind = StepKind::kWaitfor;
      st->argv[0] = words_[1];
      st->argc = 1;
      if (nwords_ == 3) {
        char* end = nullptr;
        const double s = strtod(words_[2], &end);
        if (*end != '\0' || !(s >= 0) || s > 3600) return fail("waitfor: not a number of seconds (0 to 3600)", words_[2]);
        st->wait_ms = static_cast<long>(s * 1000);
      }
      return true;
    }
    return run(st);
  }

  bool run(Step* st) {
    int i = 0;
    for (; i < nwords_ && words_[i][0] == '['; ++i) {
      const char* m = words_[i];
      if (strcmp(m, "[+session]") == 0) {
        st->session = true;
      } else if (strcmp(m, "[+respawn]") == 0) {
        st->respawn = true;
      } else {
        return fail("unknown modifier", m);
      }
    }
    int end = nwords_;
    if (end > i && strcmp(words_[end - 1], "&") == 0) {
      st->background = true;
      --end;
    }
    if (end == i) return fail("a modifier or '&' without a program");
    if (end - i > kMaxArgs) return fail("too many arguments");
    if (st->respawn && !st->background) return fail("+respawn needs '&'");
    for (int k = i; k < end; ++k) {
      if (strcmp(words_[k], "&") == 0) return fail("'&' must end the line");
      st->argv[st->argc++] = words_[k];
    }
    st->argv[st->argc] = nullptr;
    return true;
  }

  BootScript* out_;
  char* err_;
  size_t cap_;
  size_t used_ = 0;
  int number_ = 0;
  char* words_[kMaxArgs + 3] = {};
  int nwords_ = 0;
};

}  // namespace

bool parse_boot_script(const char* text, size_t len, BootScript* out, char* err, size_t err_cap) {
  out->nsteps = 0;
  if (err_cap > 0) err[0] = '\0';
  Parser p(out, err, err_cap);
  int number = 1;
  for (size_t i = 0; i < len; ++number) {
    size_t j = i;
    while (j < len && text[j] != '\n') ++j;
    // Words are saved as the line is read: a failed parse leaves *out unusable.
    if (!p.line(text + i, j - i, number)) return false;
    i = j + 1;
  }
  return true;
}

}  // namespace qrv_init
