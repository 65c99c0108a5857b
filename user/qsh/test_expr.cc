// test's expression (test_expr.h).
#include "user/qsh/test_expr.h"

#include <stdio.h>
#include <string.h>

namespace qsh {
namespace {

// The file type bits (the same values on QRV and every POSIX system).
constexpr uint32_t kTypeMask = 0170000;
constexpr uint32_t kSocket = 0140000, kLink = 0120000, kRegular = 0100000, kBlock = 0060000, kDir = 0040000,
                   kChar = 0020000, kFifo = 0010000;
constexpr uint32_t kSetUid = 04000, kSetGid = 02000, kSticky = 01000;

constexpr int kTrue = 0, kFalse = 1, kError = 2;

bool is(const char* a, const char* b) { return strcmp(a, b) == 0; }

bool is_unary(const char* s) {
  return s[0] == '-' && s[1] != '\0' && s[2] == '\0' && strchr("bcdefghkLnprsStuwxz", s[1]) != nullptr;
}

bool is_binary(const char* s) {
  static const char* const kOps[] = {"=", "!=", "==", "<", ">", "-eq", "-ne", "-gt", "-ge", "-lt", "-le"};
  for (const char* op : kOps) {
    if (is(s, op)) return true;
  }
  return false;
}

class Eval {
 public:
  Eval(int argc, const char* const* argv, const FileQuery& files, char* err, size_t cap)
      : argc_(argc), argv_(argv), files_(files), err_(err), cap_(cap) {}

  int run() {
    switch (argc_) {
      case 0:
        return kFalse;
      case 1:
        return argv_[0][0] != '\0' ? kTrue : kFalse;
      case 2:
        if (is(argv_[0], "!")) return argv_[1][0] != '\0' ? kFalse : kTrue;
        if (is_unary(argv_[0])) return unary(argv_[0], argv_[1]);
        return fail("%s: unary operator expected", argv_[0]);
      case 3:
        if (is_binary(argv_[1])) return binary(argv_[0], argv_[1], argv_[2]);
        if (is(argv_[0], "!")) return negate(sub(1, 2));
        if (is(argv_[0], "(") && is(argv_[2], ")")) return sub(1, 1);
        break;
      case 4:
        if (is(argv_[0], "!")) return negate(sub(1, 3));
        if (is(argv_[0], "(") && is(argv_[3], ")")) return sub(1, 2);
        break;
      default:
        break;
    }
    const int r = or_expr();
    if (r == kError) return r;
    if (pos_ != argc_) return fail("%s: unexpected argument", argv_[pos_]);
    return r;
  }

 private:
  // The POSIX rule for `count` arguments from `from`.
  int sub(int from, int count) {
    Eval inner(count, argv_ + from, files_, err_, cap_);
    return inner.run();
  }
  static int negate(int r) { return r == kError ? r : r == kTrue ? kFalse : kTrue; }

  int fail(const char* fmt, const char* what) {
    if (cap_ != 0) {
      char msg[160];
      snprintf(msg, sizeof msg, fmt, what);
      snprintf(err_, cap_, "test: %s", msg);
    }
    return kError;
  }

  int or_expr() {
    int r = and_expr();
    while (r != kError && pos_ < argc_ && is(argv_[pos_], "-o")) {
      ++pos_;
      const int rhs = and_expr();
      if (rhs == kError) return rhs;
      r = (r == kTrue || rhs == kTrue) ? kTrue : kFalse;
    }
    return r;
  }

  int and_expr() {
    int r = not_expr();
    while (r != kError && pos_ < argc_ && is(argv_[pos_], "-a")) {
      ++pos_;
      const int rhs = not_expr();
      if (rhs == kError) return rhs;
      r = (r == kTrue && rhs == kTrue) ? kTrue : kFalse;
    }
    return r;
  }

  int not_expr() {
    if (++depth_ > 256) return fail("%s: expression too deep", "!");
    int r;
    if (pos_ < argc_ && is(argv_[pos_], "!") && pos_ + 1 < argc_) {
      ++pos_;
      r = negate(not_expr());
    } else {
      r = primary();
    }
    --depth_;
    return r;
  }

  int primary() {
    if (pos_ >= argc_) return fail("%s: argument expected", argc_ > 0 ? argv_[argc_ - 1] : "test");
    const char* a = argv_[pos_];
    if (is(a, "(")) {
      ++pos_;
      const int r = or_expr();
      if (r == kError) return r;
      if (pos_ >= argc_ || !is(argv_[pos_], ")")) return fail("%s: ')' expected", a);
      ++pos_;
      return r;
    }
    if (pos_ + 2 < argc_ && is_binary(argv_[pos_ + 1])) {
      pos_ += 3;
      return binary(a, argv_[pos_ - 2], argv_[pos_ - 1]);
    }
    if (is_unary(a) && pos_ + 1 < argc_) {
      pos_ += 2;
      return unary(a, argv_[pos_ - 1]);
    }
    ++pos_;
    return a[0] != '\0' ? kTrue : kFalse;
  }

  // An integer operand; false (with the message set) when it is none.
  bool integer(const char* s, long long* out) {
    const char* p = s;
    while (*p == ' ' || *p == '\t') ++p;
    bool neg = false;
    if (*p == '+' || *p == '-') neg = *p++ == '-';
    if (*p < '0' || *p > '9') {
      fail("%s: integer expected", s);
      return false;
    }
    unsigned long long v = 0;
    for (; *p >= '0' && *p <= '9'; ++p) {
      const unsigned d = static_cast<unsigned>(*p - '0');
      if (v > (9223372036854775808ull - d) / 10) {
        fail("%s: out of range", s);
        return false;
      }
      v = v * 10 + d;
    }
    while (*p == ' ' || *p == '\t') ++p;
    if (*p != '\0' || (!neg && v > 9223372036854775807ull)) {
      fail(*p != '\0' ? "%s: integer expected" : "%s: out of range", s);
      return false;
    }
    *out = neg ? static_cast<long long>(0 - v) : static_cast<long long>(v);
    return true;
  }

  int binary(const char* a, const char* op, const char* b) {
    if (is(op, "=") || is(op, "==")) return is(a, b) ? kTrue : kFalse;
    if (is(op, "!=")) return is(a, b) ? kFalse : kTrue;
    if (is(op, "<")) return strcmp(a, b) < 0 ? kTrue : kFalse;
    if (is(op, ">")) return strcmp(a, b) > 0 ? kTrue : kFalse;
    long long x = 0, y = 0;
    if (!integer(a, &x) || !integer(b, &y)) return kError;
    bool r = false;
    if (is(op, "-eq")) r = x == y;
    if (is(op, "-ne")) r = x != y;
    if (is(op, "-gt")) r = x > y;
    if (is(op, "-ge")) r = x >= y;
    if (is(op, "-lt")) r = x < y;
    if (is(op, "-le")) r = x <= y;
    return r ? kTrue : kFalse;
  }

  int unary(const char* op, const char* operand) {
    const char o = op[1];
    if (o == 'n') return operand[0] != '\0' ? kTrue : kFalse;
    if (o == 'z') return operand[0] == '\0' ? kTrue : kFalse;
    if (o == 't') {
      long long fd = 0;
      if (!integer(operand, &fd)) return kError;
      return fd >= 0 && fd <= 1024 && files_.isatty(static_cast<int>(fd)) ? kTrue : kFalse;
    }
    if (o == 'r' || o == 'w' || o == 'x') return files_.access(operand, o == 'r' ? 4 : o == 'w' ? 2 : 1) ? kTrue : kFalse;
    FileInfo st = {};
    if (!files_.stat(operand, o != 'h' && o != 'L', &st)) return kFalse;
    const uint32_t type = st.mode & kTypeMask;
    bool r = false;
    switch (o) {
      case 'e': r = true; break;
      case 'f': r = type == kRegular; break;
      case 'd': r = type == kDir; break;
      case 'b': r = type == kBlock; break;
      case 'c': r = type == kChar; break;
      case 'p': r = type == kFifo; break;
      case 'S': r = type == kSocket; break;
      case 'h':
      case 'L': r = type == kLink; break;
      case 's': r = st.size > 0; break;
      case 'u': r = (st.mode & kSetUid) != 0; break;
      case 'g': r = (st.mode & kSetGid) != 0; break;
      case 'k': r = (st.mode & kSticky) != 0; break;
      default: break;
    }
    return r ? kTrue : kFalse;
  }

  int argc_;
  const char* const* argv_;
  const FileQuery& files_;
  char* err_;
  size_t cap_;
  int pos_ = 0;
  int depth_ = 0;
};

}  // namespace

int eval_test(int argc, const char* const* argv, const FileQuery& files, char* err, size_t err_cap) {
  if (err_cap != 0) err[0] = '\0';
  Eval e(argc, argv, files, err, err_cap);
  return e.run();
}

}  // namespace qsh
