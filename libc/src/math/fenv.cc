// fenv.h over fp_env.h: an environment is the fcsr's value, frm << 5 |
// fflags (the layout of the fcsr CSR itself). Exceptions are "raised" by
// setting their flags, which is all raising does without traps; RISC-V has
// none, so feholdexcept always succeeds in non-stop mode.
#include "libc/src/common/entrypoint.h"
#include "libc/src/math/fenv_api.h"
#include "libc/src/math/fp_env.h"

namespace qrv::libc {
namespace {

constexpr uint32_t kFrmShift = 5;

uint32_t only(int excepts) { return static_cast<uint32_t>(excepts) & math::kFlagAll; }

fenv_t current_env() { return (math::read_frm() << kFrmShift) | math::read_fflags(); }

void install_env(const fenv_t* envp) {
  const fenv_t env = envp == fe_dfl_env() ? 0 : *envp;
  math::write_frm((env >> kFrmShift) & 3);
  math::write_fflags(env & math::kFlagAll);
}

}  // namespace

QRV_LIBC_FN(int, feclearexcept, (int excepts)) {
  math::write_fflags(math::read_fflags() & ~only(excepts));
  return 0;
}

QRV_LIBC_FN(int, feraiseexcept, (int excepts)) {
  math::write_fflags(math::read_fflags() | only(excepts));
  return 0;
}

QRV_LIBC_FN(int, fetestexcept, (int excepts)) { return static_cast<int>(math::read_fflags() & only(excepts)); }

QRV_LIBC_FN(int, fegetexceptflag, (fexcept_t * flagp, int excepts)) {
  *flagp = math::read_fflags() & only(excepts);
  return 0;
}

QRV_LIBC_FN(int, fesetexceptflag, (const fexcept_t* flagp, int excepts)) {
  const uint32_t mask = only(excepts);
  math::write_fflags((math::read_fflags() & ~mask) | (*flagp & mask));
  return 0;
}

QRV_LIBC_FN(int, fegetround, ()) { return static_cast<int>(math::read_frm()); }

QRV_LIBC_FN(int, fesetround, (int round)) {
  if (round < kFeToNearest || round > kFeUpward) return -1;
  math::write_frm(static_cast<uint32_t>(round));
  return 0;
}

QRV_LIBC_FN(int, fegetenv, (fenv_t * envp)) {
  *envp = current_env();
  return 0;
}

QRV_LIBC_FN(int, fesetenv, (const fenv_t* envp)) {
  install_env(envp);
  return 0;
}

QRV_LIBC_FN(int, feholdexcept, (fenv_t * envp)) {
  *envp = current_env();
  math::write_fflags(0);
  return 0;
}

QRV_LIBC_FN(int, feupdateenv, (const fenv_t* envp)) {
  const uint32_t raised = math::read_fflags();
  install_env(envp);
  math::write_fflags(math::read_fflags() | raised);
  return 0;
}

}  // namespace qrv::libc
