// getopt.h and unistd.h's getopt inside QRV's libc (namespace qrv::libc).
// QRV's getopt never permutes argv: it stops at the first non-option, as
// POSIX says and as glibc does with a leading '+' or POSIXLY_CORRECT.
#pragma once

#include "libc/src/common/entrypoint.h"

namespace qrv::libc {

QRV_LIBC_EXTERN_VAR char* optarg;
QRV_LIBC_EXTERN_VAR int optind;
QRV_LIBC_EXTERN_VAR int opterr;
QRV_LIBC_EXTERN_VAR int optopt;

// Layout of <getopt.h>'s struct option.
struct LongOption {
  const char* name;
  int has_arg;  // kNoArgument, kRequiredArgument, kOptionalArgument
  int* flag;
  int val;
};
inline constexpr int kNoArgument = 0;
inline constexpr int kRequiredArgument = 1;
inline constexpr int kOptionalArgument = 2;

int getopt(int argc, char* const argv[], const char* optstring);
int getopt_long(int argc, char* const argv[], const char* optstring, const LongOption* longopts, int* longindex);
int getopt_long_only(int argc, char* const argv[], const char* optstring, const LongOption* longopts,
                     int* longindex);

}  // namespace qrv::libc
