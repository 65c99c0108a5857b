// The definition of environ (environ.h): here rather than in crt, so that
// libc code using it links in host tests too.
#include "libc/src/common/environ.h"

namespace qrv::libc {

char** environ = nullptr;

}  // namespace qrv::libc
