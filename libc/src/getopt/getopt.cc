// getopt, getopt_long, getopt_long_only: one scanner over argv. It never
// permutes: the first non-option ends the scan (POSIX), unless optstring
// starts with '-', when each non-option comes back as the argument of
// option 1 (glibc's RETURN_IN_ORDER). A leading '+' is accepted and changes
// nothing; a ':' after it silences diagnostics and reports a missing
// argument as ':'. "::" after a letter makes its argument optional
// (attached only). optind = 0 restarts the scan. glibc's "W;" is not
// supported: 'W' is then an ordinary option.
#include "libc/src/common/entrypoint.h"
#include "libc/src/getopt/getopt_api.h"
#include "libc/src/getopt/scan.h"
#include "libc/src/stdio/stdio_api.h"
#include "libc/src/string/string_api.h"

namespace qrv::libc {

char* optarg = nullptr;
int optind = 1;
int opterr = 1;
int optopt = '?';

char* g_next_char = nullptr;

void error_start(const Scan& scan) {
  error_piece(scan.argv[0]);
  error_piece(": ");
}

void error_piece(const char* text) { fputs(text, stderr); }

namespace {

bool is_option(const char* arg) { return arg[0] == '-' && arg[1] != '\0'; }

// The next short option of the cluster at g_next_char.
int scan_short_option(const Scan& scan) {
  const char c = *g_next_char++;
  const char* spec = strchr(scan.optstring, c);
  if (*g_next_char == '\0') ++optind;  // the cluster's last character
  if (spec == nullptr || c == ':' || c == ';') {
    if (scan.print_errors) {
      const char text[2] = {c, '\0'};
      error_start(scan);
      error_piece("invalid option -- '");
      error_piece(text);
      error_piece("'\n");
    }
    optopt = c;
    return '?';
  }
  if (spec[1] != ':') return c;
  if (*g_next_char != '\0') {  // attached: "-ofile"
    optarg = g_next_char;
    ++optind;
  } else if (spec[2] == ':') {  // optional, and not attached
    optarg = nullptr;
  } else if (optind >= scan.argc) {
    if (scan.print_errors) {
      const char text[2] = {c, '\0'};
      error_start(scan);
      error_piece("option requires an argument -- '");
      error_piece(text);
      error_piece("'\n");
    }
    optopt = c;
    g_next_char = nullptr;
    return scan.optstring[0] == ':' ? ':' : '?';
  } else {
    optarg = scan.argv[optind++];
  }
  g_next_char = nullptr;
  return c;
}

int scan_argv(int argc, char* const argv[], const char* optstring, const LongOption* longopts, int* longindex,
              bool long_only) {
  optarg = nullptr;
  if (optind == 0) {
    optind = 1;
    g_next_char = nullptr;
  }
  if (argc < 1) return -1;
  bool in_order = false;
  if (optstring[0] == '+' || optstring[0] == '-') in_order = *optstring++ == '-';
  const Scan scan = {argc, argv, optstring, opterr != 0 && optstring[0] != ':', long_only};

  if (g_next_char == nullptr || *g_next_char == '\0') {
    if (optind >= argc) return -1;
    const char* arg = argv[optind];
    if (strcmp(arg, "--") == 0) {
      ++optind;
      return -1;
    }
    if (!is_option(arg)) {
      if (!in_order) return -1;
      optarg = argv[optind++];
      return 1;
    }
    if (longopts != nullptr) {
      if (arg[1] == '-') {
        g_next_char = argv[optind] + 2;
        return scan_long_option(scan, longopts, longindex, "--");
      }
      if (long_only && (arg[2] != '\0' || strchr(optstring, arg[1]) == nullptr)) {
        g_next_char = argv[optind] + 1;
        const int code = scan_long_option(scan, longopts, longindex, "-");
        if (code != -1) return code;
      }
    }
    g_next_char = argv[optind] + 1;
  }
  return scan_short_option(scan);
}

}  // namespace

QRV_LIBC_FN(int, getopt, (int argc, char* const argv[], const char* optstring)) {
  return scan_argv(argc, argv, optstring, nullptr, nullptr, false);
}

QRV_LIBC_FN(int, getopt_long,
            (int argc, char* const argv[], const char* optstring, const LongOption* longopts, int* longindex)) {
  return scan_argv(argc, argv, optstring, longopts, longindex, false);
}

QRV_LIBC_FN(int, getopt_long_only,
            (int argc, char* const argv[], const char* optstring, const LongOption* longopts, int* longindex)) {
  return scan_argv(argc, argv, optstring, longopts, longindex, true);
}

}  // namespace qrv::libc
