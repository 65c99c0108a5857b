// The `test` and `[` builtin's expression (POSIX test, with XSI's -a, -o
// and parentheses): argument vectors in, 0 (true), 1 (false) or 2 (an
// error, with its message) out. POSIX decides by the number of arguments
// up to four (so `test -n` and `test = = =` mean what they must); longer
// expressions are parsed with ! above -a above -o. What it asks of files
// goes through FileQuery, so it is host-tested with a fake filesystem.
#pragma once

#include <stddef.h>
#include <stdint.h>

namespace qsh {

struct FileInfo {
  uint32_t mode;  // S_IF* type and permission bits
  uint64_t size;
};

struct FileQuery {
  // False if path does not exist (follow: through a final symbolic link).
  bool (*stat)(const char* path, bool follow, FileInfo* out);
  // Whether the caller may read (4), write (2) or execute (1) path.
  bool (*access)(const char* path, int mode);
  bool (*isatty)(int fd);
};

// argv holds the operands only (no "test", no closing "]"). On 2 the
// message ("test: abc: integer expected") is in err (NUL-terminated).
int eval_test(int argc, const char* const* argv, const FileQuery& files, char* err, size_t err_cap);

}  // namespace qsh
