// qsh's shell variables: names to values, each maybe exported (into the
// environment of the programs the shell starts) or readonly. Kept sorted by
// name, so `set` and `export -p` list them in order; copied whole for a
// subshell, which must not change its parent's. Pure (malloc only), so it is
// host-tested.
#pragma once

#include <stddef.h>

namespace qsh {

class Vars {
 public:
  Vars() = default;
  ~Vars();
  Vars(const Vars&) = delete;
  Vars& operator=(const Vars&) = delete;

  static bool valid_name(const char* name);

  // nullptr when unset.
  const char* get(const char* name) const;
  // False (nothing changed) for a readonly variable, a bad name, or no memory.
  bool set(const char* name, const char* value);
  bool unset(const char* name);  // false for a readonly one; unsetting nothing is fine
  bool set_exported(const char* name, bool exported);  // creates it unset-valued if need be
  bool set_readonly(const char* name);
  bool exported(const char* name) const;
  bool readonly(const char* name) const;

  // Takes NAME=value strings (the environment the shell started with), all exported.
  void import(char* const* env);
  // A malloc'd NULL-terminated array of malloc'd "NAME=value" for every
  // exported variable with a value, plus `extra` (assignments for one
  // command, which win); free with free_environ.
  char** environ(const char* const* extra, size_t extra_count) const;
  static void free_environ(char** env);

  // Visits every variable in name order (value nullptr: declared, unset).
  template <class F>
  void each(F f) const {
    for (size_t i = 0; i < len_; ++i) f(vars_[i].name, vars_[i].value, vars_[i].exported, vars_[i].readonly);
  }

  // Replaces this table with a copy of other's (a subshell's snapshot).
  bool copy_from(const Vars& other);
  size_t size() const { return len_; }

 private:
  struct Var {
    char* name;
    char* value;  // nullptr: declared (export x), no value
    bool exported;
    bool readonly;
  };
  // Index of name, or where it would go (*found false).
  size_t find(const char* name, bool* found) const;
  Var* lookup(const char* name) const;
  Var* create(const char* name);
  void clear();

  Var* vars_ = nullptr;
  size_t len_ = 0;
  size_t cap_ = 0;
};

}  // namespace qsh
