// getopts_step against POSIX's getopts: bundles, attached and separate
// arguments, --, the first operand, unknown options and missing arguments
// in both reporting modes.
#include "user/qsh/getopts.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace qsh {
namespace {

// Runs getopts to the end; each step as "name[=optarg]" (or "error:letter"), then OPTIND.
std::string run(const char* optstring, std::vector<const char*> args) {
  std::string out;
  int ind = 1, pos = 1;
  for (int guard = 0; guard < 50; ++guard) {
    const GetoptsStep s = getopts_step(optstring, args.data(), static_cast<int>(args.size()), &ind, &pos);
    if (s.status != 0) break;
    out += s.name;
    if (s.optarg != nullptr) out += std::string("=") + s.optarg;
    if (s.error != nullptr) out += std::string("(") + s.error + " " + s.letter + ")";
    out += " ";
  }
  return out + "OPTIND=" + std::to_string(ind);
}

TEST(Getopts, FlagsBundlesAndArguments) {
  EXPECT_EQ(run("ab:", {"-a", "-b", "val", "rest"}), "a b=val OPTIND=4");
  EXPECT_EQ(run("ab:", {"-ab", "val"}), "a b=val OPTIND=3");
  EXPECT_EQ(run("ab:", {"-abval", "x"}), "a b=val OPTIND=2");
  EXPECT_EQ(run("abc", {"-ca", "-b"}), "c a b OPTIND=3");
}

TEST(Getopts, StopsAtOperandsAndDoubleDash) {
  EXPECT_EQ(run("a", {"x", "-a"}), "OPTIND=1");
  EXPECT_EQ(run("a", {"-a", "--", "-a"}), "a OPTIND=3");
  EXPECT_EQ(run("a", {"-a", "-", "-a"}), "a OPTIND=2") << "a lone - is an operand";
  EXPECT_EQ(run("a", {}), "OPTIND=1");
}

TEST(Getopts, ErrorsReportedOrSilent) {
  EXPECT_EQ(run("a", {"-x", "-a"}), "?(illegal option x) a OPTIND=3");
  EXPECT_EQ(run(":a", {"-x"}), "?=x OPTIND=2");
  EXPECT_EQ(run("b:", {"-b"}), "?(option requires an argument b) OPTIND=2");
  EXPECT_EQ(run(":b:", {"-b"}), ":=b OPTIND=2");
  EXPECT_EQ(run("a:", {"-:"}), "?(illegal option :) OPTIND=2") << "':' is never an option";
}

}  // namespace
}  // namespace qsh
