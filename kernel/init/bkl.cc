// The big kernel lock's one instance (constant-initialised: no constructor runs).
#include "kernel/init/bkl.h"

namespace {
constinit TicketLock g_bkl;
}  // namespace

TicketLock& bkl() { return g_bkl; }
