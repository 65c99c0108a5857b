// sysconf: the limits QRV's kernel, taskman and libc have, each from where it
// is set (cited below); usleep over nanosleep.
#include <stdint.h>

#include "kernel/abi/errno.h"
#include "kernel/abi/signals.h"
#include "libc/include/sys/procmsg.h"
#include "libc/src/common/entrypoint.h"
#include "libc/src/common/errno.h"
#include "libc/src/common/thread_block.h"
#include "libc/src/neutrino/io_link.h"
#include "libc/src/neutrino/taskman_link.h"
#include "libc/src/posix/posix_api.h"

namespace qrv::libc {
namespace {

// unistd.h's _SC_* (glibc's numbers).
enum : int {
  kScArgMax = 0,
  kScChildMax = 1,
  kScClkTck = 2,
  kScOpenMax = 4,
  kScPagesize = 30,
  kScRtsigMax = 31,
  kScSemValueMax = 33,
  kScSigqueueMax = 34,
  kScTimerMax = 35,
  kScLineMax = 43,
  kScThreadDestructorIterations = 73,
  kScThreadKeysMax = 74,
  kScThreadStackMin = 75,
  kScThreadThreadsMax = 76,
  kScNprocessorsConf = 83,
  kScNprocessorsOnln = 84,
};

constexpr long kPageSize = 4096;              // Sv39's base page
constexpr long kKernelThreadsPerProcess = 128;  // kernel/proc/thread.h kMaxThreadsPerProcess
constexpr long kKernelProcesses = 64;         // kernel/proc/process.h kMaxProcesses: all of them
constexpr long kKernelTimersPerProcess = 16;  // kernel/proc/thread.h kMaxTimersPerProcess
constexpr long kTicksPerSecond = 100;         // kernel/proc/clock.h kTickNs: 10 ms
constexpr long kThreadStackMin = 4096;        // pthread.cc kMinStack
constexpr long kLineMax = 2048;               // POSIX's least _POSIX2_LINE_MAX; QRV's tools take longer lines

}  // namespace

QRV_LIBC_FN(long, sysconf, (int name)) {
  switch (name) {
    case kScArgMax: return _PROC_SPAWN_MAX;  // argv and environ strings of a spawn, together
    case kScChildMax: return kKernelProcesses;
    case kScClkTck: return kTicksPerSecond;
    case kScOpenMax: return kFdMax;
    case kScPagesize: return kPageSize;
    case kScSemValueMax: return 0x7fffffff;  // semaphore.h SEM_VALUE_MAX
    case kScTimerMax: return kKernelTimersPerProcess;
    case kScLineMax: return kLineMax;
    case kScThreadDestructorIterations: return 4;  // pthread.h PTHREAD_DESTRUCTOR_ITERATIONS
    case kScThreadKeysMax: return kThreadKeysMax;
    case kScThreadStackMin: return kThreadStackMin;
    case kScThreadThreadsMax: return kKernelThreadsPerProcess;
    case kScRtsigMax: return QRV_SIGRTMAX - QRV_SIGRTMIN + 1;
    case kScSigqueueMax: return QRV_SIGQUEUE_MAX;
    // taskman asks the kernel (_PROC_SYSINFO): no hart comes or goes after boot.
    case kScNprocessorsConf:
    case kScNprocessorsOnln: {
      const _proc_hdr m = {_PROC_SYSINFO, 0, sizeof m};
      _proc_sysinfo r = {};
      if (from_kernel_result(taskman_send(&m, sizeof m, &r, sizeof r)) < 0) return -1;
      return name == kScNprocessorsOnln ? r.harts_online : r.harts_configured;
    }
    default: break;
  }
  set_errno(QRV_EINVAL);
  return -1;
}

QRV_LIBC_FN(int, usleep, (uint32_t usec)) {
  const qrv_timespec req = {static_cast<int64_t>(usec / 1000000), static_cast<int64_t>(usec % 1000000) * 1000};
  return nanosleep(&req, nullptr);
}

}  // namespace qrv::libc
