// glob.h inside QRV's libc (namespace qrv::libc): pathname expansion, POSIX
// glob()/globfree(). The directory walk reads through a GlobFs, so the
// host tests run it over the host's files (glob_fs_posix.cc on the board:
// opendir, readdir, stat).
#pragma once

#include <stddef.h>

namespace qrv::libc {

// The flags and results (glibc's values).
inline constexpr int kGlobErr = 1 << 0;
inline constexpr int kGlobMark = 1 << 1;
inline constexpr int kGlobNosort = 1 << 2;
inline constexpr int kGlobDooffs = 1 << 3;
inline constexpr int kGlobNocheck = 1 << 4;
inline constexpr int kGlobAppend = 1 << 5;
inline constexpr int kGlobNoescape = 1 << 6;
inline constexpr int kGlobNospace = 1;
inline constexpr int kGlobAborted = 2;
inline constexpr int kGlobNomatch = 3;

struct Glob {  // glob_t
  size_t gl_pathc;
  char** gl_pathv;
  size_t gl_offs;
};

// What glob needs of the filesystem.
struct GlobFs {
  void* ctx;
  // Calls each(ctx, each_ctx, name) for every entry of `dir` ("." for the
  // current one), "." and ".." included if the directory lists them; 0, or
  // the errno of opening it.
  int (*list)(void* ctx, const char* dir, void (*each)(void* each_ctx, const char* name), void* each_ctx);
  // 1 if path exists and is a directory, 0 if it exists, -1 if not.
  int (*kind)(void* ctx, const char* path);
};

int glob_fs(const char* pattern, int flags, int (*errfunc)(const char* path, int err), Glob* g, const GlobFs& fs);
int glob(const char* pattern, int flags, int (*errfunc)(const char* path, int err), Glob* g);
void globfree(Glob* g);

}  // namespace qrv::libc
