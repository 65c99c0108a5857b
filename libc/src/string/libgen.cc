// libgen.h: basename and dirname, POSIX's (they may write into `path`:
// trailing slashes are cut in place). Both answer "." for NULL or "".
#include "libc/src/common/entrypoint.h"
#include "libc/src/string/string_api.h"

namespace qrv::libc {
namespace {
char g_dot[] = ".";
}  // namespace

QRV_LIBC_FN(char*, basename, (char* path)) {
  if (path == nullptr || path[0] == '\0') return g_dot;
  size_t end = strlen(path);
  while (end > 1 && path[end - 1] == '/') --end;  // "/" and "//" stay "/"
  if (end == 1 && path[0] == '/') {
    path[1] = '\0';
    return path;
  }
  path[end] = '\0';
  size_t start = end;
  while (start > 0 && path[start - 1] != '/') --start;
  return path + start;
}

QRV_LIBC_FN(char*, dirname, (char* path)) {
  if (path == nullptr || path[0] == '\0') return g_dot;
  size_t end = strlen(path);
  while (end > 1 && path[end - 1] == '/') --end;  // the trailing slashes
  while (end > 0 && path[end - 1] != '/') --end;  // the last component
  if (end == 0) return g_dot;                     // no directory part
  while (end > 1 && path[end - 1] == '/') --end;  // the slashes before it
  // POSIX leaves a leading "//" to the implementation: kept, as glibc does.
  if (end == 1 && path[0] == '/' && path[1] == '/' && path[2] != '/') end = 2;
  path[end] = '\0';
  return path;
}

}  // namespace qrv::libc
