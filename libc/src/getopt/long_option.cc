// Long options: "--name", "--name=value", "--name value" (required
// arguments only), and unambiguous abbreviations. A prefix of several
// options is ambiguous unless they all mean the same (has_arg, flag, val);
// getopt_long_only counts any second match as ambiguous. Diagnostics as glibc's.
#include "libc/src/getopt/getopt_api.h"
#include "libc/src/getopt/scan.h"
#include "libc/src/string/string_api.h"

namespace qrv::libc {
namespace {

bool same_meaning(const LongOption& a, const LongOption& b) {
  return a.has_arg == b.has_arg && a.flag == b.flag && a.val == b.val;
}

// The ambiguity report: the first match, then every later one that differs from it.
void report_ambiguous(const Scan& scan, const LongOption* longopts, const char* name, size_t len,
                      const char* prefix, int first) {
  error_start(scan);
  error_piece("option '");
  error_piece(prefix);
  error_piece(g_next_char);
  error_piece("' is ambiguous; possibilities:");
  for (int i = 0; longopts[i].name != nullptr; ++i) {
    if (strncmp(longopts[i].name, name, len) != 0) continue;
    if (i != first && !scan.long_only && same_meaning(longopts[i], longopts[first])) continue;
    error_piece(" '");
    error_piece(prefix);
    error_piece(longopts[i].name);
    error_piece("'");
  }
  error_piece("\n");
}

void report_option(const Scan& scan, const char* prefix, const char* name, const char* what) {
  error_start(scan);
  error_piece("option '");
  error_piece(prefix);
  error_piece(name);
  error_piece(what);
}

}  // namespace

int scan_long_option(const Scan& scan, const LongOption* longopts, int* longindex, const char* prefix) {
  const char* name = g_next_char;
  const char* name_end = name;
  while (*name_end != '\0' && *name_end != '=') ++name_end;
  const size_t len = static_cast<size_t>(name_end - name);

  int found = -1;
  for (int i = 0; longopts[i].name != nullptr; ++i) {
    if (strncmp(longopts[i].name, name, len) == 0 && strlen(longopts[i].name) == len) {
      found = i;
      break;
    }
  }
  if (found < 0) {  // no exact match: an abbreviation?
    bool ambiguous = false;
    for (int i = 0; longopts[i].name != nullptr; ++i) {
      if (strncmp(longopts[i].name, name, len) != 0) continue;
      if (found < 0) {
        found = i;
      } else if (scan.long_only || !same_meaning(longopts[i], longopts[found])) {
        ambiguous = true;
      }
    }
    if (ambiguous) {
      if (scan.print_errors) report_ambiguous(scan, longopts, name, len, prefix, found);
      g_next_char = nullptr;
      ++optind;
      optopt = 0;
      return '?';
    }
  }
  if (found < 0) {
    if (!scan.long_only || scan.argv[optind][1] == '-' || strchr(scan.optstring, *name) == nullptr) {
      if (scan.print_errors) {
        error_start(scan);
        error_piece("unrecognized option '");
        error_piece(prefix);
        error_piece(name);
        error_piece("'\n");
      }
      g_next_char = nullptr;
      ++optind;
      optopt = 0;
      return '?';
    }
    return -1;  // getopt_long_only: a short option after all
  }

  const LongOption& option = longopts[found];
  ++optind;
  g_next_char = nullptr;
  if (*name_end == '=') {
    if (option.has_arg == kNoArgument) {
      if (scan.print_errors) report_option(scan, prefix, option.name, "' doesn't allow an argument\n");
      optopt = option.val;
      return '?';
    }
    optarg = const_cast<char*>(name_end + 1);
  } else if (option.has_arg == kRequiredArgument) {
    if (optind >= scan.argc) {
      if (scan.print_errors) report_option(scan, prefix, option.name, "' requires an argument\n");
      optopt = option.val;
      return scan.optstring[0] == ':' ? ':' : '?';
    }
    optarg = scan.argv[optind++];
  }
  if (longindex != nullptr) *longindex = found;
  if (option.flag != nullptr) {
    *option.flag = option.val;
    return 0;
  }
  return option.val;
}

}  // namespace qrv::libc
