// getopt, getopt_long and getopt_long_only against glibc's: random argv and
// optstrings, every call's result, optind, optarg, optopt, longindex and flag,
// and the diagnostics on stderr. glibc runs with a leading '+' (or '-') in
// optstring, its non-permuting modes; QRV must agree with and without the '+'.
#include <getopt.h>
#include <gtest/gtest.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <deque>
#include <random>
#include <string>
#include <vector>

#include "libc/src/getopt/getopt_api.h"
#include "libc/src/stdio/stdio_api.h"

namespace {

namespace q = qrv::libc;

static_assert(sizeof(q::LongOption) == sizeof(::option), "struct option's layout");

long sink_write(void* cookie, const void* buf, size_t n) {
  static_cast<std::string*>(cookie)->append(static_cast<const char*>(buf), n);
  return static_cast<long>(n);
}
long sink_read(void*, void*, size_t) { return -1; }
long sink_seek(void*, int64_t, int) { return -1; }
long sink_close(void*) { return 0; }
const q::IoOps kSinkOps = {sink_read, sink_write, sink_seek, sink_close};

enum class Kind { kShort, kLong, kLongOnly };

struct Step {
  int ret, optind, optopt, longindex, flag;
  const char* optarg;
  bool operator==(const Step&) const = default;
};

std::ostream& operator<<(std::ostream& os, const Step& s) {
  return os << "{ret " << s.ret << " optind " << s.optind << " optopt " << s.optopt << " longindex "
            << s.longindex << " flag " << s.flag << " optarg " << (s.optarg ? s.optarg : "(null)") << "}";
}

struct Outcome {
  std::vector<Step> steps;
  std::string errors;
  int optopt_before;  // glibc keeps optopt internally, whatever the caller stores
};

int g_flag = -1;  // the flag of the "verbose" long options

template <typename Option>
std::vector<Option> long_options() {
  return {{"all", 0, nullptr, 'a'},     {"alpha", 1, nullptr, 'A'},   {"verbose", 2, &g_flag, 7},
          {"version", 0, nullptr, 'V'}, {"verb", 1, nullptr, 'v'},    {"color", 0, nullptr, 'c'},
          {"colour", 0, nullptr, 'c'},  {"b", 1, nullptr, 'b'},       {"bee", 0, &g_flag, 9},
          {"x", 2, nullptr, 'x'},       {nullptr, 0, nullptr, 0}};
}

Outcome run_qrv(Kind kind, std::vector<char*> argv, const std::string& optstring, int opterr,
                int optopt = '?') {
  static const std::vector<q::LongOption> kLong = long_options<q::LongOption>();
  Outcome run;
  q::File* sink = q::open_stream(&kSinkOps, &run.errors, q::kCanWrite, -1);
  q::File* saved = q::stderr;
  q::stderr = sink;
  q::optind = 0;
  q::opterr = opterr;
  q::optopt = optopt;
  g_flag = -1;
  const int argc = static_cast<int>(argv.size()) - 1;
  for (int i = 0; i < 50; ++i) {
    int longindex = -1;
    int ret;
    if (kind == Kind::kShort) {
      ret = q::getopt(argc, argv.data(), optstring.c_str());
    } else if (kind == Kind::kLong) {
      ret = q::getopt_long(argc, argv.data(), optstring.c_str(), kLong.data(), &longindex);
    } else {
      ret = q::getopt_long_only(argc, argv.data(), optstring.c_str(), kLong.data(), &longindex);
    }
    run.steps.push_back({ret, q::optind, q::optopt, longindex, g_flag, q::optarg});
    if (ret == -1) break;
  }
  q::stderr = saved;
  q::fclose(sink);
  return run;
}

Outcome run_glibc(Kind kind, std::vector<char*> argv, const std::string& optstring, int opterr) {
  static const std::vector<::option> kLong = long_options<::option>();
  Outcome run;
  char* text = nullptr;
  size_t size = 0;
  FILE* sink = open_memstream(&text, &size);
  FILE* saved = stderr;
  stderr = sink;
  ::optind = 0;
  ::opterr = opterr;
  run.optopt_before = ::optopt;
  g_flag = -1;
  const int argc = static_cast<int>(argv.size()) - 1;
  for (int i = 0; i < 50; ++i) {
    int longindex = -1;
    int ret;
    if (kind == Kind::kShort) {
      ret = ::getopt(argc, argv.data(), optstring.c_str());
    } else if (kind == Kind::kLong) {
      ret = ::getopt_long(argc, argv.data(), optstring.c_str(), kLong.data(), &longindex);
    } else {
      ret = ::getopt_long_only(argc, argv.data(), optstring.c_str(), kLong.data(), &longindex);
    }
    run.steps.push_back({ret, ::optind, ::optopt, longindex, g_flag, ::optarg});
    if (ret == -1) break;
  }
  stderr = saved;
  fclose(sink);
  run.errors.assign(text, size);
  free(text);
  return run;
}

std::string describe(const std::vector<char*>& argv, const std::string& optstring) {
  std::string s = "optstring \"" + optstring + "\" argv";
  for (char* a : argv) {
    if (a != nullptr) s += std::string(" [") + a + "]";
  }
  return s;
}

TEST(GetoptTest, RandomCommandLinesMatchGlibc) {
  static const char* const kArgs[] = {
      "-a",     "-ab",     "-afoo", "-b",      "-bval",    "-c",       "-x",        "-z",      "-:",
      "-;",     "-W",      "--",    "-",       "foo",      "--all",    "--all=1",   "--al",    "--alp",
      "--a",    "--b",     "--b=",  "--be",    "--bogus",  "--verbose", "--verb=3", "--ver",   "--verbo=2",
      "--col",  "--colo",  "--x",   "--x=opt", "-all",     "-alpha",   "-verb",     "-b",      "--=x",
      "---",    "-a-b",    "-xy",   "-cab",    "--colour", "-col",     "-ver=1",    "--version=no"};
  static const char* const kPrefixes[] = {"+", "+:", "-", "-:"};
  static const char* const kKinds[] = {"", ":", "::"};
  std::mt19937 rng(31);
  std::deque<std::string> storage;
  for (int iter = 0; iter < 30000; ++iter) {
    std::string body;
    for (char c : std::string("abcxW")) {
      if (rng() % 4 != 0) body += std::string(1, c) + kKinds[rng() % 3];
    }
    const std::string prefix = kPrefixes[rng() % 4];
    const std::string optstring = prefix + body;
    std::vector<char*> argv;
    storage.emplace_back("prog");
    argv.push_back(storage.back().data());
    const int n = static_cast<int>(rng() % 7);
    for (int i = 0; i < n; ++i) {
      storage.emplace_back(kArgs[rng() % (sizeof(kArgs) / sizeof(kArgs[0]))]);
      argv.push_back(storage.back().data());
    }
    argv.push_back(nullptr);
    const Kind kind = static_cast<Kind>(rng() % 3);
    const int opterr = static_cast<int>(rng() % 4 != 0);
    SCOPED_TRACE(describe(argv, optstring) + " kind " + std::to_string(static_cast<int>(kind)));
    const Outcome theirs = run_glibc(kind, argv, optstring, opterr);
    const Outcome mine = run_qrv(kind, argv, optstring, opterr, theirs.optopt_before);
    ASSERT_EQ(mine.steps, theirs.steps);
    ASSERT_EQ(mine.errors, theirs.errors);
    if (prefix[0] == '+') {  // QRV's order is POSIX's without being asked
      const Outcome plain = run_qrv(kind, argv, optstring.substr(1), opterr, theirs.optopt_before);
      ASSERT_EQ(plain.steps, theirs.steps);
      ASSERT_EQ(plain.errors, theirs.errors);
    }
    if (storage.size() > 1000) storage.clear();
  }
}

std::vector<char*> args(std::deque<std::string>& storage, std::initializer_list<const char*> list) {
  std::vector<char*> argv;
  for (const char* a : list) {
    storage.emplace_back(a);
    argv.push_back(storage.back().data());
  }
  argv.push_back(nullptr);
  return argv;
}

TEST(GetoptTest, PosixSemanticsWithoutAPlus) {
  std::deque<std::string> storage;
  // The first non-option ends the scan; nothing is permuted.
  std::vector<char*> argv = args(storage, {"prog", "-a", "file", "-b"});
  Outcome run = run_qrv(Kind::kShort, argv, "ab", 1);
  ASSERT_EQ(run.steps.size(), 2u);
  EXPECT_EQ(run.steps[0].ret, 'a');
  EXPECT_EQ(run.steps[1].ret, -1);
  EXPECT_EQ(run.steps[1].optind, 2);
  EXPECT_STREQ(argv[2], "file");
  // POSIX's example: "-ao arg path path" with optstring ":abf:o:".
  argv = args(storage, {"cmd", "-ao", "arg", "path", "path"});
  run = run_qrv(Kind::kShort, argv, ":abf:o:", 1);
  ASSERT_EQ(run.steps.size(), 3u);
  EXPECT_EQ(run.steps[0].ret, 'a');
  EXPECT_EQ(run.steps[1].ret, 'o');
  EXPECT_STREQ(run.steps[1].optarg, "arg");
  EXPECT_EQ(run.steps[2].optind, 3);
  // A missing argument: ':' with a leading ':' (silently), '?' and a message otherwise.
  argv = args(storage, {"cmd", "-f"});
  run = run_qrv(Kind::kShort, argv, ":f:", 1);
  EXPECT_EQ(run.steps[0].ret, ':');
  EXPECT_EQ(run.steps[0].optopt, 'f');
  EXPECT_EQ(run.errors, "");
  run = run_qrv(Kind::kShort, argv, "f:", 1);
  EXPECT_EQ(run.steps[0].ret, '?');
  EXPECT_EQ(run.errors, "cmd: option requires an argument -- 'f'\n");
  // "--" ends the options and is consumed.
  argv = args(storage, {"cmd", "--", "-a"});
  run = run_qrv(Kind::kShort, argv, "a", 1);
  EXPECT_EQ(run.steps[0].ret, -1);
  EXPECT_EQ(run.steps[0].optind, 2);
}

TEST(GetoptTest, LongOptionsAbbreviateSetFlagsAndReportAmbiguity) {
  std::deque<std::string> storage;
  std::vector<char*> argv = args(storage, {"prog", "--verbose=2", "--col", "--alp", "x", "--v", "rest"});
  const Outcome run = run_qrv(Kind::kLong, argv, "", 1);
  ASSERT_EQ(run.steps.size(), 5u);
  EXPECT_EQ(run.steps[0].ret, 0);  // the flag was set instead
  EXPECT_EQ(run.steps[0].flag, 7);
  EXPECT_EQ(run.steps[0].longindex, 2);
  EXPECT_STREQ(run.steps[0].optarg, "2");
  EXPECT_EQ(run.steps[1].ret, 'c');  // "color" and "colour" mean the same
  EXPECT_EQ(run.steps[2].ret, 'A');
  EXPECT_STREQ(run.steps[2].optarg, "x");
  EXPECT_EQ(run.steps[3].ret, '?');
  EXPECT_EQ(run.steps[3].optopt, 0);
  EXPECT_EQ(run.errors, "prog: option '--v' is ambiguous; possibilities: '--verbose' '--version' '--verb'\n");
  EXPECT_EQ(run.steps[4].ret, -1);
  EXPECT_EQ(run.steps[4].optind, 6);
}

}  // namespace
