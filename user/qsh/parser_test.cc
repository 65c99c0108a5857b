// The parser, construct by construct, compared through the AST dump: what
// each piece of POSIX shell syntax parses into, what is incomplete (asks for
// a continuation line) and what is a syntax error, with its line.
#include "user/qsh/parser.h"

#include <gtest/gtest.h>

#include <string>

#include "user/qsh/ast_dump.h"

namespace qsh {
namespace {

// The dump of a successful parse, "INCOMPLETE", or the error message.
std::string P(const std::string& src, bool at_eof = false) {
  Arena arena;
  const ParseResult r = parse(arena, src.data(), src.size(), at_eof);
  switch (r.status) {
    case ParseStatus::kOk: return dump(arena, r.program);
    case ParseStatus::kIncomplete: return "INCOMPLETE";
    case ParseStatus::kError: return r.message;
  }
  return "?";
}

std::string E(int line, const std::string& what) {
  return "qsh: syntax error at line " + std::to_string(line) + ": " + what;
}

TEST(Parser, SimpleCommands) {
  EXPECT_EQ(P("echo hi"), "(cmd echo hi)");
  EXPECT_EQ(P("echo hi\n"), "(cmd echo hi)");
  EXPECT_EQ(P("  echo\t hi  there "), "(cmd echo hi there)");
  EXPECT_EQ(P("echo \"a b\""), "(cmd echo \"a b\")");
  EXPECT_EQ(P("x=1 y=2 cmd arg"), "(cmd x=1 y=2 cmd arg)");
  EXPECT_EQ(P("echo x=1"), "(cmd echo x=1)");
  EXPECT_EQ(P("x="), "(cmd x=)");
  EXPECT_EQ(P("x=\"a b\" y=$z"), "(cmd x=\"a b\" y=${z})");
  EXPECT_EQ(P("x=1 >f y=2 cmd z=3"), "(cmd x=1 y=2 cmd z=3 (> f))");
  EXPECT_EQ(P("1x=2"), "(cmd 1x=2)");
  EXPECT_EQ(P("\"x\"=2"), "(cmd \"x\"=2)");
  EXPECT_EQ(P("x\\=2"), "(cmd x\\=2)");
  EXPECT_EQ(P("a=b=c"), "(cmd a=b=c)");
}

TEST(Parser, EmptyPrograms) {
  EXPECT_EQ(P(""), "(list)");
  EXPECT_EQ(P("\n\n"), "(list)");
  EXPECT_EQ(P("# only a comment"), "(list)");
  EXPECT_EQ(P("  # comment\n\n# another\n"), "(list)");
}

TEST(Parser, Comments) {
  EXPECT_EQ(P("echo a # comment\necho b"), "(list (cmd echo a) (cmd echo b))");
  EXPECT_EQ(P("echo a#b"), "(cmd echo a#b)");
  EXPECT_EQ(P("echo '#' \\# \"#\""), "(cmd echo '#' \\# \"#\")");
  EXPECT_EQ(P("echo a;# c"), "(cmd echo a)");
  EXPECT_EQ(P("echo $# ${#}"), "(cmd echo ${#} ${#})");
}

TEST(Parser, Pipelines) {
  EXPECT_EQ(P("echo a | wc -l"), "(pipe (cmd echo a) (cmd wc -l))");
  EXPECT_EQ(P("a | b | c"), "(pipe (cmd a) (cmd b) (cmd c))");
  EXPECT_EQ(P("a |\n\n b"), "(pipe (cmd a) (cmd b))");
  EXPECT_EQ(P("! a"), "(not (cmd a))");
  EXPECT_EQ(P("! a | b"), "(not (pipe (cmd a) (cmd b)))");
  EXPECT_EQ(P("echo !"), "(cmd echo !)");
  EXPECT_EQ(P("a | ! b"), E(1, "unexpected '!'"));  // only before a whole pipeline
  EXPECT_EQ(P("! ! a"), E(1, "unexpected '!'"));
  EXPECT_EQ(P("{ ! a; }"), "(group (not (cmd a)))");
  EXPECT_EQ(P("a || ! b | c"), "(or (cmd a) (not (pipe (cmd b) (cmd c))))");
  EXPECT_EQ(P("a && ! b"), "(and (cmd a) (not (cmd b)))");
  EXPECT_EQ(P("\"!\" a"), "(cmd \"!\" a)");
}

TEST(Parser, AndOrLists) {
  EXPECT_EQ(P("a && b"), "(and (cmd a) (cmd b))");
  EXPECT_EQ(P("a || b"), "(or (cmd a) (cmd b))");
  EXPECT_EQ(P("a && b || c"), "(or (and (cmd a) (cmd b)) (cmd c))");
  EXPECT_EQ(P("a || b && c"), "(and (or (cmd a) (cmd b)) (cmd c))");
  EXPECT_EQ(P("a &&\n\nb"), "(and (cmd a) (cmd b))");
  EXPECT_EQ(P("a | b && c | d"), "(and (pipe (cmd a) (cmd b)) (pipe (cmd c) (cmd d)))");
}

TEST(Parser, Lists) {
  EXPECT_EQ(P("a; b"), "(list (cmd a) (cmd b))");
  EXPECT_EQ(P("a; b;"), "(list (cmd a) (cmd b))");
  EXPECT_EQ(P("a & b"), "(list (bg (cmd a)) (cmd b))");
  EXPECT_EQ(P("a &"), "(bg (cmd a))");
  EXPECT_EQ(P("a; b & c"), "(list (cmd a) (bg (cmd b)) (cmd c))");
  EXPECT_EQ(P("a\nb\n\nc"), "(list (cmd a) (cmd b) (cmd c))");
  EXPECT_EQ(P("a && b &"), "(bg (and (cmd a) (cmd b)))");
  EXPECT_EQ(P("a&b&"), "(list (bg (cmd a)) (bg (cmd b)))");
}

TEST(Parser, Redirections) {
  EXPECT_EQ(P(">out"), "(cmd (> out))");
  EXPECT_EQ(P("echo a >out 2>&1 <in"), "(cmd echo a (> out) (2>& 1) (< in))");
  EXPECT_EQ(P("echo >>f >|g <>h 3<&0 4>&-"), "(cmd echo (>> f) (>| g) (<> h) (3<& 0) (4>& -))");
  EXPECT_EQ(P("1>x 0<y"), "(cmd (> x) (< y))");
  EXPECT_EQ(P("echo 2 >x"), "(cmd echo 2 (> x))");
  EXPECT_EQ(P("echo a2>x"), "(cmd echo a2 (> x))");
  EXPECT_EQ(P("echo \"2\">x"), "(cmd echo \"2\" (> x))");
  EXPECT_EQ(P(">a echo >b hi"), "(cmd echo hi (> a) (> b))");
  EXPECT_EQ(P("cat < \"my file\""), "(cmd cat (< \"my file\"))");
  EXPECT_EQ(P("echo 12>x"), "(cmd echo (12> x))");
}

TEST(Parser, RedirectionFds) {
  Arena arena;
  const char* src = "a <x >y 5>>z <&3 >&4 <>w";
  const ParseResult r = parse(arena, src, strlen(src));
  ASSERT_EQ(r.status, ParseStatus::kOk);
  const Command* c = r.program->items[0].and_or->pipelines[0]->commands[0];
  ASSERT_EQ(c->redirs.size(), 6u);
  const int fds[] = {0, 1, 5, 0, 1, 0};
  const RedirOp ops[] = {RedirOp::kIn,    RedirOp::kOut,    RedirOp::kAppend,
                         RedirOp::kDupIn, RedirOp::kDupOut, RedirOp::kReadWrite};
  for (size_t i = 0; i < 6; ++i) {
    EXPECT_EQ(c->redirs[i].fd, fds[i]) << i;
    EXPECT_EQ(c->redirs[i].op, ops[i]) << i;
    EXPECT_EQ(c->redirs[i].body, nullptr) << i;
  }
}

TEST(Parser, Quoting) {
  EXPECT_EQ(P("echo 'a b'"), "(cmd echo 'a b')");
  EXPECT_EQ(P("echo 'a'\"b\"\\c"), "(cmd echo 'a'\"b\"\\c)");
  EXPECT_EQ(P("echo \"'a'\""), "(cmd echo \"'a'\")");
  EXPECT_EQ(P("echo \"a\\\"b\""), "(cmd echo \"a\\\"b\")");
  EXPECT_EQ(P("echo \\$x"), "(cmd echo \\$x)");
  EXPECT_EQ(P("echo \"\\$x\""), "(cmd echo \"\\$x\")");
  EXPECT_EQ(P("echo \"\\a\""), "(cmd echo \"\\\\a\")");  // \a stays two characters
  EXPECT_EQ(P("echo \"\\\\\""), "(cmd echo \"\\\\\")");
  EXPECT_EQ(P("echo \"a\\`b\""), "(cmd echo \"a\\`b\")");
  EXPECT_EQ(P("echo '\\'"), "(cmd echo '\\')");
  EXPECT_EQ(P("echo '\"'"), "(cmd echo '\"')");
  EXPECT_EQ(P("echo \"\" ''"), "(cmd echo \"\" '')");
  EXPECT_EQ(P("echo a\"\"b"), "(cmd echo a\"\"b)");
  EXPECT_EQ(P("echo \\ a"), "(cmd echo \\ a)");
  EXPECT_EQ(P("echo a\\;b \\|"), "(cmd echo a\\;b \\|)");
  EXPECT_EQ(P("echo 'a\nb'"), "(cmd echo 'a\\nb')");
  EXPECT_EQ(P("echo \"a\nb\""), "(cmd echo \"a\\nb\")");
  EXPECT_EQ(P("echo $ \"$\" a$"), "(cmd echo $ \"$\" a$)");
}

TEST(Parser, LineContinuation) {
  EXPECT_EQ(P("ec\\\nho hi"), "(cmd echo hi)");
  EXPECT_EQ(P("echo a \\\n b"), "(cmd echo a b)");
  EXPECT_EQ(P("echo \"a\\\nb\""), "(cmd echo \"ab\")");
  EXPECT_EQ(P("echo 'a\\\nb'"), "(cmd echo 'a\\\\nb')");  // not in single quotes
  EXPECT_EQ(P("a &&\\\n b"), "(and (cmd a) (cmd b))");
  EXPECT_EQ(P("echo \\\\\nb"), "(list (cmd echo \\\\) (cmd b))");
  EXPECT_EQ(P("echo $\\\nx"), "(cmd echo $x)");
}

TEST(Parser, Parameters) {
  EXPECT_EQ(P("echo $x ${x} $? $$ $! $# $@ $* $0 $9 $- $10 ${10}"),
            "(cmd echo ${x} ${x} ${?} ${$} ${!} ${#} ${@} ${*} ${0} ${9} ${-} ${1}0 ${10})");
  EXPECT_EQ(P("echo $x_1.y $_"), "(cmd echo ${x_1}.y ${_})");
  EXPECT_EQ(P("echo ${#x} ${#} ${#@} ${##}"), "(cmd echo ${#x} ${#} ${#@} ${##})");
  EXPECT_EQ(P("echo ${x:-w} ${x-w} ${x:=w} ${x=w}"), "(cmd echo ${x:-w} ${x-w} ${x:=w} ${x=w})");
  EXPECT_EQ(P("echo ${x:?w} ${x?w} ${x:+w} ${x+w}"), "(cmd echo ${x:?w} ${x?w} ${x:+w} ${x+w})");
  EXPECT_EQ(P("echo ${x%p} ${x%%p} ${x#p} ${x##p}"), "(cmd echo ${x%p} ${x%%p} ${x#p} ${x##p})");
  EXPECT_EQ(P("echo ${x:-}"), "(cmd echo ${x:-})");
  EXPECT_EQ(P("echo ${x:-a b}"), "(cmd echo ${x:-a b})");
  EXPECT_EQ(P("echo ${x:-\"a b\"}"), "(cmd echo ${x:-\"a b\"})");
  EXPECT_EQ(P("echo ${x:-$y}"), "(cmd echo ${x:-${y}})");
  EXPECT_EQ(P("echo ${x:-${y:-z}}"), "(cmd echo ${x:-${y:-z}})");
  EXPECT_EQ(P("echo ${x#*.} ${x%%.*}"), "(cmd echo ${x#*.} ${x%%.*})");
  EXPECT_EQ(P("echo ${x:-'}'}"), "(cmd echo ${x:-'}'})");
  EXPECT_EQ(P("echo ${x:-\\}}"), "(cmd echo ${x:-\\}})");
  EXPECT_EQ(P("echo ${x:-{a}b}"), "(cmd echo ${x:-{a}b})");  // the first } ends it: "{a" "b}"
  {
    Arena arena;
    const ParseResult r = parse(arena, "${x:-{a}b}", 10);
    ASSERT_EQ(r.status, ParseStatus::kOk);
    const Word* w = r.program->items[0].and_or->pipelines[0]->commands[0]->words[0];
    ASSERT_EQ(w->parts.size(), 2u);
    EXPECT_STREQ(w->parts[0].operand->parts[0].text.s, "{a");
    EXPECT_STREQ(w->parts[1].text.s, "b}");
  }
  EXPECT_EQ(P("echo \"${x:-a b}\""), "(cmd echo \"${x:-\"a b\"}\")");
  EXPECT_EQ(P("echo \"$@\" $@"), "(cmd echo \"${@}\" ${@})");
  EXPECT_EQ(P("echo ${x:-$(echo })}"), "(cmd echo ${x:-$((cmd echo }))})");
}

TEST(Parser, ParameterParts) {
  Arena arena;
  const char* src = "echo \"$@\" ${x:-a\"b\"} ${#y}";
  const ParseResult r = parse(arena, src, strlen(src));
  ASSERT_EQ(r.status, ParseStatus::kOk);
  const Command* c = r.program->items[0].and_or->pipelines[0]->commands[0];
  ASSERT_EQ(c->words.size(), 4u);
  const WordPart& at = c->words[1]->parts[0];
  EXPECT_EQ(at.kind, PartKind::kParam);
  EXPECT_TRUE(at.in_dquotes);
  EXPECT_STREQ(at.text.s, "@");
  EXPECT_EQ(at.op, ParamOp::kPlain);
  const WordPart& def = c->words[2]->parts[0];
  EXPECT_FALSE(def.in_dquotes);
  EXPECT_EQ(def.op, ParamOp::kDefault);
  EXPECT_TRUE(def.colon);
  ASSERT_NE(def.operand, nullptr);
  ASSERT_EQ(def.operand->parts.size(), 2u);
  EXPECT_EQ(def.operand->parts[0].quote, Quote::kNone);
  EXPECT_EQ(def.operand->parts[1].quote, Quote::kDouble);
  EXPECT_TRUE(def.operand->parts[1].in_dquotes);
  const WordPart& len = c->words[3]->parts[0];
  EXPECT_EQ(len.op, ParamOp::kLength);
  EXPECT_STREQ(len.text.s, "y");
  EXPECT_EQ(len.operand, nullptr);
}

TEST(Parser, QuotedPartsKeepTheirQuoting) {
  Arena arena;
  const char* src = "a*\"b*\"'c*'\\d\"$x\"$y";
  const ParseResult r = parse(arena, src, strlen(src));
  ASSERT_EQ(r.status, ParseStatus::kOk);
  const Word* w = r.program->items[0].and_or->pipelines[0]->commands[0]->words[0];
  ASSERT_EQ(w->parts.size(), 6u);
  EXPECT_EQ(w->parts[0].quote, Quote::kNone);
  EXPECT_STREQ(w->parts[0].text.s, "a*");
  EXPECT_EQ(w->parts[1].quote, Quote::kDouble);
  EXPECT_TRUE(w->parts[1].in_dquotes);
  EXPECT_STREQ(w->parts[1].text.s, "b*");
  EXPECT_EQ(w->parts[2].quote, Quote::kSingle);
  EXPECT_FALSE(w->parts[2].in_dquotes);
  EXPECT_EQ(w->parts[3].quote, Quote::kBackslash);
  EXPECT_STREQ(w->parts[3].text.s, "d");
  EXPECT_EQ(w->parts[4].kind, PartKind::kParam);
  EXPECT_TRUE(w->parts[4].in_dquotes);
  EXPECT_FALSE(w->parts[5].in_dquotes);
  const bool quoted[] = {false, true, true, true, true, false};
  for (size_t i = 0; i < 6; ++i) EXPECT_EQ(is_quoted(w->parts[i]), quoted[i]) << i;
}

TEST(Parser, CommandSubstitution) {
  EXPECT_EQ(P("echo $(date)"), "(cmd echo $((cmd date)))");
  EXPECT_EQ(P("echo $(a | b; c)"), "(cmd echo $((list (pipe (cmd a) (cmd b)) (cmd c))))");
  EXPECT_EQ(P("echo $()"), "(cmd echo $((list)))");
  EXPECT_EQ(P("echo $(echo \")\")"), "(cmd echo $((cmd echo \")\")))");
  EXPECT_EQ(P("echo $(echo ')')"), "(cmd echo $((cmd echo ')')))");
  EXPECT_EQ(P("echo $(case x in x) echo;; esac)"), "(cmd echo $((case x (x (cmd echo)))))");
  EXPECT_EQ(P("echo $(case x in (x) echo a;; esac) b"),
            "(cmd echo $((case x (x (cmd echo a)))) b)");
  EXPECT_EQ(P("echo $(echo $(echo a))"), "(cmd echo $((cmd echo $((cmd echo a)))))");
  EXPECT_EQ(P("echo \"$(echo \"a b\")\""), "(cmd echo \"$((cmd echo \"a b\"))\")");
  EXPECT_EQ(P("echo $( (a) )"), "(cmd echo $((sub (cmd a))))");
  EXPECT_EQ(P("echo $(# comment )\n)"), "(cmd echo $((list)))");
  EXPECT_EQ(P("x=$(a\nb\n)"), "(cmd x=$((list (cmd a) (cmd b))))");
  EXPECT_EQ(P("echo a$(b)c"), "(cmd echo a$((cmd b))c)");
}

TEST(Parser, Backquotes) {
  EXPECT_EQ(P("echo `date`"), "(cmd echo `(cmd date)`)");
  EXPECT_EQ(P("echo ``"), "(cmd echo `(list)`)");
  EXPECT_EQ(P("echo `echo \\`date\\``"), "(cmd echo `(cmd echo `(cmd date)`)`)");
  EXPECT_EQ(P("echo `echo \\$x $y`"), "(cmd echo `(cmd echo ${x} ${y})`)");
  EXPECT_EQ(P("echo `echo \\\\$x`"), "(cmd echo `(cmd echo \\$x)`)");
  EXPECT_EQ(P("echo \"`echo \\\"a b\\\"`\""), "(cmd echo \"`(cmd echo \"a b\")`\")");
  EXPECT_EQ(P("echo `a | b`x"), "(cmd echo `(pipe (cmd a) (cmd b))`x)");
  Arena arena;
  const char* src = "echo `a`";
  const ParseResult r = parse(arena, src, strlen(src));
  ASSERT_EQ(r.status, ParseStatus::kOk);
  const WordPart& p = r.program->items[0].and_or->pipelines[0]->commands[0]->words[1]->parts[0];
  EXPECT_EQ(p.kind, PartKind::kCommand);
  EXPECT_TRUE(p.backquoted);
}

TEST(Parser, Arithmetic) {
  EXPECT_EQ(P("echo $((1 + 2))"), "(cmd echo $((1 + 2)))");
  EXPECT_EQ(P("echo $(( (1+2) * $x ))"), "(cmd echo $(( (1+2) * $x )))");
  EXPECT_EQ(P("echo \"$((x*2))\""), "(cmd echo \"$((x*2))\")");
  EXPECT_EQ(P("echo $(($(echo 1) + 1))"), "(cmd echo $(($(echo 1) + 1)))");
  // $(( that is not arithmetic: a command substitution starting with a subshell.
  EXPECT_EQ(P("echo $((cd /; ls) | wc)"),
            "(cmd echo $((pipe (sub (list (cmd cd /) (cmd ls))) (cmd wc))))");
  EXPECT_EQ(P("echo $((a)\n)"), "(cmd echo $((sub (cmd a))))");
  EXPECT_EQ(P("echo $((a)"), "INCOMPLETE");
  EXPECT_EQ(P("echo $((a) |"), "INCOMPLETE");
  Arena arena;
  const char* src = "echo $((1 + ${y}))";
  const ParseResult r = parse(arena, src, strlen(src));
  ASSERT_EQ(r.status, ParseStatus::kOk);
  const WordPart& p = r.program->items[0].and_or->pipelines[0]->commands[0]->words[1]->parts[0];
  ASSERT_EQ(p.kind, PartKind::kArith);
  EXPECT_STREQ(p.text.s, "1 + ${y}");
  ASSERT_NE(p.expr, nullptr);
  ASSERT_EQ(p.expr->parts.size(), 2u);
  EXPECT_STREQ(p.expr->parts[0].text.s, "1 + ");
  EXPECT_EQ(p.expr->parts[1].kind, PartKind::kParam);
  EXPECT_STREQ(p.expr->parts[1].text.s, "y");
}

TEST(Parser, HereDocuments) {
  EXPECT_EQ(P("cat <<EOF\nhello $x\nEOF\n"), "(cmd cat (<< EOF \"hello ${x}\\n\"))");
  EXPECT_EQ(P("cat <<EOF\nhello $x\nEOF"), "(cmd cat (<< EOF \"hello ${x}\\n\"))");
  EXPECT_EQ(P("cat <<'EOF'\nhello $x\nEOF\n"), "(cmd cat (<< 'EOF' 'hello $x\\n'))");
  EXPECT_EQ(P("cat <<\"E\"OF\n$x\nEOF\n"), "(cmd cat (<< \"E\"OF '$x\\n'))");
  EXPECT_EQ(P("cat <<\\EOF\n$x\nEOF\n"), "(cmd cat (<< \\EOF '$x\\n'))");
  EXPECT_EQ(P("cat <<-EOF\n\thello\n\t\tworld\n\tEOF\n"),
            "(cmd cat (<<- EOF \"hello\\nworld\\n\"))");
  EXPECT_EQ(P("cat <<EOF\n\thello\nEOF\n"), "(cmd cat (<< EOF \"\\thello\\n\"))");
  EXPECT_EQ(P("cat <<EOF\nEOF\n"), "(cmd cat (<< EOF))");
  EXPECT_EQ(P("cat <<A; cat <<B\na\nA\nb\nB\n"),
            "(list (cmd cat (<< A \"a\\n\")) (cmd cat (<< B \"b\\n\")))");
  EXPECT_EQ(P("cat <<A <<B\na\nA\nb\nB\n"), "(cmd cat (<< A \"a\\n\") (<< B \"b\\n\"))");
  EXPECT_EQ(P("cat <<E\nx\nE\necho done"), "(list (cmd cat (<< E \"x\\n\")) (cmd echo done))");
  EXPECT_EQ(P("cat <<E\n\\$x \\y \"q\"\nE\n"), "(cmd cat (<< E \"\\$x \\\\y \\\"q\\\"\\n\"))");
  EXPECT_EQ(P("cat <<E\n$(echo a) `b`\nE\n"), "(cmd cat (<< E \"$((cmd echo a)) `(cmd b)`\\n\"))");
  EXPECT_EQ(P("cat <<E | wc\nx\nE\n"), "(pipe (cmd cat (<< E \"x\\n\")) (cmd wc))");
  EXPECT_EQ(P("echo $(cat <<E\nhi\nE\n)"), "(cmd echo $((cmd cat (<< E \"hi\\n\"))))");
  EXPECT_EQ(P("cat <<E\n EOF\nE\n"), "(cmd cat (<< E \" EOF\\n\"))");
  EXPECT_EQ(P("cat << E\nx\nE\n"), "(cmd cat (<< E \"x\\n\"))");
  EXPECT_EQ(P("if a; then cat <<E\nx\nE\nfi"), "(if (cmd a) (cmd cat (<< E \"x\\n\")))");
  EXPECT_EQ(P("cat <<E 2>/dev/null\nx\nE\n"), "(cmd cat (<< E \"x\\n\") (2> /dev/null))");
}

TEST(Parser, HereDocumentBodies) {
  Arena arena;
  const char* src = "cat <<A <<'B'\n$x\nA\n$y\nB\n";
  const ParseResult r = parse(arena, src, strlen(src));
  ASSERT_EQ(r.status, ParseStatus::kOk);
  const Command* c = r.program->items[0].and_or->pipelines[0]->commands[0];
  ASSERT_EQ(c->redirs.size(), 2u);
  EXPECT_EQ(c->redirs[0].op, RedirOp::kHeredoc);
  EXPECT_FALSE(c->redirs[0].body_quoted);
  ASSERT_EQ(c->redirs[0].body->parts.size(), 2u);
  EXPECT_EQ(c->redirs[0].body->parts[0].kind, PartKind::kParam);
  EXPECT_TRUE(c->redirs[0].body->parts[0].in_dquotes);
  EXPECT_TRUE(c->redirs[1].body_quoted);
  ASSERT_EQ(c->redirs[1].body->parts.size(), 1u);
  EXPECT_EQ(c->redirs[1].body->parts[0].quote, Quote::kSingle);
  EXPECT_STREQ(c->redirs[1].body->parts[0].text.s, "$y\n");
}

TEST(Parser, SubshellsAndGroups) {
  EXPECT_EQ(P("(a; b)"), "(sub (list (cmd a) (cmd b)))");
  EXPECT_EQ(P("(a)"), "(sub (cmd a))");
  EXPECT_EQ(P("((a))"), "(sub (sub (cmd a)))");
  EXPECT_EQ(P("(a) | (b)"), "(pipe (sub (cmd a)) (sub (cmd b)))");
  EXPECT_EQ(P("{ a; b; }"), "(group (list (cmd a) (cmd b)))");
  EXPECT_EQ(P("{ a; } >out 2>&1"), "(group (cmd a) (> out) (2>& 1))");
  EXPECT_EQ(P("(a) >out"), "(sub (cmd a) (> out))");
  EXPECT_EQ(P("{ a & b; }"), "(group (list (bg (cmd a)) (cmd b)))");
  EXPECT_EQ(P("{\na\n}"), "(group (cmd a))");
  EXPECT_EQ(P("{ echo }; }"), "(group (cmd echo }))");
  EXPECT_EQ(P("echo { }"), "(cmd echo { })");
  EXPECT_EQ(P("{ { a; }; }"), "(group (group (cmd a)))");
}

TEST(Parser, If) {
  EXPECT_EQ(P("if a; then b; fi"), "(if (cmd a) (cmd b))");
  EXPECT_EQ(P("if a; then b; else c; fi"), "(if (cmd a) (cmd b) (else (cmd c)))");
  EXPECT_EQ(P("if a; then b; elif c; then d; else e; fi"),
            "(if (cmd a) (cmd b) (elif (cmd c) (cmd d)) (else (cmd e)))");
  EXPECT_EQ(P("if a\nthen\n b\n c\nfi"), "(if (cmd a) (list (cmd b) (cmd c)))");
  EXPECT_EQ(P("if a; b; then c; fi >x"), "(if (list (cmd a) (cmd b)) (cmd c) (> x))");
  EXPECT_EQ(P("if if a; then b; fi; then c; fi"), "(if (if (cmd a) (cmd b)) (cmd c))");
  EXPECT_EQ(P("echo if then fi"), "(cmd echo if then fi)");
  EXPECT_EQ(P("\"if\" a"), "(cmd \"if\" a)");
  EXPECT_EQ(P("if a; then b; fi; c"), "(list (if (cmd a) (cmd b)) (cmd c))");
}

TEST(Parser, Loops) {
  EXPECT_EQ(P("while a; do b; done"), "(while (cmd a) (cmd b))");
  EXPECT_EQ(P("until a; do b; done"), "(until (cmd a) (cmd b))");
  EXPECT_EQ(P("while a\ndo\nb\ndone"), "(while (cmd a) (cmd b))");
  EXPECT_EQ(P("while a; do b; done | c"), "(pipe (while (cmd a) (cmd b)) (cmd c))");
  EXPECT_EQ(P("while a; do b; done &"), "(bg (while (cmd a) (cmd b)))");
  EXPECT_EQ(P("for i in a b; do echo $i; done"), "(for i (in a b) (cmd echo ${i}))");
  EXPECT_EQ(P("for i; do b; done"), "(for i (cmd b))");
  EXPECT_EQ(P("for i do b; done"), "(for i (cmd b))");
  EXPECT_EQ(P("for i\ndo b\ndone"), "(for i (cmd b))");
  EXPECT_EQ(P("for i\nin a\ndo b\ndone"), "(for i (in a) (cmd b))");
  EXPECT_EQ(P("for i in; do b; done"), "(for i (in) (cmd b))");
  EXPECT_EQ(P("for i in \"$@\" *.c; do b; done"), "(for i (in \"${@}\" *.c) (cmd b))");
  EXPECT_EQ(P("for do in do; do echo do; done"), "(for do (in do) (cmd echo do))");
  EXPECT_EQ(P("for do in do; do do; done"), E(1, "unexpected 'do'"));
  EXPECT_EQ(P("for i in a; do for j in b; do c; done; done"),
            "(for i (in a) (for j (in b) (cmd c)))");
}

TEST(Parser, Case) {
  EXPECT_EQ(P("case $x in a|b) echo ab;; (c) echo c;; *) ;; esac"),
            "(case ${x} (a|b (cmd echo ab)) (c (cmd echo c)) (*))");
  EXPECT_EQ(P("case x in esac"), "(case x)");
  EXPECT_EQ(P("case x in\nesac"), "(case x)");
  EXPECT_EQ(P("case x in x) a; esac"), "(case x (x (cmd a)))");
  EXPECT_EQ(P("case x in x) a;; esac"), "(case x (x (cmd a)))");
  EXPECT_EQ(P("case x\nin\n x)\n  a\n  b\n  ;;\n y) c\nesac"),
            "(case x (x (list (cmd a) (cmd b))) (y (cmd c)))");
  EXPECT_EQ(P("case x in (esac) a;; esac"), "(case x (esac (cmd a)))");
  EXPECT_EQ(P("case x in \"a b\"|'*'|$y) ;; esac"), "(case x (\"a b\"|'*'|${y}))");
  EXPECT_EQ(P("case in in in) echo in;; esac"), "(case in (in (cmd echo in)))");
  EXPECT_EQ(P("case x in x) echo esac;; esac"), "(case x (x (cmd echo esac)))");
  EXPECT_EQ(P("case x in x) case y in y) z;; esac;; esac"), "(case x (x (case y (y (cmd z)))))");
  EXPECT_EQ(P("case x in x) a;; esac >o"), "(case x (x (cmd a)) (> o))");
}

TEST(Parser, Functions) {
  EXPECT_EQ(P("f() { echo hi; }"), "(fn f (group (cmd echo hi)))");
  EXPECT_EQ(P("f () { a; }"), "(fn f (group (cmd a)))");
  EXPECT_EQ(P("f()\n{ a; }"), "(fn f (group (cmd a)))");
  EXPECT_EQ(P("f() (a) >out"), "(fn f (sub (cmd a) (> out)))");
  EXPECT_EQ(P("f() if a; then b; fi"), "(fn f (if (cmd a) (cmd b)))");
  EXPECT_EQ(P("f() { a; }; f"), "(list (fn f (group (cmd a))) (cmd f))");
  EXPECT_EQ(P("f() { g() { a; }; }"), "(fn f (group (fn g (group (cmd a)))))");
}

TEST(Parser, Incomplete) {
  const char* const cases[] = {
      "echo 'a",
      "echo \"a",
      "echo $(a",
      "echo `a",
      "echo ${x",
      "echo ${x:-a",
      "echo ${",
      "cat <<E\nx\n",
      "cat <<E",
      "cat <<E\n",
      "if a; then b",
      "if a; then b; else",
      "if a",
      "while a",
      "while a; do b",
      "until a; do",
      "a |",
      "a &&",
      "a ||",
      "a | b ||\n",
      "echo a\\\n",
      "echo \\",
      "{ a;",
      "(a",
      "(a;\n",
      "case x in",
      "case x in x) a;",
      "case x",
      "for i in a",
      "for i in a; do",
      "for i",
      "f()",
      "echo $((1",
      "echo $((1)",
      "echo \"$(echo",
      "echo \"${x:-\"",
      "!",
      "echo `echo \\`",
      "f() {",
      "x=$(",
      "echo $(case x in",
      "a &&\n\n",
      "cat <<E; echo\n",
      "echo $(cat <<E\nx\n",
  };
  for (const char* c : cases) EXPECT_EQ(P(c), "INCOMPLETE") << c;
}

TEST(Parser, IncompleteAtEndOfFileIsAnError) {
  EXPECT_EQ(P("a &&", true), E(1, "unexpected end of file"));
  EXPECT_EQ(P("if a\nthen b\n", true), E(3, "unexpected end of file"));
  EXPECT_EQ(P("echo 'a\n", true), E(2, "unexpected end of file"));
  // A here-document the file ends in ends there (bash and dash do the same).
  EXPECT_EQ(P("cat <<E\nx\n", true), "(cmd cat (<< E \"x\\n\"))");
  EXPECT_EQ(P("cat <<E\nx", true), "(cmd cat (<< E \"x\"))");
  EXPECT_EQ(P("cat <<E; cat <<F", true), "(list (cmd cat (<< E)) (cmd cat (<< F)))");
  EXPECT_EQ(P("cat <<E\n$(fi)", true), E(2, "unexpected 'fi'"));
  EXPECT_EQ(P("echo a\\\n", true), "(cmd echo a)");
  EXPECT_EQ(P("echo a", true), "(cmd echo a)");
}

TEST(Parser, SyntaxErrors) {
  EXPECT_EQ(P("if true; then fi"), E(1, "unexpected 'fi'"));
  EXPECT_EQ(P("| a"), E(1, "unexpected '|'"));
  EXPECT_EQ(P("a && ;"), E(1, "unexpected ';'"));
  EXPECT_EQ(P("a &&\n;"), E(2, "unexpected ';'"));
  EXPECT_EQ(P(";;"), E(1, "unexpected ';;'"));
  EXPECT_EQ(P("a;;"), E(1, "unexpected ';;'"));
  EXPECT_EQ(P(")"), E(1, "unexpected ')'"));
  EXPECT_EQ(P("a )"), E(1, "unexpected ')'"));
  EXPECT_EQ(P("(a))"), E(1, "unexpected ')'"));
  EXPECT_EQ(P("()"), E(1, "unexpected ')'"));
  EXPECT_EQ(P(";"), E(1, "unexpected ';'"));
  EXPECT_EQ(P("a; ;"), E(1, "unexpected ';'"));
  EXPECT_EQ(P("&"), E(1, "unexpected '&'"));
  EXPECT_EQ(P("a & ;"), E(1, "unexpected ';'"));
  EXPECT_EQ(P("a | fi"), E(1, "unexpected 'fi'"));
  EXPECT_EQ(P("fi"), E(1, "unexpected 'fi'"));
  EXPECT_EQ(P("done"), E(1, "unexpected 'done'"));
  EXPECT_EQ(P("in"), E(1, "unexpected 'in'"));
  EXPECT_EQ(P("a; in b"), E(1, "unexpected 'in'"));
  EXPECT_EQ(P("a | in"), E(1, "unexpected 'in'"));
  EXPECT_EQ(P("echo in; x=1 in"), "(list (cmd echo in) (cmd x=1 in))");
  EXPECT_EQ(P("a\nb\nif true; then fi"), E(3, "unexpected 'fi'"));
  EXPECT_EQ(P("echo (a)"), E(1, "unexpected 'a'"));  // as bash: `echo (` starts a function
  EXPECT_EQ(P("echo a (b)"), E(1, "unexpected '('"));
  EXPECT_EQ(P("f() a"), E(1, "unexpected 'a'"));
  EXPECT_EQ(P("> ;"), E(1, "unexpected ';'"));
  EXPECT_EQ(P(">\n"), E(1, "unexpected newline"));
  EXPECT_EQ(P("2>"), "INCOMPLETE");
  EXPECT_EQ(P("{ }"), E(1, "unexpected '}'"));
  EXPECT_EQ(P("{ echo }"), "INCOMPLETE");  // `}` is an argument there
  EXPECT_EQ(P("{ ; }"), E(1, "unexpected ';'"));
  EXPECT_EQ(P("if a; fi"), E(1, "unexpected 'fi'"));
  EXPECT_EQ(P("if a; then b; elif c; fi"), E(1, "unexpected 'fi'"));
  EXPECT_EQ(P("while a; done"), E(1, "unexpected 'done'"));
  EXPECT_EQ(P("while a; do done"), E(1, "unexpected 'done'"));
  EXPECT_EQ(P("for 1 in a; do b; done"), E(1, "bad for loop variable '1'"));
  EXPECT_EQ(P("for i in a b) do c; done"), E(1, "unexpected ')'"));
  EXPECT_EQ(P("case x in a) b;; ;; esac"), E(1, "unexpected ';;'"));
  EXPECT_EQ(P("case x on"), E(1, "unexpected 'on'"));
  EXPECT_EQ(P("case x in a b) c;; esac"), E(1, "unexpected 'b'"));
  EXPECT_EQ(P("case x in a) b; c) d;; esac"), E(1, "unexpected ')'"));
  EXPECT_EQ(P("echo ${x!}"), E(1, "bad substitution"));
  EXPECT_EQ(P("echo ${}"), E(1, "bad substitution"));
  EXPECT_EQ(P("echo ${x:%y}"), E(1, "bad substitution"));
  EXPECT_EQ(P("echo ${x;}"), E(1, "bad substitution"));
  EXPECT_EQ(P("echo $((a) b)"), E(1, "unexpected 'b'"));  // $( (a) b)
  EXPECT_EQ(P("echo $(fi)"), E(1, "unexpected 'fi'"));
  EXPECT_EQ(P("echo `echo \"`"), E(1, "unexpected end of file"));
  EXPECT_EQ(P("echo `fi`"), E(1, "unexpected 'fi'"));
  EXPECT_EQ(P("echo\n`a\n)`"), E(3, "unexpected ')'"));
  EXPECT_EQ(P("a\n\ncat <<E\n$(fi)\nE\n"), E(4, "unexpected 'fi'"));
  EXPECT_EQ(P("! ;"), E(1, "unexpected ';'"));
  EXPECT_EQ(P("a || || b"), E(1, "unexpected '||'"));
}

TEST(Parser, ErrorResult) {
  Arena arena;
  const char* src = "a\nb)\n";
  const ParseResult r = parse(arena, src, strlen(src));
  EXPECT_EQ(r.status, ParseStatus::kError);
  EXPECT_EQ(r.line, 2);
  EXPECT_EQ(r.program, nullptr);
  EXPECT_STREQ(r.message, "qsh: syntax error at line 2: unexpected ')'");
  EXPECT_EQ(parse(arena, nullptr, 0).status, ParseStatus::kOk);
}

TEST(Parser, LongTokensAreShortenedInMessages) {
  const std::string s = "fi" + std::string(100, 'x');
  EXPECT_EQ(P("a )" + s), E(1, "unexpected ')'"));
  EXPECT_EQ(P("case x in a " + s + ") ;; esac"), E(1, "unexpected '" + s.substr(0, 40) + "...'"));
}

TEST(Parser, NestingIsLimited) {
  const auto nest = [](const std::string& open, const std::string& mid, const std::string& close,
                       int n) {
    std::string s;
    for (int i = 0; i < n; ++i) s += open;
    s += mid;
    for (int i = 0; i < n; ++i) s += close;
    return s;
  };
  EXPECT_EQ(P(nest("(", "a", ")", 150)).substr(0, 9), "(sub (sub");
  EXPECT_EQ(P(nest("(", "a", ")", 200)).substr(0, 9), "(sub (sub");
  EXPECT_EQ(P(nest("(", "a", ")", 201)), E(1, "nesting too deep"));
  EXPECT_EQ(P("echo " + nest("$(echo ", "a", ")", 60)).substr(0, 18), "(cmd echo $((cmd e");
  EXPECT_EQ(P("echo " + nest("$(echo ", "a", ")", 70)), E(1, "nesting too deep"));
  EXPECT_EQ(P("echo " + nest("`echo ", "a", "`", 1)), "(cmd echo `(cmd echo a)`)");
  EXPECT_EQ(P(nest("(", "a", ")", 300)), E(1, "nesting too deep"));
  EXPECT_EQ(P(nest("{ ", "a;", " }", 300)), E(1, "nesting too deep"));
  EXPECT_EQ(P(nest("if a; then ", "b", "; fi", 300)), E(1, "nesting too deep"));
  EXPECT_EQ(P("echo " + nest("$(", "a", ")", 300)), E(1, "nesting too deep"));
  EXPECT_EQ(P("echo " + nest("${x:-", "a", "}", 300)), E(1, "nesting too deep"));
  EXPECT_EQ(P("echo " + nest("\"$(echo ", "a", ")\"", 300)), E(1, "nesting too deep"));
  EXPECT_EQ(P("echo " + nest("$((", "1", "))", 300)), E(1, "nesting too deep"));
  EXPECT_EQ(P(nest("(", "", "", 100000)), E(1, "nesting too deep"));
  EXPECT_EQ(P(nest("$(", "", "", 100000)), E(1, "nesting too deep"));
  // Deep but unterminated text that stays under the limit asks for more.
  EXPECT_EQ(P(nest("(", "a", "", 100)), "INCOMPLETE");
}

TEST(Parser, LineNumbersOfCommands) {
  Arena arena;
  const char* src = "a\n\nb \\\nc; d\ncat <<E\nx\nE\ne\n";
  const ParseResult r = parse(arena, src, strlen(src));
  ASSERT_EQ(r.status, ParseStatus::kOk);
  ASSERT_EQ(r.program->items.size(), 5u);
  const int lines[] = {1, 3, 4, 5, 8};
  for (size_t i = 0; i < 5; ++i) EXPECT_EQ(r.program->items[i].line, lines[i]) << i;
  EXPECT_EQ(r.program->items[4].and_or->pipelines[0]->commands[0]->line, 8);
}

TEST(Parser, Combinations) {
  EXPECT_EQ(P("echo \"$(echo \"$(echo a)\")\""),
            "(cmd echo \"$((cmd echo \"$((cmd echo a))\"))\")");
  EXPECT_EQ(P("echo $(cat <<E) x\nbody\nE\n"), "(cmd echo $((cmd cat (<< E \"body\\n\"))) x)");
  EXPECT_EQ(P("echo ${x:-a}b\"c\""), "(cmd echo ${x:-a}b\"c\")");
  EXPECT_EQ(P("echo ${x-}"), "(cmd echo ${x-})");
  EXPECT_EQ(P("echo $(echo \\))"), "(cmd echo $((cmd echo \\))))");
  EXPECT_EQ(P("echo ~ ~/a a~"), "(cmd echo ~ ~/a a~)");
  EXPECT_EQ(P("x=~/bin:~/sbin"), "(cmd x=~/bin:~/sbin)");
  EXPECT_EQ(P("a=1 b=2"), "(cmd a=1 b=2)");
  EXPECT_EQ(P("if a; then (b) fi"), "(if (cmd a) (sub (cmd b)))");  // as bash: fi after )
  EXPECT_EQ(P("if (a) then b; fi"), "(if (sub (cmd a)) (cmd b))");
  EXPECT_EQ(P("while :; do :; done >/dev/null 2>&1 &"),
            "(bg (while (cmd :) (cmd :) (> /dev/null) (2>& 1)))");
  EXPECT_EQ(P("{ a || b; } && (c | d) &"),
            "(bg (and (group (or (cmd a) (cmd b))) (sub (pipe (cmd c) (cmd d)))))");
  EXPECT_EQ(P("for f in *; do case $f in *.c) cc $f;; esac; done"),
            "(for f (in *) (case ${f} (*.c (cmd cc ${f}))))");
  EXPECT_EQ(P("echo \"`echo '\\`'`\""), "(cmd echo \"`(cmd echo '`')`\")");
  EXPECT_EQ(P("cat <<E\n${x:-$(echo \"q\")}\nE\n"),
            "(cmd cat (<< E \"${x:-\"$((cmd echo \"q\"))\"}\\n\"))");
  EXPECT_EQ(P("cat <<'E'\n$(fi)\nE\n"), "(cmd cat (<< 'E' '$(fi)\\n'))");
  EXPECT_EQ(P("cat <<E\na\\\nb\nE\n"), "(cmd cat (<< E \"ab\\n\"))");
  EXPECT_EQ(P("echo $((x)) $(( $(a) ))"), "(cmd echo $((x)) $(( $(a) )))");
}

}  // namespace
}  // namespace qsh
