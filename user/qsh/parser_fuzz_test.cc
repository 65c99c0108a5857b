// The parser on hostile text: every prefix of valid scripts, thousands of
// random mutations of them, and random bytes must give a result (never a
// crash, a hang or, under the _asan twin, a leak or an out-of-bounds read),
// and the three outcomes must agree with each other: a text that parses
// parses the same when known to be complete, an error stays the same error,
// and what is incomplete is never incomplete once known to be complete.

#include <gtest/gtest.h>
#include <stdint.h>
#include <stdio.h>

#include <string>
#include <vector>

#include "user/qsh/ast_dump.h"
#include "user/qsh/parser.h"

namespace qsh {
namespace {

const char* const kCorpus[] = {
    "echo hello world | wc -l && echo ok || echo no; sleep 1 &\n",
    "x=1 y=\"a b\" cmd 'q' \"$x\" \\$y ${z:-def} ${#x} ${x%%.*} >out 2>&1 <in\n",
    "if a; then b; elif c; then d; else e; fi\nwhile x; do y; done\nuntil z; do w; done\n",
    "for i in a \"b c\" $(ls); do echo \"$i\"; done\nfor j; do :; done\n",
    "case $x in a|b) echo ab;; (c) echo c;; *) ;; esac\n",
    "f() { echo \"$@\"; return 1; } >log\ng() (cd /; pwd)\n",
    "cat <<EOF; cat <<-'E2'\nhello $name `date`\nEOF\n\tquoted $x\n\tE2\necho after\n",
    "echo $(echo \")\") $(case x in x) echo;; esac) `echo \\`inner\\``\n",
    "echo $((1 + $x * (2 - 3))) \"$(( y ))\" ${x:+\"alt $y\"} ${x:?oops}\n",
    "! a | b; { c; d & } 2>/dev/null; (e; f) | g\n",
    "a \\\n  b # comment\n# whole line\n\necho '#' \"\\\"\" \\#\n",
    "x=$(cat <<E\nin $(sub)\nE\n)\necho \"${x#\"$p\"}\" ${10} $@ $* $? $$ $! $- $0\n",
    "echo $((cd /; ls) | wc) $((1+(2))) \"$((x))\" $(( $(a) + `b` ))\n",
};

// Bits of syntax mutations splice in.
const char* const kPieces[] = {
    "'",     "\"",    "`",     "\\",     "\\\n", "$",    "${",    "}",    "$(",   ")",    "$((",
    "))",    "(",     "{ ",    " }",     ";",    ";;",   "&",     "&&",   "|",    "||",   "<",
    ">",     "<<",    "<<-",   ">&",     "<&",   "2>",   "\n",    " ",    "#",    "if ",  "then ",
    "else ", "elif ", "fi",    "while ", "do ",  "done", "case ", " in ", "esac", "for ", "!",
    "=",     "EOF\n", "${x:-", "${#",    "%%",   "*",    "\t",    "x()",
};

class Rng {
 public:
  explicit Rng(uint64_t seed) : s_(seed) {}
  uint64_t next() {
    s_ ^= s_ << 13;
    s_ ^= s_ >> 7;
    s_ ^= s_ << 17;
    return s_;
  }
  size_t below(size_t n) { return n == 0 ? 0 : static_cast<size_t>(next() % n); }

 private:
  uint64_t s_;
};

std::string mutate(Rng& rng, std::string s) {
  const int edits = 1 + static_cast<int>(rng.below(4));
  for (int e = 0; e < edits; ++e) {
    const size_t at = rng.below(s.size() + 1);
    switch (rng.below(6)) {
      case 0:  // delete a range
        s.erase(at, rng.below(8));
        break;
      case 1:  // insert a piece of syntax
        s.insert(at, kPieces[rng.below(sizeof kPieces / sizeof kPieces[0])]);
        break;
      case 2:  // insert a random byte (NUL and high bytes included)
        s.insert(at, 1, static_cast<char>(rng.below(256)));
        break;
      case 3: {  // duplicate a range
        const std::string part = s.substr(at, rng.below(16));
        s.insert(rng.below(s.size() + 1), part);
        break;
      }
      case 4:  // truncate
        s.resize(at);
        break;
      default:  // splice in a piece of another script
        s.insert(at, std::string(kCorpus[rng.below(sizeof kCorpus / sizeof kCorpus[0])])
                         .substr(rng.below(40), rng.below(40)));
        break;
    }
  }
  return s;
}

int lines_of(const std::string& s) {
  int n = 1;
  for (char c : s) n += c == '\n';
  return n;
}

// Parses s open and closed and checks the two results agree.
ParseStatus check(const std::string& s) {
  Arena open_arena;
  Arena closed_arena;
  // The text is copied to a buffer of exactly its size, so ASan sees any
  // read past the end.
  std::vector<char> buf(s.begin(), s.end());
  const char* text = buf.empty() ? nullptr : buf.data();
  const ParseResult open = parse(open_arena, text, buf.size());
  const ParseResult closed = parse(closed_arena, text, buf.size(), true);
  EXPECT_NE(closed.status, ParseStatus::kIncomplete) << s;
  switch (open.status) {
    case ParseStatus::kOk: {
      EXPECT_NE(open.program, nullptr);
      const char* d = dump(open_arena, open.program);
      EXPECT_NE(d, nullptr);
      EXPECT_EQ(closed.status, ParseStatus::kOk) << s;
      if (closed.status == ParseStatus::kOk && d != nullptr) {
        EXPECT_STREQ(d, dump(closed_arena, closed.program)) << s;
      }
      break;
    }
    case ParseStatus::kError:
      EXPECT_EQ(std::string(open.message).substr(0, 5), "qsh: ") << s;
      EXPECT_GE(open.line, 1) << s;
      EXPECT_LE(open.line, lines_of(s)) << s;
      EXPECT_EQ(closed.status, ParseStatus::kError) << s;
      if (closed.status == ParseStatus::kError) {
        EXPECT_STREQ(open.message, closed.message) << s;
      }
      break;
    case ParseStatus::kIncomplete:
      // Closed, an error; or kOk where the text ends in a backslash-newline or
      // in a here-document, which the end of a complete text just ends.
      break;
  }
  return open.status;
}

TEST(ParserFuzz, CorpusParses) {
  for (const char* c : kCorpus) EXPECT_EQ(check(c), ParseStatus::kOk) << c;
}

TEST(ParserFuzz, EveryPrefix) {
  for (const char* c : kCorpus) {
    const std::string s = c;
    for (size_t n = 0; n <= s.size(); ++n) check(s.substr(0, n));
  }
}

TEST(ParserFuzz, Mutations) {
  Rng rng(0x9e3779b97f4a7c15ull);
  int counts[3] = {};
  for (int i = 0; i < 20000; ++i) {
    std::string s = kCorpus[rng.below(sizeof kCorpus / sizeof kCorpus[0])];
    const int rounds = 1 + static_cast<int>(rng.below(3));
    for (int r = 0; r < rounds; ++r) s = mutate(rng, s);
    ++counts[static_cast<int>(check(s))];
    if (HasFailure()) break;
  }
  // The mutations reach all three outcomes.
  EXPECT_GT(counts[static_cast<int>(ParseStatus::kOk)], 500);
  EXPECT_GT(counts[static_cast<int>(ParseStatus::kIncomplete)], 500);
  EXPECT_GT(counts[static_cast<int>(ParseStatus::kError)], 500);
}

TEST(ParserFuzz, RandomBytes) {
  Rng rng(42);
  const char kAlphabet[] = "ab $'\"`\\(){};&|<>#\n\t=!*-:?+%0123456789\x01\xff";
  for (int i = 0; i < 5000; ++i) {
    std::string s(rng.below(64), ' ');
    for (char& c : s) c = kAlphabet[rng.below(sizeof kAlphabet - 1)];
    check(s);
    if (HasFailure()) break;
  }
}

TEST(ParserFuzz, LargeInputs) {
  std::string lines;
  for (int i = 0; i < 10000; ++i) lines += "echo \"$i\" | grep x && y=$(z) || w\n";
  std::string word(1 << 20, 'a');
  std::string pipe = "a";
  for (int i = 0; i < 50000; ++i) pipe += " | a";
  std::string heredoc = "cat <<E\n";
  for (int i = 0; i < 10000; ++i) heredoc += "line $x `y` and more text\n";
  heredoc += "E\n";
  for (const std::string* s : {&lines, &word, &pipe, &heredoc}) {
    Arena arena;
    const ParseResult r = parse(arena, s->data(), s->size());
    EXPECT_EQ(r.status, ParseStatus::kOk) << s->substr(0, 40) << (r.message ? r.message : "");
    // Memory grows linearly: a simple command takes ~300 bytes of tree, so a
    // dense script up to ~70 bytes per byte of text.
    EXPECT_LT(arena.bytes(), 80 * s->size() + Arena::kChunk) << s->substr(0, 40);
    printf("%zu bytes of text: %zu bytes of tree\n", s->size(), arena.bytes());
  }
}

TEST(ParserFuzz, HugeAllocationsFail) {
  Arena arena;
  EXPECT_EQ(arena.alloc(SIZE_MAX), nullptr);
  EXPECT_EQ(arena.alloc(SIZE_MAX - 8), nullptr);
  EXPECT_EQ(arena.make_array<uint64_t>(SIZE_MAX / 4), nullptr);
  EXPECT_EQ(arena.dup("x", SIZE_MAX), nullptr);
  EXPECT_NE(arena.alloc(100000), nullptr);  // bigger than a chunk: a chunk of its own
  char* small = static_cast<char*>(arena.alloc(10));
  ASSERT_NE(small, nullptr);
  EXPECT_EQ(small[0], 0);
  EXPECT_EQ(reinterpret_cast<uintptr_t>(small) % 16, 0u);
}

TEST(ParserFuzz, OutOfMemoryIsAnError) {
  std::string big;
  for (int i = 0; i < 2000; ++i) big += "echo \"$x\" $(a | b) ${y:-z} >f; ";
  for (size_t limit : {size_t{0}, size_t{1000}, size_t{20000}, size_t{100000}}) {
    Arena arena;
    arena.set_limit(limit);
    const ParseResult r = parse(arena, big.data(), big.size());
    EXPECT_EQ(r.status, ParseStatus::kError) << limit;
    EXPECT_STREQ(r.message, "qsh: out of memory") << limit;
  }
  Arena arena;
  const ParseResult r = parse(arena, big.data(), big.size());
  EXPECT_EQ(r.status, ParseStatus::kOk);
  EXPECT_EQ(r.program->items.size(), 2000u);
}

}  // namespace
}  // namespace qsh
