// Arithmetic expansion (arith.h): recursive descent, one function per
// precedence level, with a flag that turns evaluation off on the side of
// && || ?: not taken.
#include "user/qsh/arith.h"

#include <stdio.h>
#include <string.h>

namespace qsh {
namespace {

using u64 = unsigned long long;

constexpr int kMaxDepth = 200;
constexpr size_t kMaxName = 255;

bool name_start(char c) { return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool name_char(char c) { return name_start(c) || (c >= '0' && c <= '9'); }

// Wrapping arithmetic: through unsigned, so overflow is never undefined.
long long wrap(u64 v) { return static_cast<long long>(v); }

class Parser {
 public:
  Parser(const char* s, const ArithVars& vars, char* err, size_t cap) : p_(s), vars_(vars), err_(err), cap_(cap) {}

  bool run(long long* out) {
    skip();
    if (*p_ == '\0') {  // $(( )) is 0
      *out = 0;
      return true;
    }
    long long v = 0;
    if (!assignment(&v, true)) return false;
    skip();
    if (*p_ != '\0') return fail("unexpected '%s'", p_);
    *out = v;
    return true;
  }

 private:
  bool fail(const char* fmt, const char* what) {
    if (failed_) return false;
    failed_ = true;
    if (cap_ != 0) {
      char w[32];
      snprintf(w, sizeof w, "%.20s", what);
      char msg[96];
      snprintf(msg, sizeof msg, fmt, w);
      snprintf(err_, cap_, "arithmetic: %s", msg);
    }
    return false;
  }

  void skip() {
    while (*p_ == ' ' || *p_ == '\t' || *p_ == '\n') ++p_;
  }
  // Consumes op if it is next (and not the start of a longer operator in `not_before`).
  bool eat(const char* op, const char* not_followed = "") {
    skip();
    const size_t n = strlen(op);
    if (strncmp(p_, op, n) != 0) return false;
    if (p_[n] != '\0' && strchr(not_followed, p_[n]) != nullptr) return false;
    p_ += n;
    return true;
  }

  // A constant (decimal, octal, hex); false if text is not one.
  static bool constant(const char* text, long long* out) {
    const char* s = text;
    while (*s == ' ' || *s == '\t') ++s;
    bool neg = false;
    if (*s == '-' || *s == '+') neg = *s++ == '-';
    u64 base = 10;
    if (s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) {
      base = 16;
      s += 2;
    } else if (s[0] == '0' && s[1] != '\0') {
      base = 8;
    }
    u64 v = 0;
    const char* digits = s;
    for (;; ++s) {
      u64 d;
      if (*s >= '0' && *s <= '9') {
        d = static_cast<u64>(*s - '0');
      } else if (*s >= 'a' && *s <= 'f') {
        d = static_cast<u64>(*s - 'a' + 10);
      } else if (*s >= 'A' && *s <= 'F') {
        d = static_cast<u64>(*s - 'A' + 10);
      } else {
        break;
      }
      if (d >= base) return false;
      v = v * base + d;  // wraps, as the operators do
    }
    while (*s == ' ' || *s == '\t') ++s;
    if (s == digits || *s != '\0') return false;
    *out = neg ? wrap(0 - v) : wrap(v);
    return true;
  }

  bool variable(const char* name, long long* out) {
    const char* text = vars_.get(vars_.ctx, name);
    if (text == nullptr || text[0] == '\0') {
      *out = 0;
      return true;
    }
    if (!constant(text, out)) return fail("%s: not a number", name);
    return true;
  }

  bool primary(long long* v, bool eval) {
    skip();
    if (++depth_ > kMaxDepth) return fail("%s: nested too deep", p_);
    bool ok;
    if (*p_ == '(') {
      ++p_;
      ok = assignment(v, eval) && (eat(")") || fail("')' expected at '%s'", p_));
    } else if (*p_ >= '0' && *p_ <= '9') {
      const char* start = p_;
      while (name_char(*p_)) ++p_;
      char text[64];
      const size_t n = static_cast<size_t>(p_ - start);
      if (n >= sizeof text) return fail("%s: number too long", start);
      memcpy(text, start, n);
      text[n] = '\0';
      ok = constant(text, v) || fail("%s: bad number", text);
    } else if (name_start(*p_)) {
      char name[kMaxName + 1];
      const char* start = p_;
      while (name_char(*p_)) ++p_;
      const size_t n = static_cast<size_t>(p_ - start);
      if (n > kMaxName) return fail("%s: name too long", start);
      memcpy(name, start, n);
      name[n] = '\0';
      ok = eval ? variable(name, v) : (*v = 0, true);
    } else {
      ok = fail(*p_ == '\0' ? "%sexpression expected" : "unexpected '%s'", p_);
    }
    --depth_;
    return ok;
  }

  bool unary(long long* v, bool eval) {
    skip();
    if (++depth_ > kMaxDepth) return fail("%s: nested too deep", p_);
    bool ok = true;
    const char c = *p_;
    if (c == '-' || c == '+') {  // no ++ or -- (POSIX has none): two signs
      ++p_;
      ok = unary(v, eval);
      if (c == '-') *v = wrap(0 - static_cast<u64>(*v));
    } else if (c == '!' && p_[1] != '=') {
      ++p_;
      ok = unary(v, eval);
      *v = *v == 0;
    } else if (c == '~') {
      ++p_;
      ok = unary(v, eval);
      *v = ~*v;
    } else {
      ok = primary(v, eval);
    }
    --depth_;
    return ok;
  }

  // Binary levels, loosest last. Each returns with *v the level's value.
  bool multiplicative(long long* v, bool eval) {
    if (!unary(v, eval)) return false;
    for (;;) {
      char op;
      if (eat("*", "=")) op = '*';
      else if (eat("/", "=")) op = '/';
      else if (eat("%", "=")) op = '%';
      else return true;
      long long r = 0;
      if (!unary(&r, eval)) return false;
      if (!eval) continue;
      if (op == '*') {
        *v = wrap(static_cast<u64>(*v) * static_cast<u64>(r));
      } else {
        if (r == 0) return fail("%sdivision by zero", "");
        if (r == -1) {  // LLONG_MIN / -1 overflows: wrap as the others do
          *v = op == '/' ? wrap(0 - static_cast<u64>(*v)) : 0;
        } else {
          *v = op == '/' ? *v / r : *v % r;
        }
      }
    }
  }
  bool additive(long long* v, bool eval) {
    if (!multiplicative(v, eval)) return false;
    for (;;) {
      bool plus;
      if (eat("+", "=")) plus = true;
      else if (eat("-", "=")) plus = false;
      else return true;
      long long r = 0;
      if (!multiplicative(&r, eval)) return false;
      *v = plus ? wrap(static_cast<u64>(*v) + static_cast<u64>(r)) : wrap(static_cast<u64>(*v) - static_cast<u64>(r));
    }
  }
  bool shift(long long* v, bool eval) {
    if (!additive(v, eval)) return false;
    for (;;) {
      bool left;
      if (eat("<<", "=")) left = true;
      else if (eat(">>", "=")) left = false;
      else return true;
      long long r = 0;
      if (!additive(&r, eval)) return false;
      const unsigned n = static_cast<unsigned>(r) & 63;  // as the hardware does
      *v = left ? wrap(static_cast<u64>(*v) << n) : (*v >> n);
    }
  }
  bool relational(long long* v, bool eval) {
    if (!shift(v, eval)) return false;
    for (;;) {
      int op;
      if (eat("<=")) op = 0;
      else if (eat(">=")) op = 1;
      else if (eat("<", "<")) op = 2;
      else if (eat(">", ">")) op = 3;
      else return true;
      long long r = 0;
      if (!shift(&r, eval)) return false;
      *v = op == 0 ? *v <= r : op == 1 ? *v >= r : op == 2 ? *v < r : *v > r;
    }
  }
  bool equality(long long* v, bool eval) {
    if (!relational(v, eval)) return false;
    for (;;) {
      bool eq;
      if (eat("==")) eq = true;
      else if (eat("!=")) eq = false;
      else return true;
      long long r = 0;
      if (!relational(&r, eval)) return false;
      *v = eq ? *v == r : *v != r;
    }
  }
  bool bit_and(long long* v, bool eval) {
    if (!equality(v, eval)) return false;
    while (eat("&", "&=")) {
      long long r = 0;
      if (!equality(&r, eval)) return false;
      *v &= r;
    }
    return true;
  }
  bool bit_xor(long long* v, bool eval) {
    if (!bit_and(v, eval)) return false;
    while (eat("^", "=")) {
      long long r = 0;
      if (!bit_and(&r, eval)) return false;
      *v ^= r;
    }
    return true;
  }
  bool bit_or(long long* v, bool eval) {
    if (!bit_xor(v, eval)) return false;
    while (eat("|", "|=")) {
      long long r = 0;
      if (!bit_xor(&r, eval)) return false;
      *v |= r;
    }
    return true;
  }
  bool logical_and(long long* v, bool eval) {
    if (!bit_or(v, eval)) return false;
    while (eat("&&")) {
      long long r = 0;
      const bool take = eval && *v != 0;
      if (!bit_or(&r, take)) return false;
      *v = *v != 0 && r != 0;
    }
    return true;
  }
  bool logical_or(long long* v, bool eval) {
    if (!logical_and(v, eval)) return false;
    while (eat("||")) {
      long long r = 0;
      const bool take = eval && *v == 0;
      if (!logical_and(&r, take)) return false;
      *v = *v != 0 || r != 0;
    }
    return true;
  }
  bool conditional(long long* v, bool eval) {
    if (!logical_or(v, eval)) return false;
    if (!eat("?")) return true;
    if (++depth_ > kMaxDepth) return fail("%s: nested too deep", p_);
    long long a = 0, b = 0;
    const bool cond = *v != 0;
    if (!assignment(&a, eval && cond)) return false;
    if (!eat(":")) return fail("':' expected at '%s'", p_);
    if (!conditional(&b, eval && !cond)) return false;
    --depth_;
    *v = cond ? a : b;
    return true;
  }

  // name op= expression, or a conditional expression.
  bool assignment(long long* v, bool eval) {
    skip();
    if (++depth_ > kMaxDepth) return fail("%s: nested too deep", p_);
    const char* save = p_;
    if (name_start(*p_)) {
      char name[kMaxName + 1];
      const char* start = p_;
      while (name_char(*p_)) ++p_;
      const size_t n = static_cast<size_t>(p_ - start);
      static const char* const kOps[] = {"<<=", ">>=", "*=", "/=", "%=", "+=", "-=", "&=", "^=", "|=", "="};
      for (const char* op : kOps) {
        if (n > kMaxName || !eat(op, op[0] == '=' ? "=" : "")) continue;
        memcpy(name, start, n);
        name[n] = '\0';
        long long r = 0;
        if (!assignment(&r, eval)) return false;
        --depth_;
        if (!eval) {
          *v = r;
          return true;
        }
        long long old = 0;
        if (op[0] != '=' && !variable(name, &old)) return false;
        long long result = r;
        if (op[0] != '=') {
          // The same operation as the binary operator: through a tiny expression.
          char expr[80];
          snprintf(expr, sizeof expr, "%lld %.*s %lld", old, static_cast<int>(strlen(op) - 1), op, r);
          Parser inner(expr, vars_, err_, cap_);
          if (!inner.run(&result)) {  // its message stands
            failed_ = true;
            return false;
          }
        }
        char text[32];
        snprintf(text, sizeof text, "%lld", result);
        if (!vars_.set(vars_.ctx, name, text)) return fail("%s: readonly variable", name);
        *v = result;
        return true;
      }
      p_ = save;
    }
    const bool ok = conditional(v, eval);
    --depth_;
    return ok;
  }

  const char* p_;
  const ArithVars& vars_;
  char* err_;
  size_t cap_;
  int depth_ = 0;
  bool failed_ = false;
};

}  // namespace

int eval_arith(const char* expr, const ArithVars& vars, long long* out, char* err, size_t err_cap) {
  if (err_cap != 0) err[0] = '\0';
  Parser p(expr, vars, err, err_cap);
  return p.run(out) ? 0 : -1;
}

}  // namespace qsh
