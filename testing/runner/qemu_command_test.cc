// build_qemu_command: the exact command line, and each invalid setting refused.
#include "testing/runner/qemu_command.h"

#include <string>
#include <vector>

#include "gtest/gtest.h"

namespace qrv::runner {
namespace {

using Args = std::vector<std::string>;

QemuConfig base() {
  QemuConfig c;
  c.qemu = "/q/qemu-system-riscv64";
  c.bios = "/fw/fw_dynamic.bin";
  c.kernel = "k.bin";
  c.machine = "virt";
  c.smp = 4;
  c.memory = "256M";
  return c;
}

TEST(QemuCommandTest, TestRunLayout) {
  absl::StatusOr<Args> argv = build_qemu_command(base());
  ASSERT_TRUE(argv.ok()) << argv.status();
  EXPECT_EQ(*argv, (Args{"/q/qemu-system-riscv64", "-machine", "virt", "-cpu", "rv64", "-smp",
                         "4", "-m", "256M", "-nographic", "-bios", "/fw/fw_dynamic.bin",
                         "-kernel", "k.bin", "-no-reboot", "-monitor", "none", "-serial",
                         "stdio"}));
}

TEST(QemuCommandTest, InteractiveIcountAndExtraArgs) {
  QemuConfig c = base();
  c.interactive = true;
  c.icount_shift = 3;
  c.extra_args = {"-device", "virtio-rng-device,rng=r0"};
  absl::StatusOr<Args> argv = build_qemu_command(c);
  ASSERT_TRUE(argv.ok());
  ASSERT_EQ(argv->size(), 23u);
  EXPECT_EQ((*argv)[18], "mon:stdio");
  EXPECT_EQ((*argv)[19], "-icount");
  EXPECT_EQ((*argv)[20], "shift=3,sleep=off");
  EXPECT_EQ((*argv)[21], "-device");
  EXPECT_EQ((*argv)[22], "virtio-rng-device,rng=r0");
}

TEST(QemuCommandTest, InitrdFollowsKernel) {
  QemuConfig c = base();
  c.initrd = "boot.cpio";
  absl::StatusOr<Args> argv = build_qemu_command(c);
  ASSERT_TRUE(argv.ok()) << argv.status();
  EXPECT_EQ(*argv, (Args{"/q/qemu-system-riscv64", "-machine", "virt", "-cpu", "rv64", "-smp",
                         "4", "-m", "256M", "-nographic", "-bios", "/fw/fw_dynamic.bin",
                         "-kernel", "k.bin", "-initrd", "boot.cpio", "-no-reboot", "-monitor",
                         "none", "-serial", "stdio"}));
}

TEST(QemuCommandTest, RequiredSettings) {
  for (std::string QemuConfig::*field : {&QemuConfig::qemu, &QemuConfig::bios,
                                         &QemuConfig::kernel, &QemuConfig::machine,
                                         &QemuConfig::memory}) {
    QemuConfig c = base();
    c.*field = "";
    absl::StatusOr<Args> argv = build_qemu_command(c);
    EXPECT_EQ(argv.status().code(), absl::StatusCode::kInvalidArgument);
    EXPECT_NE(argv.status().message().find("is required"), std::string::npos);
  }
}

TEST(QemuCommandTest, RangeChecks) {
  QemuConfig c = base();
  c.smp = 0;
  EXPECT_FALSE(build_qemu_command(c).ok());
  c.smp = kMaxSmp + 1;
  EXPECT_FALSE(build_qemu_command(c).ok());
  c.smp = kMaxSmp;
  EXPECT_TRUE(build_qemu_command(c).ok());
  c.icount_shift = -1;
  EXPECT_FALSE(build_qemu_command(c).ok());
  c.icount_shift = kMaxIcountShift + 1;
  EXPECT_FALSE(build_qemu_command(c).ok());
  c.icount_shift = 0;
  EXPECT_TRUE(build_qemu_command(c).ok());
}

}  // namespace
}  // namespace qrv::runner
