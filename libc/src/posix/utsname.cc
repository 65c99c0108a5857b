// uname: the system's names, all constants (sys/utsname.h). The release is
// one string, kQrvRelease, so a new release changes one line.
#include "libc/src/common/entrypoint.h"
#include "libc/src/common/errno.h"
#include "libc/src/posix/posix_api.h"

namespace qrv::libc {
namespace {

void copy_field(char* dst, const char* src) {
  size_t i = 0;
  for (; src[i] != '\0' && i + 1 < kUtsnameLength; ++i) dst[i] = src[i];
  for (; i < kUtsnameLength; ++i) dst[i] = '\0';
}

}  // namespace

QRV_LIBC_FN(int, uname, (Utsname * name)) {
  if (name == nullptr) {
    set_errno(QRV_EFAULT);
    return -1;
  }
  copy_field(name->sysname, "QRV");
  copy_field(name->nodename, "localhost");
  copy_field(name->release, kQrvRelease);
  copy_field(name->version, kQrvVersion);
  copy_field(name->machine, "riscv64");
  return 0;
}

}  // namespace qrv::libc
