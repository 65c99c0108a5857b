// The syntax tree into a Thompson NFA program: intervals are expanded
// (x{2,4} is x x (x (x)?)?), capped at kMaxInsts; each unbounded loop
// marks where its iteration began so the backtracker can stop looping on
// an iteration that consumed nothing (the Pike VM needs no such guard).
#include "libc/src/regex/regex_api.h"
#include "libc/src/regex/regex_impl.h"

namespace qrv::libc::re {
namespace {

class Emitter {
 public:
  explicit Emitter(Compiled* c) : c_(c) {}
  bool ok() const { return ok_; }
  int32_t pc() const { return c_->prog.size; }

  int32_t emit(Op op, int32_t x = 0, int32_t y = 0) {
    if (!ok_ || c_->prog.size >= kMaxInsts || !c_->prog.push(Inst{op, x, y})) {
      ok_ = false;
      return 0;
    }
    return c_->prog.size - 1;
  }
  void patch_x(int32_t at, int32_t x) {
    if (ok_) c_->prog[at].x = x;
  }
  void patch_y(int32_t at, int32_t y) {
    if (ok_) c_->prog[at].y = y;
  }

  void node(int32_t n) {
    if (!ok_) return;
    const Node nd = c_->nodes[n];
    switch (nd.kind) {
      case kEmpty: break;
      case kChar: emit(kOpChar, nd.a); break;
      case kAny: emit(kOpAny); break;
      case kSet: emit(kOpSet, nd.a); break;
      case kBol: emit(kOpBol); break;
      case kEol: emit(kOpEol); break;
      case kBackref: emit(kOpBackref, nd.a); break;
      case kGroup:
        emit(kOpSave, 2 * nd.a);
        node(nd.child);
        emit(kOpSave, 2 * nd.a + 1);
        break;
      case kConcat:
        for (int32_t k = nd.child; k >= 0 && ok_; k = c_->nodes[k].next) node(k);
        break;
      case kAlt: alternation(nd.child); break;
      case kRepeat: repeat(nd.child, nd.a, nd.b); break;
    }
  }

 private:
  // split L1, L2; L1: a; jmp end; L2: split ...; last: z; end:
  void alternation(int32_t first) {
    int32_t jumps_head = -1;  // the jmps to patch, chained through their x
    for (int32_t k = first; k >= 0 && ok_; k = c_->nodes[k].next) {
      const bool last = c_->nodes[k].next < 0;
      int32_t split = -1;
      if (!last) split = emit(kOpSplit, pc() + 1, 0);
      node(k);
      if (!last) {
        const int32_t j = emit(kOpJmp, jumps_head);
        jumps_head = j;
        patch_y(split, pc());
      }
    }
    const int32_t end = pc();
    while (ok_ && jumps_head >= 0) {
      const int32_t next = c_->prog[jumps_head].x;
      patch_x(jumps_head, end);
      jumps_head = next;
    }
  }

  void repeat(int32_t child, int32_t min, int32_t max) {
    for (int32_t i = 0; i < min && ok_; ++i) node(child);
    if (max < 0) {
      // L0: split L1, exit; L1: mark k; child; loop k, exit; jmp L0; exit:
      const int32_t slot = c_->loops++;
      const int32_t l0 = emit(kOpSplit, pc() + 1, 0);
      emit(kOpMark, slot);
      node(child);
      const int32_t loop = emit(kOpLoop, slot, 0);
      emit(kOpJmp, l0);
      patch_y(l0, pc());
      patch_y(loop, pc());
      return;
    }
    // (x(x(x)?)?)?: each split's second branch goes to the common end.
    const int32_t count = max - min;
    int32_t splits_head = -1;  // chained through their y
    for (int32_t i = 0; i < count && ok_; ++i) {
      const int32_t split = emit(kOpSplit, pc() + 1, splits_head);
      splits_head = split;
      node(child);
    }
    const int32_t end = pc();
    while (ok_ && splits_head >= 0) {
      const int32_t next = c_->prog[splits_head].y;
      patch_y(splits_head, end);
      splits_head = next;
    }
  }

  Compiled* c_;
  bool ok_ = true;
};

}  // namespace

int compile(Compiled* c) {
  Emitter e(c);
  e.node(c->root);
  e.emit(kOpMatch);
  return e.ok() ? 0 : kRegEspace;
}

bool inst_matches(const Compiled& c, const Inst& in, unsigned char ch) {
  switch (in.op) {
    case kOpChar:
      if ((c.cflags & kRegIcase) != 0) {
        auto lower = [](int x) { return x >= 'A' && x <= 'Z' ? x - 'A' + 'a' : x; };
        return lower(ch) == lower(in.x);
      }
      return ch == in.x;
    case kOpAny: return ch != '\0' && !((c.cflags & kRegNewline) != 0 && ch == '\n');
    case kOpSet: return c.sets[in.x].has(ch);
    default: return false;
  }
}

bool byte_matches(const Compiled& c, const Node& n, unsigned char ch) {
  const Op op = n.kind == kChar ? kOpChar : n.kind == kAny ? kOpAny : kOpSet;
  return inst_matches(c, Inst{op, n.a, 0}, ch);
}

}  // namespace qrv::libc::re
