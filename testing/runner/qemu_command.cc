// build_qemu_command: settings validated, then laid out in QEMU's argument order.
#include "testing/runner/qemu_command.h"

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"

namespace qrv::runner {

absl::StatusOr<std::vector<std::string>> build_qemu_command(const QemuConfig& config) {
  const struct {
    const char* flag;
    const std::string& value;
  } required[] = {
      {"--qemu", config.qemu},       {"--bios", config.bios},
      {"--kernel", config.kernel},   {"--machine", config.machine},
      {"--memory", config.memory},
  };
  for (const auto& r : required) {
    if (r.value.empty()) return absl::InvalidArgumentError(absl::StrCat(r.flag, " is required"));
  }
  if (config.smp < 1 || config.smp > kMaxSmp) {
    return absl::InvalidArgumentError(
        absl::StrCat("--smp must be in 1..", kMaxSmp, ", got ", config.smp));
  }
  if (config.icount_shift.has_value() &&
      (*config.icount_shift < 0 || *config.icount_shift > kMaxIcountShift)) {
    return absl::InvalidArgumentError(
        absl::StrCat("--icount must be in 0..", kMaxIcountShift, ", got ", *config.icount_shift));
  }

  std::vector<std::string> argv = {
      config.qemu,  "-machine",  config.machine,
      "-cpu",       "rv64",      "-smp",
      absl::StrCat(config.smp),  "-m",  config.memory,
      "-nographic", "-bios",     config.bios,
      "-kernel",    config.kernel,
  };
  if (!config.initrd.empty()) {
    argv.push_back("-initrd");
    argv.push_back(config.initrd);
  }
  argv.insert(argv.end(), {"-no-reboot", "-monitor", "none",
                           "-serial", config.interactive ? "mon:stdio" : "stdio"});
  if (config.icount_shift.has_value()) {
    // sleep=off: an idle guest's clock jumps to its next timer instead of
    // following the host's, so a run is the same every time (a fuzz seed
    // replays exactly) and virtual time still counts the idle stretch.
    argv.push_back("-icount");
    argv.push_back(absl::StrCat("shift=", *config.icount_shift, ",sleep=off"));
  }
  argv.insert(argv.end(), config.extra_args.begin(), config.extra_args.end());
  return argv;
}

}  // namespace qrv::runner
