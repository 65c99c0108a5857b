// Word expansion, in POSIX's order: tilde, parameters, command
// substitution and arithmetic into one stream of characters, each marked
// quoted or not and whether it came from an unquoted expansion; then field
// splitting (IFS, on expansion results only), pathname expansion (on the
// unquoted glob characters only) and quote removal (the parser removed the
// quotes; the marks keep what they meant).
#include <fnmatch.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "user/qsh/arith.h"
#include "user/qsh/glob.h"
#include "user/qsh/shell.h"

namespace qsh {

class Expander {
 public:
  enum Mode { kFields, kSingle, kPattern };

  explicit Expander(Shell& sh) : sh_(sh) {}

  // Expands w; false on an error (already reported: ${x?}, a bad $((...))).
  bool word(const Word* w, Mode mode, StrList* out) {
    text_.clear();
    flags_.clear();
    if (!parts(w, false, true)) return false;
    if (text_.failed || flags_.failed) {
      sh_.error("out of memory");
      return false;
    }
    if (mode == kFields) {
      split(out);
    } else {
      out->push_owned(joined(mode == kPattern));
    }
    return !out->failed;
  }

 private:
  // Marks, one per byte of text_.
  static constexpr char kQuoted = 1;   // from quotes: never split, never a glob character
  static constexpr char kSplit = 2;    // from an unquoted expansion: IFS splits it
  static constexpr char kBreak = 4;    // not a character: a field ends here ("$@")
  static constexpr char kEmpty = 8;    // not a character: a quoted "" makes a field

  void put(const char* s, size_t n, char mark) {
    text_.append(s, n);
    for (size_t i = 0; i < n; ++i) flags_.push(mark);
  }
  void marker(char mark) {
    text_.push(' ');
    flags_.push(mark);
  }
  // An expansion's result: quoted in double quotes, else subject to splitting.
  void result(const char* s, bool dq) {
    if (dq) marker(kEmpty);
    put(s, strlen(s), dq ? kQuoted : kSplit);
  }

  const char* ifs() const {
    const char* v = sh_.vars_.get("IFS");
    return v != nullptr ? v : " \t\n";
  }

  bool parts(const Word* w, bool dq_outer, bool first_word_part) {
    if (w == nullptr) return true;
    for (size_t i = 0; i < w->parts.size(); ++i) {
      const WordPart& p = w->parts[i];
      const bool dq = p.in_dquotes || dq_outer;
      switch (p.kind) {
        case PartKind::kLiteral:
          if (p.quote != Quote::kNone || dq) {
            if (p.text.n == 0) marker(kEmpty);
            put(p.text.s, p.text.n, kQuoted);
          } else if (i == 0 && first_word_part && p.text.n != 0 && p.text.s[0] == '~') {
            tilde(p.text.s, p.text.n);
          } else {
            put(p.text.s, p.text.n, 0);
          }
          break;
        case PartKind::kParam:
          if (!param(p, dq)) return false;
          break;
        case PartKind::kCommand: {
          char* out = sh_.capture(p.program);
          if (out == nullptr) return false;
          result(out, dq);
          free(out);
          break;
        }
        case PartKind::kArith: {
          char* expr = sh_.expand_single(p.expr);
          if (expr == nullptr) return false;
          long long v = 0;
          char err[160];
          const ArithVars av = {&sh_.vars_, arith_get, arith_set};
          const int r = eval_arith(expr, av, &v, err, sizeof err);
          free(expr);
          if (r != 0) {
            sh_.error("%s", err);
            sh_.fatal(2);
            return false;
          }
          char num[32];
          snprintf(num, sizeof num, "%lld", v);
          result(num, dq);
          break;
        }
      }
    }
    return true;
  }

  static const char* arith_get(void* ctx, const char* name) { return static_cast<Vars*>(ctx)->get(name); }
  static bool arith_set(void* ctx, const char* name, const char* value) {
    return static_cast<Vars*>(ctx)->set(name, value);
  }

  // ~ and ~/...: $HOME (other users have no database here: left as typed).
  void tilde(const char* s, size_t n) {
    size_t end = 1;
    while (end < n && s[end] != '/') ++end;
    const char* home = sh_.vars_.get("HOME");
    if (end == 1 && home != nullptr) {
      put(home, strlen(home), kQuoted);
      put(s + 1, n - 1, 0);
    } else {
      put(s, n, 0);
    }
  }

  // The value of a parameter; nullptr when unset. For @ and * the positional
  // parameters joined by the first IFS character (the value ${#*} and the
  // operators other than plain see).
  const char* value(const char* name, char* num, size_t cap, StrBuf* joined_buf) {
    if (name[0] >= '0' && name[0] <= '9') {
      const long i = strtol(name, nullptr, 10);
      return i == 0 ? sh_.arg0_ : sh_.positional(static_cast<int>(i));
    }
    if (name[1] == '\0') {
      switch (name[0]) {
        case '?':
          snprintf(num, cap, "%d", sh_.status);
          return num;
        case '$':
          snprintf(num, cap, "%d", static_cast<int>(getpid()));
          return num;
        case '!':
          if (sh_.last_bg_ == 0) return nullptr;
          snprintf(num, cap, "%d", static_cast<int>(sh_.last_bg_));
          return num;
        case '#':
          snprintf(num, cap, "%d", sh_.nargs_);
          return num;
        case '-':
          snprintf(num, cap, "%s%s%s%s%s", sh_.opt_e_ ? "e" : "", sh_.opt_u_ ? "u" : "", sh_.opt_x_ ? "x" : "",
                   sh_.opt_f_ ? "f" : "", sh_.interactive ? "i" : "");
          return num;
        case '@':
        case '*': {
          const char* sep = ifs();
          for (int i = 0; i < sh_.nargs_; ++i) {
            if (i != 0 && sep[0] != '\0') joined_buf->push(name[0] == '*' ? sep[0] : ' ');
            joined_buf->append(sh_.args_[i]);
          }
          return joined_buf->c_str();
        }
        default:
          break;
      }
    }
    return sh_.vars_.get(name);
  }

  bool param(const WordPart& p, bool dq) {
    const char* name = p.text.s;
    const bool all = strcmp(name, "@") == 0 || strcmp(name, "*") == 0;
    if (p.op == ParamOp::kPlain && all) {
      positional_fields(name[0] == '@', dq);
      return true;
    }
    char num[64];
    StrBuf joined;
    const char* v = value(name, num, sizeof num, &joined);
    const bool set = v != nullptr && (!all || sh_.nargs_ != 0);
    const bool null = !set || v[0] == '\0';
    const bool use_operand = p.colon ? null : !set;
    switch (p.op) {
      case ParamOp::kPlain:
        if (!set && sh_.opt_u_) {
          sh_.error("%s: parameter not set", name);
          sh_.fatal(2);
          return false;
        }
        if (v != nullptr) result(v, dq);
        else if (dq) marker(kEmpty);
        return true;
      case ParamOp::kLength: {
        if (!set && sh_.opt_u_ && !all) {
          sh_.error("%s: parameter not set", name);
          sh_.fatal(2);
          return false;
        }
        snprintf(num, sizeof num, "%zu", all ? static_cast<size_t>(sh_.nargs_) : v != nullptr ? strlen(v) : 0);
        result(num, dq);
        return true;
      }
      case ParamOp::kDefault:
        if (use_operand) return parts(p.operand, dq, false);
        result(v, dq);
        return true;
      case ParamOp::kAssign: {
        if (!use_operand) {
          result(v, dq);
          return true;
        }
        char* w = sh_.expand_single(p.operand);
        if (w == nullptr) return false;
        if (!Vars::valid_name(name) || !sh_.vars_.set(name, w)) {
          sh_.error("%s: cannot assign", name);
          free(w);
          return false;
        }
        result(w, dq);
        free(w);
        return true;
      }
      case ParamOp::kError: {
        if (!use_operand) {
          result(v, dq);
          return true;
        }
        char* w = sh_.expand_single(p.operand);
        sh_.error("%s: %s", name, w != nullptr && w[0] != '\0' ? w : "parameter null or not set");
        free(w);
        sh_.fatal(2);
        return false;
      }
      case ParamOp::kAlternative:
        if (!use_operand) return parts(p.operand, dq, false);
        if (dq) marker(kEmpty);
        return true;
      case ParamOp::kRemoveSuffix:
      case ParamOp::kRemoveLongSuffix:
      case ParamOp::kRemovePrefix:
      case ParamOp::kRemoveLongPrefix: {
        if (!set && sh_.opt_u_) {
          sh_.error("%s: parameter not set", name);
          sh_.fatal(2);
          return false;
        }
        char* pat = sh_.expand_pattern(p.operand);
        if (pat == nullptr) return false;
        char* cut = remove(v != nullptr ? v : "", pat, p.op);
        free(pat);
        if (cut == nullptr) return false;
        result(cut, dq);
        free(cut);
        return true;
      }
    }
    return true;
  }

  // ${x%p} and the others: the value with the matching part removed (malloc'd).
  static char* remove(const char* v, const char* pat, ParamOp op) {
    const size_t n = strlen(v);
    char* tmp = static_cast<char*>(malloc(n + 1));
    if (tmp == nullptr) return nullptr;
    size_t from = 0, to = n;  // the result is v[from, to)
    const bool suffix = op == ParamOp::kRemoveSuffix || op == ParamOp::kRemoveLongSuffix;
    const bool longest = op == ParamOp::kRemoveLongSuffix || op == ParamOp::kRemoveLongPrefix;
    for (size_t k = 0; k <= n; ++k) {
      const size_t len = longest ? n - k : k;  // the length of the part tried
      if (suffix) {
        if (fnmatch(pat, v + (n - len), 0) == 0) {
          to = n - len;
          break;
        }
      } else {
        memcpy(tmp, v, len);
        tmp[len] = '\0';
        if (fnmatch(pat, tmp, 0) == 0) {
          from = len;
          break;
        }
      }
    }
    memcpy(tmp, v + from, to - from);
    tmp[to - from] = '\0';
    return tmp;
  }

  // $@ and $*: one field per parameter in "$@", else split further.
  void positional_fields(bool at, bool dq) {
    if (dq && !at) {  // "$*": one field, joined by IFS's first character
      StrBuf j;
      char num[8];
      value("*", num, sizeof num, &j);
      result(j.c_str(), true);
      return;
    }
    for (int i = 0; i < sh_.nargs_; ++i) {
      if (i != 0) marker(kBreak);
      result(sh_.args_[i], dq);
    }
  }

  bool is_ifs(char c) const { return c != '\0' && strchr(ifs(), c) != nullptr; }
  static bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n'; }

  // Quote removal done; with globbing characters escaped if `escape`.
  char* joined(bool escape) const {
    StrBuf b;
    for (size_t i = 0; i < text_.n; ++i) {
      const char f = flags_.s[i];
      if ((f & kEmpty) != 0) continue;
      if ((f & kBreak) != 0) {
        b.push(' ');
        continue;
      }
      const char c = text_.s[i];
      if (escape && (f & kQuoted) != 0 && strchr("*?[]\\", c) != nullptr) b.push('\\');
      if (escape && (f & kQuoted) == 0 && c == '\\') b.push('\\');  // a lone backslash from an expansion
      b.push(c);
    }
    return b.take();
  }

  void finish(StrBuf* field, StrBuf* pattern, bool globbing, StrList* out) {
    if (globbing && !sh_.opt_f_ && has_glob(pattern->c_str()) && glob_expand(pattern->c_str(), out)) {
      // replaced by its matches
    } else {
      out->push(field->c_str());
    }
    field->clear();
    pattern->clear();
  }

  // Field splitting on the kSplit characters that are in IFS: IFS white
  // space is a delimiter once in a row and ignored at the ends; any other
  // IFS character delimits each time (with the white space around it).
  void split(StrList* out) {
    StrBuf field, pattern;
    bool have = false, globbing = false, just_split = false;
    for (size_t i = 0; i < text_.n; ++i) {
      const char f = flags_.s[i];
      const char c = text_.s[i];
      if ((f & kBreak) != 0) {
        if (have) finish(&field, &pattern, globbing, out);
        have = globbing = just_split = false;
        continue;
      }
      if ((f & kEmpty) != 0) {
        have = true;
        continue;
      }
      if ((f & kSplit) != 0 && is_ifs(c)) {
        if (is_space(c)) {
          if (have) {
            finish(&field, &pattern, globbing, out);
            have = globbing = false;
            just_split = true;
          }
        } else {  // after white space it ends nothing more; after itself, an empty field
          if (have || !just_split) finish(&field, &pattern, globbing, out);
          have = globbing = false;
          just_split = false;
        }
        continue;
      }
      field.push(c);
      if ((f & kQuoted) != 0 && strchr("*?[]\\", c) != nullptr) {
        pattern.push('\\');
      } else if ((f & kQuoted) == 0 && (c == '*' || c == '?' || c == '[')) {
        globbing = true;
      } else if ((f & kQuoted) == 0 && c == '\\') {
        pattern.push('\\');
      }
      pattern.push(c);
      have = true;
      just_split = false;
    }
    if (have) finish(&field, &pattern, globbing, out);
  }

  Shell& sh_;
  StrBuf text_;
  StrBuf flags_;
};

bool Shell::expand_words(const Vec<Word*>& words, StrList* out) {
  for (size_t i = 0; i < words.size(); ++i) {
    Expander e(*this);
    if (!e.word(words[i], Expander::kFields, out)) return false;
  }
  return true;
}

char* Shell::expand_single(const Word* w) {
  StrList one;
  Expander e(*this);
  if (!e.word(w, Expander::kSingle, &one) || one.len != 1) return nullptr;
  char* s = one.items[0];
  one.items[0] = nullptr;
  return s;
}

char* Shell::expand_pattern(const Word* w) {
  StrList one;
  Expander e(*this);
  if (!e.word(w, Expander::kPattern, &one) || one.len != 1) return nullptr;
  char* s = one.items[0];
  one.items[0] = nullptr;
  return s;
}

}  // namespace qsh
