// The suite parser on good and malformed text: every error names its line,
// and nothing crashes (the parser also runs on the board, over the suite
// files in the boot image). Also: the real suites parse, with unique names.
#include "user/qsh/conformance/suite.h"

#include <gtest/gtest.h>
#include <string.h>

#include <set>
#include <string>
#include <vector>

#include "user/qsh/conformance/runner.h"
#include "user/qsh/conformance/suites.h"

namespace {

using qsh_conf::Case;
using qsh_conf::Error;
using qsh_conf::Stderr;

struct Parsed {
  std::string name, script, expected, reason;
  int status;
  Stderr err;
  bool known;
  int line;
};

bool collect(const Case& c, void* ctx) {
  auto* v = static_cast<std::vector<Parsed>*>(ctx);
  v->push_back({std::string(c.name.p, c.name.n), std::string(c.script.p, c.script.n),
                std::string(c.expected.p, c.expected.n), std::string(c.reason.p == nullptr ? "" : std::string(c.reason.p, c.reason.n)),
                c.status, c.stderr_want, c.known_failure, c.line});
  return true;
}

std::vector<Parsed> parse_ok(const std::string& text) {
  std::vector<Parsed> v;
  Error e;
  EXPECT_TRUE(qsh_conf::parse_suite(text.data(), text.size(), collect, &v, &e)) << e.line << ": " << e.message;
  return v;
}

// The error for a malformed text: its line and message.
Error parse_bad(const std::string& text) {
  Error e;
  std::vector<Parsed> v;
  EXPECT_FALSE(qsh_conf::parse_suite(text.data(), text.size(), collect, &v, &e)) << text;
  EXPECT_NE(e.message[0], '\0');
  return e;
}

TEST(Suite, AFullCase) {
  const auto v = parse_ok(
      "# comment\n"
      "\n"
      "==== first one  \n"
      "echo a\n"
      "echo b\n"
      "---- stdout\n"
      "a\n"
      "b\n"
      "\n"
      "---- status 3\n"
      "---- stderr nonempty\n"
      "---- qsh-known-failure: qsh prints c\n"
      "\n"
      "==== second\n"
      "printf x\n"
      "\n"
      "---- stdout noeol\n"
      "x\n");
  ASSERT_EQ(v.size(), 2u);
  EXPECT_EQ(v[0].name, "first one");
  EXPECT_EQ(v[0].script, "echo a\necho b\n");
  EXPECT_EQ(v[0].expected, "a\nb\n");
  EXPECT_EQ(v[0].status, 3);
  EXPECT_EQ(v[0].err, Stderr::kNonEmpty);
  EXPECT_TRUE(v[0].known);
  EXPECT_EQ(v[0].reason, "qsh prints c");
  EXPECT_EQ(v[0].line, 3);
  EXPECT_EQ(v[1].name, "second");
  EXPECT_EQ(v[1].script, "printf x\n");
  EXPECT_EQ(v[1].expected, "x");
  EXPECT_EQ(v[1].status, 0);
  EXPECT_EQ(v[1].err, Stderr::kEmpty);
  EXPECT_FALSE(v[1].known);
  EXPECT_EQ(v[1].line, 14);
}

TEST(Suite, NonZeroStatus) {
  const auto v = parse_ok("==== fails\nfalse\n---- status nonzero\n");
  ASSERT_EQ(v.size(), 1u);
  EXPECT_EQ(v[0].status, qsh_conf::kNonZero);
}

TEST(Suite, Defaults) {
  const auto v = parse_ok("==== quiet\ntrue\n==== any\nfoo\n---- stderr any\n---- stdout\n");
  ASSERT_EQ(v.size(), 2u);
  EXPECT_EQ(v[0].expected, "");
  EXPECT_EQ(v[0].status, 0);
  EXPECT_EQ(v[0].err, Stderr::kEmpty);
  EXPECT_EQ(v[1].err, Stderr::kAny);
  EXPECT_EQ(v[1].expected, "");
}

TEST(Suite, LeadingBlankLinesOfOutputCount) {
  const auto v = parse_ok("==== blank\necho; echo x\n---- stdout\n\nx\n\n\n");
  ASSERT_EQ(v.size(), 1u);
  EXPECT_EQ(v[0].expected, "\nx\n");
}

TEST(Suite, StopsWhenTheCallbackSaysSo) {
  int calls = 0;
  auto once = [](const Case&, void* ctx) {
    ++*static_cast<int*>(ctx);
    return false;
  };
  Error e;
  const char* text = "==== a\nx\n==== b\ny\n";
  EXPECT_TRUE(qsh_conf::parse_suite(text, strlen(text), once, &calls, &e));
  EXPECT_EQ(calls, 1);
}

TEST(Suite, Malformed) {
  struct {
    const char* text;
    int line;
    const char* message;  // a part of it
  } cases[] = {
      {"", 0, "empty"},
      {"# only a comment\n", 0, "no cases"},
      {"echo hi\n==== a\ntrue\n", 1, "before the first"},
      {"==== a\ntrue", 2, "no newline"},
      {"====\ntrue\n", 1, "needs a name"},
      {"====   \ntrue\n", 1, "needs a name"},
      {"==== a\n---- stdout\nx\n", 1, "no script"},
      {"==== a\n\n\n---- status 0\n", 1, "no script"},
      {"---- stdout\n", 1, "outside a case"},
      {"==== a\ntrue\n---- stdout\n---- stdout\n", 4, "second stdout"},
      {"==== a\ntrue\n---- stdout eol\n", 3, "noeol"},
      {"==== a\ntrue\n---- status\n", 3, "0 to 255"},
      {"==== a\ntrue\n---- status 256\n", 3, "0 to 255"},
      {"==== a\ntrue\n---- status 1000\n", 3, "0 to 255"},
      {"==== a\ntrue\n---- status -1\n", 3, "0 to 255"},
      {"==== a\ntrue\n---- status 1x\n", 3, "0 to 255"},
      {"==== a\ntrue\n---- status nonzer\n", 3, "0 to 255"},
      {"==== a\ntrue\n---- status 1\n---- status 2\n", 4, "second status"},
      {"==== a\ntrue\n---- status 1\nstray\n", 4, "after a one-line section"},
      {"==== a\ntrue\n---- stderr\n", 3, "empty, nonempty or any"},
      {"==== a\ntrue\n---- stderr some\n", 3, "empty, nonempty or any"},
      {"==== a\ntrue\n---- stderr empty\n---- stderr any\n", 4, "second stderr"},
      {"==== a\ntrue\n---- qsh-known-failure\n", 3, "needs \": <reason>\""},
      {"==== a\ntrue\n---- qsh-known-failure:   \n", 3, "reason"},
      {"==== a\ntrue\n---- qsh-known-failure: x\n---- qsh-known-failure: y\n", 4, "second qsh-known-failure"},
      {"==== a\ntrue\n---- stdin\n", 3, "unknown section"},
      {"==== a\ntrue\n----\n", 3, "unknown section"},
      {"==== ok\ntrue\n==== b\n---- stdout\n", 3, "no script"},
  };
  for (const auto& c : cases) {
    const Error e = parse_bad(c.text);
    EXPECT_EQ(e.line, c.line) << c.text;
    EXPECT_NE(strstr(e.message, c.message), nullptr) << c.text << " -> " << e.message;
  }
}

TEST(Suite, CasesBeforeAnErrorAreStillReported) {
  std::vector<Parsed> v;
  Error e;
  const std::string text = "==== good\ntrue\n==== bad\ntrue\n---- status x\n";
  EXPECT_FALSE(qsh_conf::parse_suite(text.data(), text.size(), collect, &v, &e));
  EXPECT_EQ(e.line, 5);
  ASSERT_EQ(v.size(), 1u);
  EXPECT_EQ(v[0].name, "good");
}

TEST(Suite, NulByte) {
  const std::string text("==== a\ntr\0ue\n", 13);
  const Error e = parse_bad(text);
  EXPECT_EQ(e.line, 2);
  EXPECT_NE(strstr(e.message, "NUL"), nullptr);
}

TEST(Suite, NullTextIsAnError) {
  Error e;
  EXPECT_FALSE(qsh_conf::parse_suite(nullptr, 5, nullptr, nullptr, &e));
  EXPECT_FALSE(qsh_conf::parse_suite(nullptr, 0, nullptr, nullptr, nullptr));
}

// Every prefix and every one-byte change of a suite: an answer, never a crash
// (the _asan twin checks the reads).
TEST(Suite, EveryPrefixAndMutation) {
  const std::string text =
      "# c\n==== a\necho x\n---- stdout noeol\nx\n---- status 2\n---- stderr any\n"
      "---- qsh-known-failure: r\n==== b\ntrue\n";
  const char repl[] = {'\0', '\n', '=', '-', ' ', 'x', '9', ':'};
  for (size_t k = 0; k <= text.size(); ++k) {
    const std::string prefix = text.substr(0, k);
    Error e;
    std::vector<Parsed> got;
    qsh_conf::parse_suite(prefix.data(), prefix.size(), collect, &got, &e);
    for (char r : repl) {
      if (k == text.size()) break;
      std::string m = text;
      m[k] = r;
      std::vector<Parsed> v;
      qsh_conf::parse_suite(m.data(), m.size(), collect, &v, &e);
    }
  }
}

bool note_name(const Case& c, void* ctx) {
  auto* names = static_cast<std::vector<std::string>*>(ctx);
  names->emplace_back(c.name.p, c.name.n);
  return true;
}

TEST(Suite, TheRealSuitesParseWithUniqueNames) {
  int total = 0;
  for (const char* suite : qsh_conf::kSuites) {
    size_t n = 0;
    char* text = qsh_conf::read_file((std::string("user/qsh/conformance/") + suite).c_str(), &n);
    ASSERT_NE(text, nullptr) << suite;
    std::vector<std::string> names;
    Error e;
    EXPECT_TRUE(qsh_conf::parse_suite(text, n, note_name, &names, &e)) << suite << ":" << e.line << ": " << e.message;
    free(text);
    const std::set<std::string> unique(names.begin(), names.end());
    EXPECT_EQ(unique.size(), names.size()) << suite << " has two cases of one name";
    total += static_cast<int>(names.size());
  }
  EXPECT_GE(total, 200);
}

}  // namespace
