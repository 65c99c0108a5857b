// Ends the calling program (all its threads) with `status`; never returns.
#pragma once

#include <cstdint>

[[noreturn]] void process_exit(int64_t status);
