// glob() over QRV's own directories: opendir/readdir and stat (messages to
// the servers that own the paths).
#include "libc/src/common/entrypoint.h"
#include "libc/src/common/errno.h"
#include "libc/src/glob/glob_api.h"
#include "libc/src/posix/posix_api.h"

namespace qrv::libc {
namespace {

int list(void*, const char* dir, void (*each)(void*, const char*), void* each_ctx) {
  Dir* d = opendir(dir);
  if (d == nullptr) return get_errno();
  while (Dirent* e = readdir(d)) each(each_ctx, e->d_name);
  closedir(d);
  return 0;
}

int kind(void*, const char* path) {
  Stat st;
  if (stat(path, &st) != 0) return -1;
  return (st.st_mode & 0170000) == 0040000 ? 1 : 0;  // S_ISDIR
}

}  // namespace

QRV_LIBC_FN(int, glob, (const char* pattern, int flags, int (*errfunc)(const char*, int), Glob* g)) {
  const GlobFs fs = {nullptr, list, kind};
  return glob_fs(pattern, flags, errfunc, g, fs);
}

}  // namespace qrv::libc
