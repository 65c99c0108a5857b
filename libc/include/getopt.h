/* QRV libc: getopt.h (getopt_long). QRV's getopt never permutes argv: it
 * stops at the first non-option, as POSIX specifies and as glibc does with a
 * leading '+' in optstring or POSIXLY_CORRECT set. A leading '-' returns each
 * non-option as the argument of option 1; glibc's "W;" is not supported. */
#ifndef _GETOPT_H
#define _GETOPT_H

#include <sys/cdefs.h>

#define no_argument 0
#define required_argument 1
#define optional_argument 2

struct option {
  const char* name;
  int has_arg; /* no_argument, required_argument or optional_argument */
  int* flag;   /* non-null: *flag = val and getopt_long returns 0 */
  int val;
};

__BEGIN_DECLS
extern char* optarg;
extern int optind;
extern int opterr;
extern int optopt;
int getopt(int argc, char* const argv[], const char* optstring);
int getopt_long(int argc, char* const argv[], const char* optstring, const struct option* longopts,
                int* longindex);
int getopt_long_only(int argc, char* const argv[], const char* optstring, const struct option* longopts,
                     int* longindex);
__END_DECLS

#endif /* _GETOPT_H */
