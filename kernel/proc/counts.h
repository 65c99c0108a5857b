// What DebugKernelCounts reports: live kernel objects and memory, so that a
// test can prove a workload left nothing behind. Under the big kernel lock.
#pragma once

#include "kernel/abi/types.h"

qrv_kernel_counts kernel_counts();
