// Pathname expansion: a field with unquoted *, ? or [ becomes the sorted
// list of existing paths it matches (libc's glob: fnmatch per component,
// FNM_PERIOD: dot files only for a pattern that starts with a dot), or
// stays as it was when none does.
#pragma once

#include "user/qsh/strbuf.h"

namespace qsh {

// Whether pattern (fnmatch syntax: quoted characters escaped with \) has
// an unescaped *, ? or [.
bool has_glob(const char* pattern);

// Appends the matches of pattern to out in order; false (nothing appended)
// when there is none.
bool glob_expand(const char* pattern, StrList* out);

// pattern without its escaping backslashes (malloc'd).
char* unescape(const char* pattern);

}  // namespace qsh
