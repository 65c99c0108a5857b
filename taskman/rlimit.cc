// Resource limits: see rlimit.h.
#include "taskman/rlimit.h"

#include <errno.h>

namespace taskman {

Rlimits rlimit_defaults() {
  Rlimits rl;
  for (Limit& l : rl.r) l = {kRlimInfinity, kRlimInfinity};
  rl.r[_PROC_RLIM_STACK] = {kStackDefault, kStackMax};
  rl.r[_PROC_RLIM_CORE] = {0, kRlimInfinity};  // as Linux: no core files unless asked (QRV writes none)
  rl.r[_PROC_RLIM_NOFILE] = {_PROC_RLIM_NOFILE_MAX, _PROC_RLIM_NOFILE_MAX};
  return rl;
}

int rlimit_set(Rlimits* rl, uint32_t resource, Limit want, bool root) {
  if (resource >= _PROC_RLIM_NLIMITS || want.cur > want.max) return -EINVAL;
  if (resource == _PROC_RLIM_CPU && (want.cur != kRlimInfinity || want.max != kRlimInfinity)) {
    return -EINVAL;  // CPU time is not measured: a finite limit would not hold
  }
  if (resource == _PROC_RLIM_NOFILE && want.max > _PROC_RLIM_NOFILE_MAX) return -EPERM;  // the kernel's table
  Limit& l = rl->r[resource];
  if (want.max > l.max && !root) return -EPERM;
  l = want;
  return 0;
}

uint64_t rlimit_stack_bytes(const Rlimits& rl) {
  const uint64_t cur = rl.r[_PROC_RLIM_STACK].cur;
  if (cur >= kStackMax) return kStackMax;
  if (cur <= kStackMin) return kStackMin;
  return (cur + 4095) & ~uint64_t{4095};
}

}  // namespace taskman
