// The suite parser (suite.h): one pass over the lines, a case handed on
// when the next begins or the text ends. No allocation, no library calls
// beyond string.h and snprintf, so the board's runner uses it as it is.
#include "user/qsh/conformance/suite.h"

#include <stdio.h>
#include <string.h>

namespace qsh_conf {

namespace {

enum class State { kPreamble, kScript, kStdout, kOneLine };

bool starts_with(const char* p, size_t n, const char* prefix) {
  const size_t k = strlen(prefix);
  return n >= k && memcmp(p, prefix, k) == 0;
}

bool blank(const char* p, size_t n) {
  for (size_t i = 0; i < n; ++i) {
    if (p[i] != ' ' && p[i] != '\t' && p[i] != '\r') return false;
  }
  return true;
}

Slice trim(const char* p, size_t n) {
  while (n > 0 && (*p == ' ' || *p == '\t')) {
    ++p;
    --n;
  }
  while (n > 0 && (p[n - 1] == ' ' || p[n - 1] == '\t' || p[n - 1] == '\r')) --n;
  return {p, n};
}

struct Parser {
  const char* text;
  size_t n;
  CaseFn fn;
  void* ctx;
  Error* err;

  State state = State::kPreamble;
  Case c = {};
  bool in_case = false;
  bool seen_stdout = false, seen_status = false, seen_stderr = false;
  bool noeol = false;
  // The section being filled with lines: its first line's start and the
  // end of its last non-blank line (with the newline).
  const char* body_begin = nullptr;
  const char* body_end = nullptr;
  int line = 0;
  bool stopped = false;

  bool fail(int at, const char* what, Slice detail = {nullptr, 0}) {
    err->line = at;
    if (detail.p != nullptr) {
      snprintf(err->message, sizeof err->message, "%s: %.*s", what, static_cast<int>(detail.n > 60 ? 60 : detail.n),
               detail.p);
    } else {
      snprintf(err->message, sizeof err->message, "%s", what);
    }
    return false;
  }

  // Ends the section being filled (script or stdout).
  void close_body() {
    const Slice s = {body_begin, body_begin == nullptr ? 0 : static_cast<size_t>(body_end - body_begin)};
    if (state == State::kScript) {
      c.script = s;
    } else if (state == State::kStdout) {
      c.expected = s;
      if (noeol && c.expected.n > 0 && c.expected.p[c.expected.n - 1] == '\n') --c.expected.n;
    }
    body_begin = body_end = nullptr;
  }

  bool finish_case() {
    close_body();
    if (!in_case) return true;
    in_case = false;
    if (c.script.n == 0) return fail(c.line, "the case has no script", c.name);
    if (!stopped && fn != nullptr && !fn(c, ctx)) stopped = true;
    return true;
  }

  bool header(const char* p, size_t len) {
    if (!finish_case()) return false;
    const Slice name = trim(p + 4, len - 4);
    if (name.n == 0) return fail(line, "a case needs a name after \"====\"");
    c = {};
    c.name = name;
    c.line = line;
    c.expected = {p, 0};
    in_case = true;
    seen_stdout = seen_status = seen_stderr = noeol = false;
    state = State::kScript;
    return true;
  }

  bool section(const char* p, size_t len) {
    if (!in_case) return fail(line, "a \"----\" section outside a case");
    close_body();
    const Slice s = trim(p + 4, len - 4);
    if (starts_with(s.p, s.n, "qsh-known-failure")) {
      if (c.known_failure) return fail(line, "a second qsh-known-failure section");
      Slice rest = trim(s.p + 17, s.n - 17);
      if (rest.n == 0 || rest.p[0] != ':') return fail(line, "qsh-known-failure needs \": <reason>\"");
      rest = trim(rest.p + 1, rest.n - 1);
      if (rest.n == 0) return fail(line, "qsh-known-failure needs a reason after the colon");
      c.known_failure = true;
      c.reason = rest;
      state = State::kOneLine;
      return true;
    }
    size_t k = 0;
    while (k < s.n && s.p[k] != ' ' && s.p[k] != '\t') ++k;
    const Slice word = {s.p, k};
    const Slice arg = trim(s.p + k, s.n - k);
    if (slice_is(word, "stdout")) {
      if (seen_stdout) return fail(line, "a second stdout section");
      seen_stdout = true;
      if (arg.n != 0 && !slice_is(arg, "noeol")) return fail(line, "stdout takes nothing or \"noeol\"", arg);
      noeol = arg.n != 0;
      state = State::kStdout;
      return true;
    }
    if (slice_is(word, "status")) {
      if (seen_status) return fail(line, "a second status section");
      seen_status = true;
      if (slice_is(arg, "nonzero")) {
        c.status = kNonZero;
        state = State::kOneLine;
        return true;
      }
      if (arg.n == 0 || arg.n > 3) return fail(line, "status needs a number from 0 to 255 or nonzero", arg);
      int v = 0;
      for (size_t i = 0; i < arg.n; ++i) {
        if (arg.p[i] < '0' || arg.p[i] > '9') return fail(line, "status needs a number from 0 to 255 or nonzero", arg);
        v = v * 10 + (arg.p[i] - '0');
      }
      if (v > 255) return fail(line, "status needs a number from 0 to 255 or nonzero", arg);
      c.status = v;
      state = State::kOneLine;
      return true;
    }
    if (slice_is(word, "stderr")) {
      if (seen_stderr) return fail(line, "a second stderr section");
      seen_stderr = true;
      if (slice_is(arg, "empty")) {
        c.stderr_want = Stderr::kEmpty;
      } else if (slice_is(arg, "nonempty")) {
        c.stderr_want = Stderr::kNonEmpty;
      } else if (slice_is(arg, "any")) {
        c.stderr_want = Stderr::kAny;
      } else {
        return fail(line, "stderr takes empty, nonempty or any", arg);
      }
      state = State::kOneLine;
      return true;
    }
    return fail(line, "unknown section", s);
  }

  bool other(const char* p, size_t len, const char* next) {
    switch (state) {
      case State::kPreamble:
        if (blank(p, len) || p[0] == '#') return true;
        return fail(line, "text before the first \"====\" case", trim(p, len));
      case State::kOneLine:
        if (blank(p, len) || p[0] == '#') return true;
        return fail(line, "text after a one-line section", trim(p, len));
      case State::kScript:
      case State::kStdout:
        if (body_begin == nullptr) body_begin = p;
        if (!blank(p, len)) body_end = next;  // trailing blank lines are dropped
        if (body_end == nullptr) body_end = body_begin;
        return true;
    }
    return true;
  }

  bool run() {
    if (n == 0) return fail(0, "the suite is empty");
    if (memchr(text, '\0', n) != nullptr) {
      int at = 1;
      for (const char* q = text; *q != '\0'; ++q) at += *q == '\n';
      return fail(at, "a NUL byte in the suite");
    }
    if (text[n - 1] != '\n') {
      int at = 1;
      for (size_t i = 0; i < n; ++i) at += text[i] == '\n';
      return fail(at, "the last line has no newline");
    }
    bool any = false;
    const char* p = text;
    const char* end = text + n;
    while (p < end) {
      ++line;
      const char* nl = static_cast<const char*>(memchr(p, '\n', static_cast<size_t>(end - p)));
      const size_t len = static_cast<size_t>(nl - p);
      bool ok;
      if (starts_with(p, len, "====")) {
        ok = header(p, len);
        any = true;
      } else if (starts_with(p, len, "----")) {
        ok = section(p, len);
      } else {
        ok = other(p, len, nl + 1);
      }
      if (!ok) return false;
      p = nl + 1;
    }
    if (!finish_case()) return false;
    if (!any) return fail(0, "the suite has no cases");
    return true;
  }
};

}  // namespace

bool slice_is(Slice s, const char* str) { return strlen(str) == s.n && memcmp(s.p, str, s.n) == 0; }

bool parse_suite(const char* text, size_t n, CaseFn fn, void* ctx, Error* err) {
  Error scratch;
  if (err == nullptr) err = &scratch;
  err->line = 0;
  err->message[0] = '\0';
  if (text == nullptr) n = 0;
  Parser p{text, n, fn, ctx, err};
  return p.run();
}

}  // namespace qsh_conf
