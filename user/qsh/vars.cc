// The variable table (vars.h): a sorted array, binary-searched.
#include "user/qsh/vars.h"

#include <stdlib.h>
#include <string.h>

namespace qsh {
namespace {

char* copy(const char* s) {
  const size_t n = strlen(s);
  char* c = static_cast<char*>(malloc(n + 1));
  if (c != nullptr) memcpy(c, s, n + 1);
  return c;
}

}  // namespace

Vars::~Vars() { clear(); }

void Vars::clear() {
  for (size_t i = 0; i < len_; ++i) {
    free(vars_[i].name);
    free(vars_[i].value);
  }
  free(vars_);
  vars_ = nullptr;
  len_ = cap_ = 0;
}

bool Vars::valid_name(const char* name) {
  if (name == nullptr || !(name[0] == '_' || (name[0] >= 'a' && name[0] <= 'z') || (name[0] >= 'A' && name[0] <= 'Z'))) {
    return false;
  }
  for (const char* p = name; *p != '\0'; ++p) {
    const char c = *p;
    if (!(c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))) return false;
  }
  return true;
}

size_t Vars::find(const char* name, bool* found) const {
  size_t lo = 0, hi = len_;
  while (lo < hi) {
    const size_t mid = lo + (hi - lo) / 2;
    const int c = strcmp(vars_[mid].name, name);
    if (c == 0) {
      *found = true;
      return mid;
    }
    if (c < 0) {
      lo = mid + 1;
    } else {
      hi = mid;
    }
  }
  *found = false;
  return lo;
}

Vars::Var* Vars::lookup(const char* name) const {
  bool found = false;
  const size_t i = find(name, &found);
  return found ? &vars_[i] : nullptr;
}

Vars::Var* Vars::create(const char* name) {
  bool found = false;
  const size_t i = find(name, &found);
  if (found) return &vars_[i];
  if (!valid_name(name)) return nullptr;
  if (len_ == cap_) {
    const size_t cap = cap_ == 0 ? 32 : cap_ * 2;
    Var* grown = static_cast<Var*>(realloc(vars_, cap * sizeof(Var)));
    if (grown == nullptr) return nullptr;
    vars_ = grown;
    cap_ = cap;
  }
  char* n = copy(name);
  if (n == nullptr) return nullptr;
  memmove(vars_ + i + 1, vars_ + i, (len_ - i) * sizeof(Var));
  vars_[i] = Var{n, nullptr, false, false};
  ++len_;
  return &vars_[i];
}

const char* Vars::get(const char* name) const {
  const Var* v = lookup(name);
  return v != nullptr ? v->value : nullptr;
}

bool Vars::set(const char* name, const char* value) {
  Var* v = lookup(name);
  if (v != nullptr && v->readonly) return false;
  if (v == nullptr) v = create(name);
  if (v == nullptr) return false;
  char* c = copy(value != nullptr ? value : "");
  if (c == nullptr) return false;
  free(v->value);
  v->value = c;
  return true;
}

bool Vars::unset(const char* name) {
  bool found = false;
  const size_t i = find(name, &found);
  if (!found) return true;
  if (vars_[i].readonly) return false;
  free(vars_[i].name);
  free(vars_[i].value);
  memmove(vars_ + i, vars_ + i + 1, (len_ - i - 1) * sizeof(Var));
  --len_;
  return true;
}

bool Vars::set_exported(const char* name, bool exported) {
  Var* v = create(name);
  if (v == nullptr) return false;
  v->exported = exported;
  return true;
}

bool Vars::set_readonly(const char* name) {
  Var* v = create(name);
  if (v == nullptr) return false;
  v->readonly = true;
  return true;
}

bool Vars::exported(const char* name) const {
  const Var* v = lookup(name);
  return v != nullptr && v->exported;
}

bool Vars::readonly(const char* name) const {
  const Var* v = lookup(name);
  return v != nullptr && v->readonly;
}

void Vars::import(char* const* env) {
  if (env == nullptr) return;
  for (; *env != nullptr; ++env) {
    const char* eq = strchr(*env, '=');
    if (eq == nullptr || eq == *env || static_cast<size_t>(eq - *env) > 255) continue;
    char name[256];
    memcpy(name, *env, static_cast<size_t>(eq - *env));
    name[eq - *env] = '\0';
    if (set(name, eq + 1)) set_exported(name, true);
  }
}

char** Vars::environ(const char* const* extra, size_t extra_count) const {
  char** env = static_cast<char**>(calloc(len_ + extra_count + 1, sizeof(char*)));
  if (env == nullptr) return nullptr;
  size_t n = 0;
  for (size_t i = 0; i < extra_count; ++i) {
    char* e = copy(extra[i]);
    if (e != nullptr) env[n++] = e;
  }
  for (size_t i = 0; i < len_; ++i) {
    const Var& v = vars_[i];
    if (!v.exported || v.value == nullptr) continue;
    const size_t name_len = strlen(v.name);
    bool overridden = false;  // by a NAME= of the command's own
    for (size_t k = 0; k < extra_count && !overridden; ++k) {
      overridden = strncmp(extra[k], v.name, name_len) == 0 && extra[k][name_len] == '=';
    }
    if (overridden) continue;
    const size_t value_len = strlen(v.value);
    char* e = static_cast<char*>(malloc(name_len + value_len + 2));
    if (e == nullptr) continue;
    memcpy(e, v.name, name_len);
    e[name_len] = '=';
    memcpy(e + name_len + 1, v.value, value_len + 1);
    env[n++] = e;
  }
  env[n] = nullptr;
  return env;
}

void Vars::free_environ(char** env) {
  if (env == nullptr) return;
  for (char** e = env; *e != nullptr; ++e) free(*e);
  free(env);
}

bool Vars::copy_from(const Vars& other) {
  clear();
  if (other.len_ == 0) return true;
  vars_ = static_cast<Var*>(calloc(other.len_, sizeof(Var)));
  if (vars_ == nullptr) return false;
  cap_ = other.len_;
  for (size_t i = 0; i < other.len_; ++i) {
    const Var& o = other.vars_[i];
    Var v = {copy(o.name), o.value != nullptr ? copy(o.value) : nullptr, o.exported, o.readonly};
    if (v.name == nullptr || (o.value != nullptr && v.value == nullptr)) {
      free(v.name);
      free(v.value);
      return false;
    }
    vars_[len_++] = v;
  }
  return true;
}

}  // namespace qsh
