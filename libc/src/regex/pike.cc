// The Pike VM: all threads of the NFA advance together, one byte at a time,
// so a match costs O(subject x program) whatever the pattern. It finds the
// POSIX whole match, leftmost then longest: threads are kept in order of
// their start, so when two reach the same instruction at the same place the
// earlier start keeps it (the later one cannot do better); new starts are
// seeded only until a match is found, and every end is considered.
#include "libc/src/regex/regex_api.h"
#include "libc/src/regex/regex_impl.h"

namespace qrv::libc::re {
namespace {

struct Thread {
  int32_t pc;
  long start;
};

class Pike {
 public:
  Pike(const Compiled& c, const Subject& sub) : c_(c), sub_(sub), n_(c.prog.size) {}
  ~Pike() {
    free(cur_);
    free(next_);
    free(stack_);
    free(seen_);
  }

  int run(long* so, long* eo) {
    const size_t n = static_cast<size_t>(n_);
    cur_ = static_cast<Thread*>(malloc(n * sizeof(Thread)));
    next_ = static_cast<Thread*>(malloc(n * sizeof(Thread)));
    stack_ = static_cast<int32_t*>(malloc(n * sizeof(int32_t)));
    seen_ = static_cast<long*>(malloc(n * sizeof(long)));
    if (cur_ == nullptr || next_ == nullptr || stack_ == nullptr || seen_ == nullptr) return -kRegEspace;
    for (int32_t i = 0; i < n_; ++i) seen_[i] = -1;
    int ncur = 0;
    for (long pos = 0;; ++pos) {
      if (best_so_ < 0) add(cur_, &ncur, 0, pos, pos);  // a new start, after all earlier ones
      if (pos == sub_.len || (ncur == 0 && best_so_ >= 0)) break;
      if (ncur == 0) continue;
      const unsigned char ch = sub_.s[pos];
      int nnext = 0;
      for (int i = 0; i < ncur; ++i) {
        const Thread t = cur_[i];
        if (best_so_ >= 0 && t.start > best_so_) continue;
        if (inst_matches(c_, c_.prog[t.pc], ch)) add(next_, &nnext, t.pc + 1, t.start, pos + 1);
      }
      Thread* swap = cur_;
      cur_ = next_;
      next_ = swap;
      ncur = nnext;
    }
    if (best_so_ < 0) return 0;
    *so = best_so_;
    *eo = best_eo_;
    return 1;
  }

 private:
  // The closure of pc at pos: its byte-consuming instructions join list;
  // a Match is a candidate. seen_ holds, per instruction, the last
  // position it was reached at, so each is taken once per position.
  void add(Thread* list, int* count, int32_t pc0, long start, long pos) {
    int sp = 0;
    auto push = [&](int32_t pc) {
      if (seen_[pc] == pos) return;
      seen_[pc] = pos;
      stack_[sp++] = pc;
    };
    push(pc0);
    while (sp > 0) {
      const int32_t pc = stack_[--sp];
      const Inst& in = c_.prog[pc];
      switch (in.op) {
        case kOpChar:
        case kOpAny:
        case kOpSet: list[(*count)++] = Thread{pc, start}; break;
        case kOpBol:
          if (sub_.at_bol(pos)) push(pc + 1);
          break;
        case kOpEol:
          if (sub_.at_eol(pos)) push(pc + 1);
          break;
        case kOpSplit:
          push(in.y);
          push(in.x);
          break;
        case kOpJmp: push(in.x); break;
        case kOpSave:
        case kOpMark:
        case kOpLoop: push(pc + 1); break;
        case kOpBackref: break;  // patterns with back-references go to backtrack.cc
        case kOpMatch:
          if (best_so_ < 0 || start < best_so_ || (start == best_so_ && pos > best_eo_)) {
            best_so_ = start;
            best_eo_ = pos;
          }
          break;
      }
    }
  }

  const Compiled& c_;
  const Subject& sub_;
  int32_t n_;
  Thread* cur_ = nullptr;
  Thread* next_ = nullptr;
  int32_t* stack_ = nullptr;
  long* seen_ = nullptr;
  long best_so_ = -1;
  long best_eo_ = -1;
};

}  // namespace

int pike(const Compiled& c, const Subject& sub, long* so, long* eo) {
  Pike p(c, sub);
  return p.run(so, eo);
}

}  // namespace qrv::libc::re
