// glob(): the pattern is split at its slashes; a component without an
// unescaped * ? or [ is a name taken as it is, the others are matched with
// fnmatch against the entries of the directory reached so far (a leading
// period only by a pattern that starts with one). Matches are collected
// depth first, then sorted with strcmp (the C locale's collation).
#include "libc/src/glob/glob_api.h"

#include "libc/src/common/entrypoint.h"
#include "libc/src/fnmatch/fnmatch_api.h"
#include "libc/src/malloc/malloc_api.h"
#include "libc/src/stdlib/stdlib_api.h"
#include "libc/src/string/string_api.h"

namespace qrv::libc {
namespace {

// A growing list of malloc'd paths.
struct Paths {
  char** v = nullptr;
  size_t n = 0, cap = 0;
  bool failed = false;  // out of memory
  bool push(char* p) {
    if (p == nullptr) return !(failed = true);
    if (n == cap) {
      const size_t want = cap == 0 ? 16 : cap * 2;
      auto** grown = static_cast<char**>(realloc(v, want * sizeof(char*)));
      if (grown == nullptr) {
        free(p);
        return !(failed = true);
      }
      v = grown;
      cap = want;
    }
    v[n++] = p;
    return true;
  }
};

struct Walk {
  const GlobFs& fs;
  int flags;
  int (*errfunc)(const char*, int);
  Paths found;
  bool aborted = false;
};

bool has_magic(const char* p, size_t n, bool noescape) {
  for (size_t i = 0; i < n; ++i) {
    if (p[i] == '\\' && !noescape && i + 1 < n) {
      ++i;
    } else if (p[i] == '*' || p[i] == '?' || p[i] == '[') {
      return true;
    }
  }
  return false;
}

// s[0, n) + t[0, m) + (slash ? "/" : ""), malloc'd.
char* join(const char* s, size_t n, const char* t, size_t m, bool slash) {
  auto* r = static_cast<char*>(malloc(n + m + 2));
  if (r == nullptr) return nullptr;
  memcpy(r, s, n);
  memcpy(r + n, t, m);
  if (slash) r[n + m++] = '/';
  r[n + m] = '\0';
  return r;
}

void walk(Walk& w, const char* dir, const char* rest);

// `path` (a dir prefix plus a name) matched its component; `next` is what
// follows it in the pattern (its slashes included).
void matched(Walk& w, const char* path, const char* next) {
  const char* after = next;
  while (*after == '/') ++after;
  if (*after == '\0') {  // the last component
    const int kind = w.fs.kind(w.fs.ctx, path);
    if (kind < 0) return;
    if (*next == '/' && kind != 1) return;  // "pattern/": directories only
    const bool mark = (w.flags & kGlobMark) != 0 && kind == 1 && *next != '/';  // one slash is enough
    const size_t len = strlen(path);
    w.found.push(join(path, len, next, static_cast<size_t>(after - next), mark));
    return;
  }
  if (w.fs.kind(w.fs.ctx, path) != 1) return;
  char* d = join(path, strlen(path), next, static_cast<size_t>(after - next), false);
  if (d == nullptr) {
    w.found.failed = true;
    return;
  }
  walk(w, d, after);
  free(d);
}

struct ListCtx {
  Walk* w;
  const char* dir;
  const char* comp;
  const char* next;
  Paths names;
};

void walk(Walk& w, const char* dir, const char* rest) {
  if (w.aborted || w.found.failed) return;
  const bool noescape = (w.flags & kGlobNoescape) != 0;
  const char* end = rest;
  while (*end != '\0' && *end != '/') end += (*end == '\\' && !noescape && end[1] != '\0') ? 2 : 1;
  const size_t n = static_cast<size_t>(end - rest);
  const size_t dlen = strlen(dir);
  if (!has_magic(rest, n, noescape)) {  // a name: its escapes go
    auto* name = static_cast<char*>(malloc(n + 1));
    if (name == nullptr) {
      w.found.failed = true;
      return;
    }
    size_t k = 0;
    for (size_t i = 0; i < n; ++i) {
      if (rest[i] == '\\' && !noescape && i + 1 < n) ++i;
      name[k++] = rest[i];
    }
    char* path = join(dir, dlen, name, k, false);
    free(name);
    if (path == nullptr) {
      w.found.failed = true;
      return;
    }
    matched(w, path, end);
    free(path);
    return;
  }
  auto* comp = static_cast<char*>(malloc(n + 1));
  if (comp == nullptr) {
    w.found.failed = true;
    return;
  }
  memcpy(comp, rest, n);
  comp[n] = '\0';
  ListCtx lc{&w, dir, comp, end, {}};
  // The directory's own name: without the slashes that end the prefix.
  size_t nlen = dlen;
  while (nlen > 1 && dir[nlen - 1] == '/') --nlen;
  char* dname = nlen != 0 ? join(dir, nlen, "", 0, false) : join(".", 1, "", 0, false);
  if (dname == nullptr) {
    free(comp);
    w.found.failed = true;
    return;
  }
  const int err = w.fs.list(
      w.fs.ctx, dname,
      [](void* c, const char* name) {
        auto* l = static_cast<ListCtx*>(c);
        const int fl = kFnmPeriod | ((l->w->flags & kGlobNoescape) != 0 ? kFnmNoescape : 0);
        if (fnmatch(l->comp, name, fl) == 0) l->names.push(join(name, strlen(name), "", 0, false));
      },
      &lc);
  free(comp);
  if (err != 0) {
    if ((w.errfunc != nullptr && w.errfunc(dname, err) != 0) || (w.flags & kGlobErr) != 0) w.aborted = true;
  }
  free(dname);
  for (size_t i = 0; i < lc.names.n; ++i) {
    char* path = join(dir, dlen, lc.names.v[i], strlen(lc.names.v[i]), false);
    if (path == nullptr) {
      w.found.failed = true;
    } else {
      matched(w, path, end);
      free(path);
    }
    free(lc.names.v[i]);
  }
  if (lc.names.failed) w.found.failed = true;
  free(lc.names.v);
}

int by_name(const void* a, const void* b) { return strcmp(*static_cast<char* const*>(a), *static_cast<char* const*>(b)); }

// Appends found's paths to g (after its old ones, or its offsets).
int add(Glob* g, int flags, Paths& found) {
  const size_t offs = (flags & kGlobDooffs) != 0 ? g->gl_offs : 0;
  const size_t old = (flags & kGlobAppend) != 0 ? g->gl_pathc : 0;
  char** v = (flags & kGlobAppend) != 0 ? g->gl_pathv : nullptr;
  auto** grown = static_cast<char**>(realloc(v, (offs + old + found.n + 1) * sizeof(char*)));
  if (grown == nullptr) return kGlobNospace;
  if (v == nullptr) {
    for (size_t i = 0; i < offs; ++i) grown[i] = nullptr;
  }
  for (size_t i = 0; i < found.n; ++i) grown[offs + old + i] = found.v[i];
  grown[offs + old + found.n] = nullptr;
  g->gl_pathv = grown;
  g->gl_pathc = old + found.n;
  found.n = 0;
  return 0;
}

}  // namespace

int glob_fs(const char* pattern, int flags, int (*errfunc)(const char*, int), Glob* g, const GlobFs& fs) {
  if ((flags & kGlobAppend) == 0) {
    g->gl_pathc = 0;
    g->gl_pathv = nullptr;
    if ((flags & kGlobDooffs) == 0) g->gl_offs = 0;
  }
  Walk w{fs, flags, errfunc, {}};
  const char* p = pattern;
  while (*p == '/') ++p;
  char* root = join(pattern, static_cast<size_t>(p - pattern), "", 0, false);  // the leading slashes
  if (root == nullptr) return kGlobNospace;
  if (*p == '\0') {
    if (*pattern != '\0') matched(w, root, "");
  } else {
    walk(w, root, p);
  }
  free(root);
  int r = 0;
  if (w.found.failed) {
    r = kGlobNospace;
  } else if (w.aborted) {
    r = kGlobAborted;
  } else if (w.found.n == 0) {
    if ((flags & kGlobNocheck) == 0) {
      r = kGlobNomatch;
    } else if (!w.found.push(join(pattern, strlen(pattern), "", 0, false))) {
      r = kGlobNospace;
    }
  }
  if (r == 0 || (r == kGlobAborted && w.found.n > 0)) {
    if ((flags & kGlobNosort) == 0) qsort(w.found.v, w.found.n, sizeof(char*), by_name);
    if (add(g, flags, w.found) != 0) r = kGlobNospace;
  }
  for (size_t i = 0; i < w.found.n; ++i) free(w.found.v[i]);
  free(w.found.v);
  return r;
}

QRV_LIBC_FN(void, globfree, (Glob * g)) {
  if (g->gl_pathv == nullptr) return;
  for (size_t i = 0; i < g->gl_pathc; ++i) free(g->gl_pathv[g->gl_offs + i]);
  free(g->gl_pathv);
  g->gl_pathv = nullptr;
  g->gl_pathc = 0;
}

}  // namespace qrv::libc
