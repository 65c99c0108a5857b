// getenv, setenv, unsetenv, putenv, clearenv over environ (common/environ.h;
// crt's start-up points it at the loader's envp). The loader's array is never
// written: the first change copies the pointers into an array of our own
// (g_vector), which later changes grow. Strings setenv made are freed when
// unset or replaced (POSIX lets that invalidate what getenv returned).
#include <stddef.h>

#include "libc/src/common/entrypoint.h"
#include "libc/src/common/environ.h"
#include "libc/src/common/errno.h"
#include "libc/src/malloc/malloc_api.h"
#include "libc/src/neutrino/lock.h"
#include "libc/src/stdlib/stdlib_api.h"
#include "libc/src/string/string_api.h"

namespace qrv::libc {
namespace {

Lock g_env_lock;
char** g_vector = nullptr;  // our copy of the array, or nullptr (guarded by g_env_lock)
size_t g_capacity = 0;      // slots in g_vector, terminator included (guarded by g_env_lock)
char** g_made = nullptr;    // the strings setenv allocated (guarded by g_env_lock)
size_t g_made_count = 0;
size_t g_made_capacity = 0;

size_t count(char** v) {
  size_t n = 0;
  if (v != nullptr) {
    while (v[n] != nullptr) ++n;
  }
  return n;
}

// The index of the first "name=..." entry (name is len bytes), or -1.
long find(const char* name, size_t len) {
  if (environ == nullptr) return -1;
  for (long i = 0; environ[i] != nullptr; ++i) {
    if (strncmp(environ[i], name, len) == 0 && environ[i][len] == '=') return i;
  }
  return -1;
}

// Makes environ our own array with room for `extra` more entries; false
// (ENOMEM) when memory runs out, leaving the environment as it was.
bool own_vector(size_t extra) {
  const size_t used = count(environ) + 1;
  if (environ == g_vector && used + extra <= g_capacity) return true;
  size_t capacity = used + extra;
  if (capacity < 2 * used) capacity = 2 * used;
  auto* v = static_cast<char**>(malloc(capacity * sizeof(char*)));
  if (v == nullptr) {
    set_errno(QRV_ENOMEM);
    return false;
  }
  if (environ != nullptr) memcpy(v, environ, used * sizeof(char*));
  v[used - 1] = nullptr;
  // An array of ours that environ no longer names was replaced by the
  // program (POSIX: setenv is then undefined); it is ours to free either way.
  free(g_vector);
  g_vector = v;
  g_capacity = capacity;
  environ = v;
  return true;
}

// Remembers that s was allocated here; false (ENOMEM) when it cannot.
bool remember(char* s) {
  if (g_made_count == g_made_capacity) {
    const size_t capacity = g_made_capacity == 0 ? 8 : 2 * g_made_capacity;
    auto* made = static_cast<char**>(realloc(g_made, capacity * sizeof(char*)));
    if (made == nullptr) {
      set_errno(QRV_ENOMEM);
      return false;
    }
    g_made = made;
    g_made_capacity = capacity;
  }
  g_made[g_made_count++] = s;
  return true;
}

// Frees s if setenv made it; other strings belong to the loader or to putenv's caller.
void release(char* s) {
  for (size_t i = 0; i < g_made_count; ++i) {
    if (g_made[i] == s) {
      g_made[i] = g_made[--g_made_count];
      free(s);
      return;
    }
  }
}

// Puts entry where "name=" (len bytes of name) is, or at the end.
int install(char* entry, size_t len) {
  const long at = find(entry, len);
  if (!own_vector(at < 0 ? 1 : 0)) return -1;
  if (at >= 0) {
    release(environ[at]);
    environ[at] = entry;
  } else {
    const size_t n = count(environ);
    environ[n] = entry;
    environ[n + 1] = nullptr;
  }
  return 0;
}

bool valid_name(const char* name) { return name != nullptr && name[0] != '\0' && strchr(name, '=') == nullptr; }

}  // namespace

QRV_LIBC_FN(char*, getenv, (const char* name)) {
  if (name == nullptr || name[0] == '\0') return nullptr;
  const size_t len = strlen(name);
  const long at = find(name, len);
  return at < 0 ? nullptr : environ[at] + len + 1;
}

// A null value is EINVAL (glibc crashes; POSIX leaves it undefined).
QRV_LIBC_FN(int, setenv, (const char* name, const char* value, int overwrite)) {
  if (!valid_name(name) || value == nullptr) {
    set_errno(QRV_EINVAL);
    return -1;
  }
  const size_t len = strlen(name);
  const size_t vlen = strlen(value);
  LockGuard guard(g_env_lock);
  if (find(name, len) >= 0 && overwrite == 0) return 0;
  auto* entry = static_cast<char*>(malloc(len + vlen + 2));
  if (entry == nullptr) {
    set_errno(QRV_ENOMEM);
    return -1;
  }
  memcpy(entry, name, len);
  entry[len] = '=';
  memcpy(entry + len + 1, value, vlen + 1);
  if (!remember(entry)) {
    free(entry);
    return -1;
  }
  if (install(entry, len) != 0) {
    release(entry);
    return -1;
  }
  return 0;
}

// Removes every "name=" entry, as glibc does.
QRV_LIBC_FN(int, unsetenv, (const char* name)) {
  if (!valid_name(name)) {
    set_errno(QRV_EINVAL);
    return -1;
  }
  const size_t len = strlen(name);
  LockGuard guard(g_env_lock);
  if (find(name, len) < 0) return 0;
  if (!own_vector(0)) return -1;
  size_t kept = 0;
  for (size_t i = 0; environ[i] != nullptr; ++i) {
    if (strncmp(environ[i], name, len) == 0 && environ[i][len] == '=') {
      release(environ[i]);
    } else {
      environ[kept++] = environ[i];
    }
  }
  environ[kept] = nullptr;
  return 0;
}

// The string itself joins the environment. Without '=' it unsets the name
// and succeeds (a glibc extension QRV shares, down to the 0 for "").
QRV_LIBC_FN(int, putenv, (char* string)) {
  const char* eq = strchr(string, '=');
  if (eq == nullptr) {
    unsetenv(string);
    return 0;
  }
  LockGuard guard(g_env_lock);
  return install(string, static_cast<size_t>(eq - string));
}

// Leaves environ null (as glibc and musl); setenv starts a new array.
QRV_LIBC_FN(int, clearenv, ()) {
  LockGuard guard(g_env_lock);
  for (size_t i = 0; i < g_made_count; ++i) free(g_made[i]);
  g_made_count = 0;
  free(g_vector);
  g_vector = nullptr;
  g_capacity = 0;
  environ = nullptr;
  return 0;
}

}  // namespace qrv::libc
