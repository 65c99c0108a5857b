// POSIX submatches of a whole match [so, eo) (pike.cc found it), by the
// rule "each subpattern, left to right, matches the longest it can
// consistent with the whole match": walking the syntax tree, each element
// of a concatenation (and each iteration of a repetition) takes the
// longest extent after which the rest can still end at the required
// place. Which extents are possible comes from sets of positions (bitsets
// over the match): ends(x, S), the positions x can end at from a start in
// S, and starts(x, T), the positions from which x can end in T; both are
// polynomial (a repetition is a fixpoint), and the work is capped at
// kSubmatchWork, past which the answer is REG_ESPACE. A group reports its
// last iteration only; groups inside an iteration are reset at its start.
#include "libc/src/regex/regex_api.h"
#include "libc/src/regex/regex_impl.h"

namespace qrv::libc::re {
namespace {

// A set of positions 0..n-1 of the match (position p is so + p).
class Bits {
 public:
  Bits() = default;
  Bits(const Bits&) = delete;
  Bits& operator=(const Bits&) = delete;
  ~Bits() { free(w_); }

  bool init(long n) {
    nw_ = (n + 63) / 64;
    w_ = static_cast<uint64_t*>(calloc(static_cast<size_t>(nw_ == 0 ? 1 : nw_), sizeof(uint64_t)));
    return w_ != nullptr;
  }
  long words() const { return nw_; }
  bool get(long p) const { return (w_[p >> 6] >> (p & 63)) & 1; }
  void set(long p) { w_[p >> 6] |= uint64_t{1} << (p & 63); }
  void clear() {
    for (long i = 0; i < nw_; ++i) w_[i] = 0;
  }
  void copy(const Bits& o) {
    for (long i = 0; i < nw_; ++i) w_[i] = o.w_[i];
  }
  void add(const Bits& o) {
    for (long i = 0; i < nw_; ++i) w_[i] |= o.w_[i];
  }
  void keep(const Bits& o) {
    for (long i = 0; i < nw_; ++i) w_[i] &= o.w_[i];
  }
  void remove(const Bits& o) {
    for (long i = 0; i < nw_; ++i) w_[i] &= ~o.w_[i];
  }
  bool any() const {
    for (long i = 0; i < nw_; ++i) {
      if (w_[i] != 0) return true;
    }
    return false;
  }
  long highest() const {
    for (long i = nw_ - 1; i >= 0; --i) {
      if (w_[i] == 0) continue;
      for (long b = 63; b >= 0; --b) {
        if ((w_[i] >> b) & 1) return i * 64 + b;
      }
    }
    return -1;
  }
  // The next member at or after p, or -1.
  long next(long p) const {
    for (long i = p >> 6; i < nw_; ++i) {
      uint64_t word = w_[i];
      if (i == (p >> 6)) word &= ~uint64_t{0} << (p & 63);
      if (word == 0) continue;
      long b = 0;
      while (((word >> b) & 1) == 0) ++b;
      return i * 64 + b;
    }
    return -1;
  }
  void swap(Bits& o) {
    uint64_t* t = w_;
    w_ = o.w_;
    o.w_ = t;
  }

 private:
  uint64_t* w_ = nullptr;
  long nw_ = 0;
};

class Submatcher {
 public:
  Submatcher(const Compiled& c, const Subject& sub, long so, long eo, long* slots)
      : c_(c), sub_(sub), so_(so), n_(eo - so + 1), slots_(slots) {}

  int run() {
    if (!fill(c_.root, 0, n_ - 1)) return kRegEspace;
    return 0;
  }

 private:
  const Node& node(int32_t n) const { return c_.nodes[n]; }

  bool make(Bits* b) {
    if (!b->init(n_)) return false;
    return charge(b->words());
  }
  bool charge(long words) {
    work_ += words + 1;
    return work_ <= kSubmatchWork;
  }
  bool single(Bits* b, long p) {
    if (!make(b)) return false;
    b->set(p);
    return true;
  }

  // out := ends(n, in) when forward, else starts(n, in).
  bool step(int32_t n, const Bits& in, Bits* out, bool forward) {
    const Node& nd = node(n);
    if (!charge(in.words())) return false;
    switch (nd.kind) {
      case kChar:
      case kAny:
      case kSet:
        out->clear();
        for (long p = in.next(0); p >= 0; p = in.next(p + 1)) {
          const long q = forward ? p + 1 : p - 1;
          if (q < 0 || q >= n_) continue;
          if (byte_matches(c_, nd, sub_.s[so_ + (forward ? p : q)])) out->set(q);
        }
        return true;
      case kBol:
      case kEol:
        out->clear();
        for (long p = in.next(0); p >= 0; p = in.next(p + 1)) {
          if (nd.kind == kBol ? sub_.at_bol(so_ + p) : sub_.at_eol(so_ + p)) out->set(p);
        }
        return true;
      case kEmpty:
      case kBackref:  // never here: such patterns are matched by backtrack.cc
        out->copy(in);
        return true;
      case kGroup: return step(nd.child, in, out, forward);
      case kAlt: {
        Bits t;
        if (!make(&t)) return false;
        out->clear();
        for (int32_t k = nd.child; k >= 0; k = node(k).next) {
          if (!step(k, in, &t, forward)) return false;
          out->add(t);
        }
        return true;
      }
      case kConcat: return concat(nd.child, in, out, forward);
      case kRepeat: return repeat(nd.child, nd.a, nd.b, in, out, forward);
    }
    return false;
  }

  // The children of a concatenation, in a malloc'd array (*count of them).
  int32_t* children(int32_t first, int32_t* count) {
    *count = 0;
    for (int32_t k = first; k >= 0; k = node(k).next) ++*count;
    auto* kids = static_cast<int32_t*>(malloc(static_cast<size_t>(*count + 1) * sizeof(int32_t)));
    if (kids == nullptr || !charge(*count)) {
      free(kids);
      return nullptr;
    }
    int32_t i = 0;
    for (int32_t k = first; k >= 0; k = node(k).next) kids[i++] = k;
    return kids;
  }

  bool concat(int32_t first, const Bits& in, Bits* out, bool forward) {
    Bits t;
    if (!make(&t)) return false;
    out->copy(in);
    if (forward) {
      for (int32_t k = first; k >= 0; k = node(k).next) {
        if (!step(k, *out, &t, true)) return false;
        out->swap(t);
      }
      return true;
    }
    int32_t count = 0;
    int32_t* kids = children(first, &count);
    bool ok = kids != nullptr;
    for (int32_t i = count - 1; ok && i >= 0; --i) {
      ok = step(kids[i], *out, &t, false);
      out->swap(t);
    }
    free(kids);
    return ok;
  }

  bool repeat(int32_t child, int32_t min, int32_t max, const Bits& in, Bits* out, bool forward) {
    Bits cur, t;
    if (!make(&cur) || !make(&t)) return false;
    cur.copy(in);
    for (int32_t i = 0; i < min; ++i) {
      if (!step(child, cur, &t, forward)) return false;
      cur.swap(t);
      if (!cur.any()) break;
    }
    out->copy(cur);
    for (int32_t i = min; max < 0 || i < max; ++i) {
      if (!step(child, cur, &t, forward)) return false;
      if (max < 0) t.remove(*out);  // unbounded: only what is new can lead further
      if (!t.any()) break;
      out->add(t);
      cur.swap(t);
    }
    return true;
  }

  void reset_groups(const Node& nd) {
    if (!nd.has_group) return;
    for (int32_t g = nd.first_group; g <= nd.last_group; ++g) slots_[2 * g] = slots_[2 * g + 1] = -1;
  }

  // The longest end e of child from cur with e in allowed; -1 if none.
  long longest(int32_t child, long cur, const Bits& allowed) {
    Bits s, e;
    if (!single(&s, cur) || !make(&e) || !step(child, s, &e, true)) return -2;
    e.keep(allowed);
    return e.highest();
  }

  // Sets the submatches inside n, which matches [i, j] (some way).
  bool fill(int32_t n, long i, long j) {
    const Node& nd = node(n);
    if (!nd.has_group) return true;
    switch (nd.kind) {
      case kGroup:
        slots_[2 * nd.a] = so_ + i;
        slots_[2 * nd.a + 1] = so_ + j;
        return fill(nd.child, i, j);
      case kAlt: {
        Bits s, e;
        if (!single(&s, i) || !make(&e)) return false;
        // The first alternative that can match [i, j] and has a group: a
        // group that takes part beats one that does not (the lowest
        // numbered group decides, and alternatives number theirs in order).
        for (int32_t k = nd.child; k >= 0; k = node(k).next) {
          if (!node(k).has_group) continue;
          if (!step(k, s, &e, true)) return false;
          if (e.get(j)) return fill(k, i, j);
        }
        return true;
      }
      case kConcat: return fill_concat(nd.child, i, j);
      case kRepeat: return fill_repeat(nd, i, j);
      default: return true;
    }
  }

  // rest[t]: where children t.. can start and end at j, for t up to the
  // child after the last with a group (later ones are only walked).
  bool fill_concat(int32_t first, long i, long j) {
    int32_t count = 0;
    int32_t* kids = children(first, &count);
    if (kids == nullptr) return false;
    int32_t last = 0;
    for (int32_t t = 0; t < count; ++t) {
      if (node(kids[t]).has_group) last = t;
    }
    auto* rest = static_cast<Bits*>(calloc(static_cast<size_t>(last + 2), sizeof(Bits)));  // zeroed Bits are empty
    bool ok = rest != nullptr;
    Bits cur, t;
    ok = ok && single(&cur, j) && make(&t);
    for (int32_t k = count - 1; ok && k > last; --k) {
      ok = step(kids[k], cur, &t, false);
      cur.swap(t);
    }
    for (int32_t k = last + 1; ok && k >= 1; --k) {
      ok = make(&rest[k]);
      if (!ok) break;
      rest[k].copy(cur);
      if (k == 1) break;
      ok = step(kids[k - 1], cur, &t, false);
      cur.swap(t);
    }
    long at = i;
    for (int32_t k = 0; ok && k <= last; ++k) {
      const long m = longest(kids[k], at, rest[k + 1]);
      ok = m >= 0 && fill(kids[k], at, m);
      at = m;
    }
    if (rest != nullptr) {
      for (int32_t k = 0; k < last + 2; ++k) rest[k].~Bits();
    }
    free(rest);
    free(kids);
    return ok;
  }

  // sets[k] = starts(child^k, {j}) for k < count, grown on demand.
  struct Table {
    Bits* sets = nullptr;
    int32_t count = 0;
    ~Table() {
      for (int32_t k = 0; k < count; ++k) sets[k].~Bits();
      free(sets);
    }
  };
  static constexpr long kTableWords = 1L << 19;

  // out := the union of table sets min..max, filling the table to max.
  bool table_rest(int32_t child, const Bits& end, int32_t min, int32_t max, Table* t, Bits* out) {
    if (t->sets == nullptr) {
      t->sets = static_cast<Bits*>(calloc(static_cast<size_t>(max) + 1, sizeof(Bits)));  // zeroed Bits are empty
      if (t->sets == nullptr) return false;
    }
    while (t->count <= max) {
      Bits& b = t->sets[t->count];
      if (!make(&b)) return false;
      ++t->count;
      if (t->count == 1) {
        b.copy(end);
      } else if (!step(child, t->sets[t->count - 2], &b, false)) {
        return false;
      }
    }
    out->clear();
    for (int32_t k = min; k <= max; ++k) {
      if (!charge(out->words())) return false;
      out->add(t->sets[k]);
    }
    return true;
  }

  bool fill_repeat(const Node& nd, long i, long j) {
    const Node& child = node(nd.child);
    long cur = i;
    Bits end, rest;
    if (!single(&end, j) || !make(&rest)) return false;
    bool rest_fixed = false;  // rest no longer depends on the count
    // A bounded repetition's rest, for each count, from one table of
    // starts(child^k, {j}) (if it is not too big).
    Table table;
    const bool table_ok = nd.b >= 0 && static_cast<long>(nd.b + 1) * rest.words() <= kTableWords;
    for (int32_t d = 0;; ++d) {
      if (cur == j && d >= nd.a) {
        if (d == 0) {
          // As glibc: a repetition that matched empty reports one empty iteration, if it can.
          const long m = longest(nd.child, cur, end);
          if (m == -2) return false;
          if (m == cur) {
            reset_groups(child);
            return fill(nd.child, cur, cur);
          }
        }
        return true;
      }
      if (nd.b >= 0 && d >= nd.b) return true;
      const int32_t rest_min = nd.a - d - 1 > 0 ? nd.a - d - 1 : 0;
      const int32_t rest_max = nd.b < 0 ? -1 : nd.b - d - 1;
      if (!rest_fixed) {
        if (rest_max >= 0 && table_ok) {
          if (!table_rest(nd.child, end, rest_min, rest_max, &table, &rest)) return false;
        } else if (!repeat(nd.child, rest_min, rest_max, end, &rest, false)) {
          return false;
        }
        rest_fixed = rest_max < 0 && rest_min == 0;
      }
      const long m = longest(nd.child, cur, rest);
      if (m < 0) return false;
      reset_groups(child);
      if (!fill(nd.child, cur, m)) return false;
      if (m == cur && d + 1 >= nd.a) return true;
      cur = m;
    }
  }

  const Compiled& c_;
  const Subject& sub_;
  long so_;
  long n_;  // positions in the match: eo - so + 1
  long* slots_;
  long work_ = 0;
};

}  // namespace

int submatch(const Compiled& c, const Subject& sub, long so, long eo, long* slots) {
  Submatcher m(c, sub, so, eo, slots);
  return m.run();
}

}  // namespace qrv::libc::re
