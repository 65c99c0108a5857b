// The tokenizer alone: operators (longest match), io numbers, plain words
// (reserved-word candidates), line numbers, and here-document bodies read
// at the newline after their operator once the parser has registered them.
#include "user/qsh/lexer.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "user/qsh/ast_dump.h"

namespace qsh {
namespace {

struct Lexed {
  std::vector<Tok> kinds;
  std::vector<std::string> texts;  // words dumped, operators as written
  std::vector<int> lines;
  ParseStatus status;
};

Lexed lex(const std::string& src) {
  Arena arena;
  ParseContext ctx{};
  ctx.arena = &arena;
  Lexer lexer(ctx, src.data(), src.size(), 1, false);
  Lexed out;
  for (;;) {
    const Token t = lexer.next();
    out.kinds.push_back(t.kind);
    out.lines.push_back(t.line);
    if (t.kind == Tok::kWord) {
      out.texts.push_back(std::string(t.plain ? "=" : "") + dump_word(arena, t.word));
    } else if (t.kind == Tok::kIoNumber) {
      out.texts.push_back("#" + std::to_string(t.io_number));
    } else if (t.kind == Tok::kEnd || t.kind == Tok::kError) {
      break;
    } else {
      out.texts.push_back(std::string(t.src, t.src_len));
    }
  }
  out.status = ctx.status;
  return out;
}

std::vector<std::string> texts(const std::string& src) { return lex(src).texts; }
using V = std::vector<std::string>;

TEST(Lexer, Operators) {
  EXPECT_EQ(texts("a&&b||c;;d;e&f|g"),
            (V{"=a", "&&", "=b", "||", "=c", ";;", "=d", ";", "=e", "&", "=f", "|", "=g"}));
  EXPECT_EQ(texts("<<- << <& <> < >> >& >| > ( )"),
            (V{"<<-", "<<", "<&", "<>", "<", ">>", ">&", ">|", ">", "(", ")"}));
  EXPECT_EQ(texts("a>b<c"), (V{"=a", ">", "=b", "<", "=c"}));
}

TEST(Lexer, IoNumbers) {
  EXPECT_EQ(texts("2>x 10<y 2 >z"), (V{"#2", ">", "=x", "#10", "<", "=y", "=2", ">", "=z"}));
  EXPECT_EQ(texts("a2>x \"2\">y"), (V{"=a2", ">", "=x", "\"2\"", ">", "=y"}));
  EXPECT_EQ(texts("1234567890>x"), (V{"=1234567890", ">", "=x"}));  // too long for an fd
}

TEST(Lexer, PlainWords) {
  EXPECT_EQ(texts("if \"if\" i\\f 'if' $if"), (V{"=if", "\"if\"", "i\\f", "'if'", "${if}"}));
  EXPECT_EQ(texts("{ } ! in"), (V{"={", "=}", "=!", "=in"}));
  EXPECT_EQ(texts("a{b}c"), (V{"=a{b}c"}));
}

TEST(Lexer, Lines) {
  const Lexed l = lex("a\nb \\\n c\n\n'x\ny' d");
  EXPECT_EQ(l.kinds,
            (std::vector<Tok>{Tok::kWord, Tok::kNewline, Tok::kWord, Tok::kWord, Tok::kNewline,
                              Tok::kNewline, Tok::kWord, Tok::kWord, Tok::kEnd}));
  EXPECT_EQ(l.lines, (std::vector<int>{1, 1, 2, 3, 3, 4, 5, 6, 6}));
}

TEST(Lexer, CommentsAndBlanks) {
  EXPECT_EQ(texts("  a\t# b c\nd#e"), (V{"=a", "\n", "=d#e"}));
  EXPECT_EQ(texts("#!/bin/sh\n"), (V{"\n"}));
}

TEST(Lexer, Incomplete) {
  EXPECT_EQ(lex("'abc").status, ParseStatus::kIncomplete);
  EXPECT_EQ(lex("a \\\n").status, ParseStatus::kIncomplete);
  EXPECT_EQ(lex("a \\").status, ParseStatus::kIncomplete);
  EXPECT_EQ(lex("a b").status, ParseStatus::kOk);
}

TEST(Lexer, HereDocumentBodyAtTheNewline) {
  Arena arena;
  ParseContext ctx{};
  ctx.arena = &arena;
  const std::string src = "cat <<A x\nbody $y\nA\nnext";
  Lexer lexer(ctx, src.data(), src.size(), 1, false);
  EXPECT_EQ(lexer.next().kind, Tok::kWord);   // cat
  EXPECT_EQ(lexer.next().kind, Tok::kDLess);  // <<
  const Token delim = lexer.next();
  ASSERT_EQ(delim.kind, Tok::kWord);
  bool quoted = true;
  Word* body = lexer.add_heredoc(delim, false, &quoted);
  ASSERT_NE(body, nullptr);
  EXPECT_FALSE(quoted);
  EXPECT_EQ(lexer.next().kind, Tok::kWord);  // x
  EXPECT_TRUE(body->parts.empty());          // not yet: the line has not ended
  const Token nl = lexer.next();
  EXPECT_EQ(nl.kind, Tok::kNewline);
  EXPECT_EQ(nl.line, 1);
  EXPECT_STREQ(dump_word(arena, body), "\"body ${y}\\n\"");
  const Token next = lexer.next();
  EXPECT_EQ(next.kind, Tok::kWord);
  EXPECT_EQ(next.line, 4);
  EXPECT_EQ(lexer.next().kind, Tok::kEnd);
}

}  // namespace
}  // namespace qsh
