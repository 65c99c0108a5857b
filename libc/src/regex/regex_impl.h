// The compiled form of a regular expression, shared by the parser
// (parse.cc), the NFA compiler (compile.cc) and the matchers: the syntax
// tree (for POSIX submatches, submatch.cc), and the NFA program (for the
// Pike VM, pike.cc, and the back-reference backtracker, backtrack.cc).
// Everything lives in malloc'd arrays that regfree releases; sizes are
// capped so that no pattern can make compilation or matching blow up.
#pragma once

#include <stddef.h>
#include <stdint.h>

#include "libc/src/malloc/malloc_api.h"

namespace qrv::libc::re {

inline constexpr int kMaxNodes = 20000;      // syntax-tree nodes
inline constexpr int kMaxInsts = 200000;     // NFA instructions (intervals expand)
inline constexpr int kMaxDepth = 64;         // nested groups and stacked repetitions
inline constexpr int kMaxSub = 10000;        // groups
inline constexpr long kBacktrackSteps = 2000000;  // back-reference search budget
inline constexpr int kMaxChoices = 250000;        // its pending choices and undo records
inline constexpr long kSubmatchWork = 50000000;   // submatch.cc's budget, in 64-bit words

// A growable array of trivially copyable T in libc's malloc.
template <typename T>
struct Vec {
  T* data = nullptr;
  int size = 0;
  int cap = 0;
  bool push(const T& v) {
    if (size == cap) {
      const int n = cap == 0 ? 16 : cap * 2;
      void* p = realloc(data, static_cast<size_t>(n) * sizeof(T));
      if (p == nullptr) return false;
      data = static_cast<T*>(p);
      cap = n;
    }
    data[size++] = v;
    return true;
  }
  void release() {
    free(data);
    data = nullptr;
    size = cap = 0;
  }
  T& operator[](int i) { return data[i]; }
  const T& operator[](int i) const { return data[i]; }
};

// A set of bytes.
struct ByteSet {
  uint64_t w[4];
  bool has(unsigned char c) const { return (w[c >> 6] >> (c & 63)) & 1; }
  void add(unsigned char c) { w[c >> 6] |= uint64_t{1} << (c & 63); }
};

enum NodeKind : uint8_t {
  kEmpty,    // matches the empty string
  kChar,     // a: the byte
  kAny,      // . (not \n under REG_NEWLINE)
  kSet,      // a: index into sets
  kBol,      // ^
  kEol,      // $
  kBackref,  // a: the group number
  kGroup,    // a: the group number; child
  kConcat,   // children
  kAlt,      // children
  kRepeat,   // a: min, b: max (-1: no bound); child
};

struct Node {
  NodeKind kind;
  bool has_group;  // a group inside (submatch.cc need not look further if not)
  uint8_t depth;   // of the tree below, to bound the recursion of its walkers
  int32_t a, b;
  int32_t child;  // first child, -1 if none
  int32_t next;   // next sibling, -1 if none
  int32_t first_group, last_group;  // the groups inside (numbered in order), if has_group
};

enum Op : uint8_t {
  kOpChar,     // x: byte
  kOpAny,
  kOpSet,      // x: set
  kOpBol,
  kOpEol,
  kOpSplit,    // x first (preferred), y second
  kOpJmp,      // x
  kOpSave,     // x: slot (2*group, 2*group+1)
  kOpBackref,  // x: group
  kOpMark,     // x: loop slot := position
  kOpLoop,     // x: loop slot, y: where to go when the iteration consumed nothing; else next
  kOpMatch,
};

struct Inst {
  Op op;
  int32_t x, y;
};

struct Compiled {
  int cflags;
  size_t nsub;
  bool has_backref;
  Vec<Node> nodes;
  int32_t root;
  Vec<ByteSet> sets;
  Vec<Inst> prog;
  int loops;                // loop slots the program uses
  Vec<uint8_t> in_repeat;   // in_repeat[g]: group g lies inside a repetition
  Vec<int32_t> parent;      // parent[g]: the group directly around group g, 0 if none
};

// The subject of one regexec.
struct Subject {
  const unsigned char* s;
  long len;
  int cflags;
  int eflags;
  bool at_bol(long p) const;
  bool at_eol(long p) const;
  bool eq(unsigned char a, unsigned char b) const;  // REG_ICASE aware
};

// parse.cc: builds c->nodes, c->sets, c->root, c->nsub, c->in_repeat, c->parent. 0 or a REG_ error.
int parse(Compiled* c, const char* pattern);
// compile.cc: builds c->prog from the tree. 0 or REG_ESPACE.
int compile(Compiled* c);
// True if a node's byte test accepts c.
bool byte_matches(const Compiled& c, const Node& n, unsigned char ch);
bool inst_matches(const Compiled& c, const Inst& in, unsigned char ch);

// pike.cc: the leftmost-longest match, without submatches. 1 found
// (*so, *eo), 0 none, or -REG_ESPACE.
int pike(const Compiled& c, const Subject& sub, long* so, long* eo);
// backtrack.cc: leftmost-longest with back-references; slots gets 2*(nsub+1)
// offsets. 1 found, 0 none, -REG_ESPACE when over budget or out of memory.
int backtrack(const Compiled& c, const Subject& sub, long* slots);
// submatch.cc: the POSIX submatches of a match [so, eo) that pike found;
// slots as backtrack's. 0 or REG_ESPACE.
int submatch(const Compiled& c, const Subject& sub, long so, long eo, long* slots);

}  // namespace qrv::libc::re
