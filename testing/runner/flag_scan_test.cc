// take_repeated_flag: every spelling, order kept, commas kept, `--` respected.
#include "testing/runner/flag_scan.h"

#include <string>
#include <vector>

#include "gtest/gtest.h"

namespace qrv::runner {
namespace {

struct Argv {
  explicit Argv(std::vector<std::string> a) : args(std::move(a)) {
    for (std::string& s : args) ptrs.push_back(s.data());
  }
  int argc() { return static_cast<int>(ptrs.size()); }
  std::vector<std::string> args;
  std::vector<char*> ptrs;
};

std::vector<std::string> strings(const std::vector<char*>& v) {
  return std::vector<std::string>(v.begin(), v.end());
}

TEST(FlagScanTest, TakesEverySpellingInOrder) {
  Argv a({"runner", "--qemu_arg=-device", "--kernel=k", "-qemu_arg=virtio-net-device,netdev=n0",
          "--qemu_arg", "-s", "-qemu_arg", "x y", "--timeout=5s"});
  absl::StatusOr<ScannedFlag> s = take_repeated_flag(a.argc(), a.ptrs.data(), "qemu_arg");
  ASSERT_TRUE(s.ok()) << s.status();
  EXPECT_EQ(s->values,
            (std::vector<std::string>{"-device", "virtio-net-device,netdev=n0", "-s", "x y"}));
  EXPECT_EQ(strings(s->remaining),
            (std::vector<std::string>{"runner", "--kernel=k", "--timeout=5s"}));
}

TEST(FlagScanTest, EmptyValueIsKept) {
  Argv a({"runner", "--qemu_arg="});
  absl::StatusOr<ScannedFlag> s = take_repeated_flag(a.argc(), a.ptrs.data(), "qemu_arg");
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(s->values, std::vector<std::string>{""});
}

TEST(FlagScanTest, LeavesSimilarNamesAlone) {
  Argv a({"runner", "--qemu_args_file=f", "--qemu=q", "--qemu_argx=1"});
  absl::StatusOr<ScannedFlag> s = take_repeated_flag(a.argc(), a.ptrs.data(), "qemu_arg");
  ASSERT_TRUE(s.ok());
  EXPECT_TRUE(s->values.empty());
  EXPECT_EQ(s->remaining.size(), 4u);
}

TEST(FlagScanTest, StopsAtDoubleDash) {
  Argv a({"runner", "--", "--qemu_arg=x"});
  absl::StatusOr<ScannedFlag> s = take_repeated_flag(a.argc(), a.ptrs.data(), "qemu_arg");
  ASSERT_TRUE(s.ok());
  EXPECT_TRUE(s->values.empty());
  EXPECT_EQ(strings(s->remaining), (std::vector<std::string>{"runner", "--", "--qemu_arg=x"}));
}

TEST(FlagScanTest, MissingValueIsAnError) {
  Argv a({"runner", "--qemu_arg"});
  absl::StatusOr<ScannedFlag> s = take_repeated_flag(a.argc(), a.ptrs.data(), "qemu_arg");
  EXPECT_EQ(s.status().code(), absl::StatusCode::kInvalidArgument);
}

TEST(FlagScanTest, EmptyArgv) {
  absl::StatusOr<ScannedFlag> s = take_repeated_flag(0, nullptr, "qemu_arg");
  ASSERT_TRUE(s.ok());
  EXPECT_TRUE(s->remaining.empty());
}

}  // namespace
}  // namespace qrv::runner
