// Matching with back-references, which no automaton can do: a depth-first
// search over the NFA program with an explicit stack (no recursion) and an
// undo log for the capture slots. For each start, every path is explored
// to find the longest match (the first path to reach it gives the
// submatches); the total work is capped at kBacktrackSteps, past which the
// answer is REG_ESPACE rather than a hang.
#include "libc/src/regex/regex_api.h"
#include "libc/src/regex/regex_impl.h"

namespace qrv::libc::re {
namespace {

struct Choice {
  int32_t pc;
  long pos;
  int log;  // the undo log's size when the choice was made
};

struct Undo {
  int32_t slot;
  long old;
};

class Backtracker {
 public:
  Backtracker(const Compiled& c, const Subject& sub) : c_(c), sub_(sub) {}
  ~Backtracker() {
    free(slots_);
    free(best_);
    stack_.release();
    log_.release();
  }

  int run(long* out) {
    ncap_ = 2 * (static_cast<int32_t>(c_.nsub) + 1);
    nslots_ = ncap_ + c_.loops;
    slots_ = static_cast<long*>(malloc(static_cast<size_t>(nslots_) * sizeof(long)));
    best_ = static_cast<long*>(malloc(static_cast<size_t>(ncap_) * sizeof(long)));
    if (slots_ == nullptr || best_ == nullptr) return -kRegEspace;
    for (long start = 0; start <= sub_.len; ++start) {
      const int r = from(start);
      if (r != 0) {
        if (r > 0) {
          for (int32_t i = 0; i < ncap_; ++i) out[i] = best_[i];
          out[0] = start;
        }
        return r;
      }
    }
    return 0;
  }

 private:
  bool set(int32_t slot, long value) {
    if (log_.size >= kMaxChoices || !log_.push(Undo{slot, slots_[slot]})) return false;
    slots_[slot] = value;
    return true;
  }

  // 1: the longest match from start is in best_; 0: none; -REG_ESPACE.
  int from(long start) {
    for (int32_t i = 0; i < nslots_; ++i) slots_[i] = -1;
    long best_end = -1;
    stack_.size = 0;
    log_.size = 0;
    if (!stack_.push(Choice{0, start, 0})) return -kRegEspace;
    while (stack_.size > 0) {
      const Choice ch = stack_[--stack_.size];
      while (log_.size > ch.log) {
        const Undo u = log_[--log_.size];
        slots_[u.slot] = u.old;
      }
      int32_t pc = ch.pc;
      long pos = ch.pos;
      for (bool alive = true; alive;) {
        if (++steps_ > kBacktrackSteps) return -kRegEspace;
        const Inst& in = c_.prog[pc];
        switch (in.op) {
          case kOpChar:
          case kOpAny:
          case kOpSet:
            alive = pos < sub_.len && inst_matches(c_, in, sub_.s[pos]);
            ++pc;
            ++pos;
            break;
          case kOpBol:
            alive = sub_.at_bol(pos);
            ++pc;
            break;
          case kOpEol:
            alive = sub_.at_eol(pos);
            ++pc;
            break;
          case kOpSplit:
            if (stack_.size >= kMaxChoices || !stack_.push(Choice{in.y, pos, log_.size})) return -kRegEspace;
            pc = in.x;
            break;
          case kOpJmp: pc = in.x; break;
          case kOpSave:
          case kOpMark:
            if (!set(in.op == kOpSave ? in.x : ncap_ + in.x, pos)) return -kRegEspace;
            ++pc;
            break;
          case kOpLoop: pc = slots_[ncap_ + in.x] == pos ? in.y : pc + 1; break;
          case kOpBackref: {
            const long so = slots_[2 * in.x], eo = slots_[2 * in.x + 1];
            alive = so >= 0 && eo >= so && eo - so <= sub_.len - pos;
            for (long k = 0; alive && k < eo - so; ++k) alive = sub_.eq(sub_.s[so + k], sub_.s[pos + k]);
            if (alive) pos += eo - so;
            ++pc;
            break;
          }
          case kOpMatch:
            if (pos > best_end) {
              best_end = pos;
              for (int32_t i = 0; i < ncap_; ++i) best_[i] = slots_[i];
              best_[1] = pos;
              if (pos == sub_.len) return 1;  // nothing can be longer
            }
            alive = false;
            break;
        }
      }
    }
    return best_end >= 0 ? 1 : 0;
  }

  const Compiled& c_;
  const Subject& sub_;
  int32_t ncap_ = 0, nslots_ = 0;
  long* slots_ = nullptr;
  long* best_ = nullptr;
  long steps_ = 0;
  Vec<Choice> stack_;
  Vec<Undo> log_;
};

}  // namespace

int backtrack(const Compiled& c, const Subject& sub, long* slots) {
  Backtracker b(c, sub);
  return b.run(slots);
}

}  // namespace qrv::libc::re
