// regex.h inside QRV's libc (namespace qrv::libc): POSIX regular
// expressions, basic and extended, in the C locale. The values are glibc's
// and the BSDs', so the C header and the host tests agree with both.
#pragma once

#include <stddef.h>

namespace qrv::libc {

using RegOff = long;  // regoff_t: as wide as ssize_t

// regex_t: re_nsub is public; impl is the compiled pattern (regex.cc's).
struct Regex {
  size_t re_nsub;
  void* impl;
};

// regmatch_t: a match's [rm_so, rm_eo), or -1 for a group that took no part.
struct RegMatch {
  RegOff rm_so;
  RegOff rm_eo;
};

// cflags
inline constexpr int kRegExtended = 1;
inline constexpr int kRegIcase = 2;
inline constexpr int kRegNewline = 4;
inline constexpr int kRegNosub = 8;
// eflags
inline constexpr int kRegNotbol = 1;
inline constexpr int kRegNoteol = 2;
// Results.
inline constexpr int kRegNomatch = 1;
inline constexpr int kRegBadpat = 2;
inline constexpr int kRegEcollate = 3;
inline constexpr int kRegEctype = 4;
inline constexpr int kRegEescape = 5;
inline constexpr int kRegEsubreg = 6;
inline constexpr int kRegEbrack = 7;
inline constexpr int kRegEparen = 8;
inline constexpr int kRegEbrace = 9;
inline constexpr int kRegBadbr = 10;
inline constexpr int kRegErange = 11;
inline constexpr int kRegEspace = 12;
inline constexpr int kRegBadrpt = 13;

inline constexpr int kReDupMax = 0x7fff;  // RE_DUP_MAX: the largest interval count (glibc's)

int regcomp(Regex* preg, const char* pattern, int cflags);
int regexec(const Regex* preg, const char* string, size_t nmatch, RegMatch pmatch[], int eflags);
size_t regerror(int errcode, const Regex* preg, char* errbuf, size_t errbuf_size);
void regfree(Regex* preg);

// For tests: whether group i (1..re_nsub) lies inside a repetition.
bool regex_group_in_repeat(const Regex* preg, size_t i);
// For tests: the group directly around group i, 0 if none.
size_t regex_group_parent(const Regex* preg, size_t i);

}  // namespace qrv::libc
