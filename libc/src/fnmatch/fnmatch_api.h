// fnmatch.h inside QRV's libc (namespace qrv::libc).
#pragma once

namespace qrv::libc {

// The flags and result of fnmatch (the values of glibc and the BSDs).
inline constexpr int kFnmNomatch = 1;
inline constexpr int kFnmNoescape = 0x02;
inline constexpr int kFnmPathname = 0x01;
inline constexpr int kFnmPeriod = 0x04;

int fnmatch(const char* pattern, const char* string, int flags);

}  // namespace qrv::libc
