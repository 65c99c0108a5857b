// The big kernel lock's one instance (constant-initialised: no constructor runs).
#include "kernel/init/bkl.h"

constinit BigKernelLock g_bkl;
