// environ: the process's environment, as the loader's stack gave it (crt's
// start sets it) and as the environment functions change it.
#pragma once

#include "libc/src/common/entrypoint.h"

namespace qrv::libc {

QRV_LIBC_EXTERN_VAR char** environ;

}  // namespace qrv::libc
