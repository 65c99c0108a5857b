// qsh's builtins: the commands the shell runs itself, because they change
// the shell (cd, export, set, exit, ...) or are used so often that a
// process each would be a waste (echo, test, printf, true).
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "user/qsh/getopts.h"
#include "user/qsh/glob.h"
#include "user/qsh/shell.h"
#include "user/qsh/test_expr.h"
#include "user/utils/echo_out.h"
#include "user/utils/printf_format.h"
#include "user/utils/signal_names.h"

namespace qsh {
namespace {

bool number(const char* s, long* out) {
  if (s == nullptr || *s == '\0') return false;
  char* end = nullptr;
  errno = 0;
  const long v = strtol(s, &end, 10);
  if (*end != '\0' || errno != 0) return false;
  *out = v;
  return true;
}

// 'value' quoted for the shell to read back (set, export -p).
void print_quoted(const char* v) {
  putchar('\'');
  for (; *v != '\0'; ++v) {
    if (*v == '\'') {
      fputs("'\\''", stdout);
    } else {
      putchar(*v);
    }
  }
  putchar('\'');
}

bool file_stat(const char* path, bool follow, FileInfo* out) {
  struct stat st;
  if ((follow ? stat(path, &st) : lstat(path, &st)) != 0) return false;
  *out = FileInfo{static_cast<uint32_t>(st.st_mode), static_cast<uint64_t>(st.st_size)};
  return true;
}
bool file_access(const char* path, int mode) { return access(path, mode) == 0; }
bool fd_isatty(int fd) { return isatty(fd) == 1; }

}  // namespace

struct Builtins {
  static int colon(Shell&, int, char**) { return 0; }
  static int false_(Shell&, int, char**) { return 1; }

  static int echo(Shell&, int argc, char** argv) { return utils::echo_out(argc, argv, stdout) ? 0 : 1; }

  // printf: the printf utility's own formatting (user/utils/printf_format.h),
  // its output gathered and written at once, its diagnostics the shell's.
  static int printf_(Shell& sh, int argc, char** argv) {
    int i = 1;
    if (i < argc && strcmp(argv[i], "--") == 0) ++i;
    if (i >= argc) {
      sh.error("printf: usage: printf format [argument...]");
      return 2;
    }
    struct Ctx {
      Shell& sh;
      StrBuf out;
    } ctx{sh, {}};
    const utils::PrintfOut out{
        &ctx, [](void* c, const char* s, size_t n) { static_cast<Ctx*>(c)->out.append(s, n); },
        [](void* c, const char* msg) { static_cast<Ctx*>(c)->sh.error("%s", msg); }};
    const int result = utils::printf_format(argv[i], argc - i - 1, argv + i + 1, out);
    fwrite(ctx.out.c_str(), 1, ctx.out.n, stdout);
    fflush(stdout);
    return result;
  }

  static int cd(Shell& sh, int argc, char** argv) {
    const char* dir = argc > 1 ? argv[1] : sh.vars_.get("HOME");
    bool print = false;
    if (dir != nullptr && strcmp(dir, "-") == 0) {
      dir = sh.vars_.get("OLDPWD");
      print = true;
    }
    if (dir == nullptr || dir[0] == '\0') {
      sh.error("cd: no directory");
      return 1;
    }
    char old[1024];
    const bool have_old = getcwd(old, sizeof old) != nullptr;
    if (chdir(dir) != 0) {
      sh.error("cd: %s: %s", dir, strerror(errno));
      return 1;
    }
    char now[1024];
    if (have_old) sh.vars_.set("OLDPWD", old);
    if (getcwd(now, sizeof now) != nullptr) {
      sh.vars_.set("PWD", now);
      if (print) printf("%s\n", now);
    }
    return 0;
  }

  static int pwd(Shell& sh, int, char**) {
    char now[1024];
    if (getcwd(now, sizeof now) == nullptr) {
      sh.error("pwd: %s", strerror(errno));
      return 1;
    }
    printf("%s\n", now);
    return 0;
  }

  static int exit_(Shell& sh, int argc, char** argv) {
    long n = sh.status;
    if (argc > 1 && !number(argv[1], &n)) {
      sh.error("exit: %s: not a number", argv[1]);
      n = 2;
    }
    sh.exiting = true;
    sh.exit_status_ = static_cast<int>(n & 0xff);
    return sh.exit_status_;
  }

  static int export_(Shell& sh, int argc, char** argv) { return declare(sh, argc, argv, true); }
  static int readonly_(Shell& sh, int argc, char** argv) { return declare(sh, argc, argv, false); }

  static int declare(Shell& sh, int argc, char** argv, bool exporting) {
    int i = 1;
    if (i < argc && strcmp(argv[i], "-p") == 0) ++i;
    if (i == argc) {
      sh.vars_.each([&](const char* name, const char* value, bool exported, bool ro) {
        if (exporting ? !exported : !ro) return;
        printf("%s %s", exporting ? "export" : "readonly", name);
        if (value != nullptr) {
          putchar('=');
          print_quoted(value);
        }
        putchar('\n');
      });
      return 0;
    }
    int result = 0;
    for (; i < argc; ++i) {
      char* eq = strchr(argv[i], '=');
      if (eq != nullptr) *eq = '\0';
      const char* name = argv[i];
      bool ok = Vars::valid_name(name);
      if (ok && eq != nullptr) ok = sh.vars_.set(name, eq + 1);
      if (ok) ok = exporting ? sh.vars_.set_exported(name, true) : sh.vars_.set_readonly(name);
      if (!ok) {
        sh.error("%s: %s: %s", argv[0], name, Vars::valid_name(name) ? "readonly variable" : "not a valid name");
        result = 1;
      }
    }
    return result;
  }

  static int unset(Shell& sh, int argc, char** argv) {
    int i = 1;
    bool functions = false;
    if (i < argc && (strcmp(argv[i], "-f") == 0 || strcmp(argv[i], "-v") == 0)) functions = argv[i++][1] == 'f';
    int result = 0;
    for (; i < argc; ++i) {
      if (functions) {
        for (int k = 0; k < sh.nfunctions_; ++k) {
          if (strcmp(sh.functions_[k].name, argv[i]) != 0) continue;
          free(sh.functions_[k].name);
          sh.functions_[k] = sh.functions_[--sh.nfunctions_];
          break;
        }
      } else if (!sh.vars_.unset(argv[i])) {
        sh.error("unset: %s: readonly variable", argv[i]);
        result = 1;
      }
    }
    return result;
  }

  static int set(Shell& sh, int argc, char** argv) {
    if (argc == 1) {
      sh.vars_.each([](const char* name, const char* value, bool, bool) {
        if (value == nullptr) return;
        printf("%s=", name);
        print_quoted(value);
        putchar('\n');
      });
      return 0;
    }
    int i = 1;
    for (; i < argc; ++i) {
      const char* a = argv[i];
      if (strcmp(a, "--") == 0) {
        ++i;
        return sh.set_positional(argc - i, argv + i);
      }
      if ((a[0] != '-' && a[0] != '+') || a[1] == '\0') break;
      const bool on = a[0] == '-';
      for (const char* o = a + 1; *o != '\0'; ++o) {
        switch (*o) {
          case 'e': sh.opt_e_ = on; break;
          case 'u': sh.opt_u_ = on; break;
          case 'x': sh.opt_x_ = on; break;
          case 'f': sh.opt_f_ = on; break;
          default:
            sh.error("set: -%c: unknown option", *o);
            return 2;
        }
      }
    }
    if (i < argc) return sh.set_positional(argc - i, argv + i);
    return 0;
  }

  static int shift(Shell& sh, int argc, char** argv) {
    long n = 1;
    if (argc > 1 && (!number(argv[1], &n) || n < 0)) {
      sh.error("shift: %s: not a count", argv[1]);
      return 2;
    }
    if (n > sh.nargs_) {
      sh.error("shift: %ld: only %d positional parameters", n, sh.nargs_);
      return 1;
    }
    for (long k = 0; k < n; ++k) free(sh.args_[k]);
    memmove(sh.args_, sh.args_ + n, static_cast<size_t>(sh.nargs_ - n + 1) * sizeof(char*));
    sh.nargs_ -= static_cast<int>(n);
    return 0;
  }

  // read [-r] name...: one line of standard input, split by IFS, the last
  // name taking the rest. Byte by byte, so nothing past the line is taken.
  static int read_(Shell& sh, int argc, char** argv) {
    int i = 1;
    bool raw = false;
    if (i < argc && strcmp(argv[i], "-r") == 0) {
      raw = true;
      ++i;
    }
    StrBuf line;
    bool got_newline = false;
    for (;;) {
      char c;
      const long n = read(0, &c, 1);
      if (n < 0 && errno == EINTR) return 130;
      if (n <= 0) break;
      if (c == '\\' && !raw) {
        char next;
        if (read(0, &next, 1) != 1) break;
        if (next == '\n') continue;  // a line continuation
        line.push('\x01');           // a quoted character: never a separator
        line.push(next);
        continue;
      }
      if (c == '\n') {
        got_newline = true;
        break;
      }
      line.push(c);
    }
    const char* ifs = sh.vars_.get("IFS");
    if (ifs == nullptr) ifs = " \t\n";
    const char* p = line.c_str();
    auto sep = [&](const char* q) { return *q != '\0' && *q != '\x01' && strchr(ifs, *q) != nullptr; };
    if (i == argc) {  // no name: REPLY, the whole line
      StrBuf v;
      for (const char* q = p; *q != '\0'; ++q) {
        if (*q != '\x01') v.push(*q);
      }
      sh.vars_.set("REPLY", v.c_str());
    }
    for (; i < argc; ++i) {
      while (sep(p) && (*p == ' ' || *p == '\t')) ++p;
      StrBuf v;
      if (i + 1 == argc) {  // the last takes the rest, trailing IFS white space dropped
        for (const char* q = p; *q != '\0'; ++q) {
          if (*q == '\x01') {
            v.push(*++q);
          } else {
            v.push(*q);
          }
        }
        while (v.n > 0 && (v.s[v.n - 1] == ' ' || v.s[v.n - 1] == '\t') && strchr(ifs, v.s[v.n - 1]) != nullptr) {
          v.s[--v.n] = '\0';
        }
      } else {
        while (*p != '\0' && !sep(p)) {
          if (*p == '\x01') ++p;
          if (*p != '\0') v.push(*p++);
        }
        if (sep(p)) ++p;
      }
      if (!sh.vars_.set(argv[i], v.c_str())) {
        sh.error("read: %s: cannot set", argv[i]);
        return 2;
      }
    }
    return got_newline || line.n > 0 ? 0 : 1;
  }

  static int test(Shell& sh, int argc, char** argv) {
    int n = argc - 1;
    if (strcmp(argv[0], "[") == 0) {
      if (n == 0 || strcmp(argv[argc - 1], "]") != 0) {
        sh.error("[: missing ]");
        return 2;
      }
      --n;
    }
    static const FileQuery files = {file_stat, file_access, fd_isatty};
    char err[200];
    const int r = eval_test(n, argv + 1, files, err, sizeof err);
    if (r == 2) sh.error("%s", err);
    return r;
  }

  static int wait_(Shell& sh, int argc, char** argv) { return sh.wait_builtin(argc, argv); }
  static int jobs(Shell& sh, int argc, char** argv) { return sh.jobs_builtin(argc, argv); }
  static int fg(Shell& sh, int argc, char** argv) { return sh.fg_builtin(argc, argv); }
  static int bg(Shell& sh, int argc, char** argv) { return sh.bg_builtin(argc, argv); }
  static int kill_(Shell& sh, int argc, char** argv) { return sh.kill_builtin(argc, argv); }

  static int type(Shell& sh, int argc, char** argv) {
    int result = 0;
    for (int i = 1; i < argc; ++i) {
      if (sh.find_function(argv[i]) != nullptr) {
        printf("%s is a function\n", argv[i]);
      } else if (Shell::builtin(argv[i]) != nullptr) {
        printf("%s is a %sshell builtin\n", argv[i], Shell::special_builtin(argv[i]) ? "special " : "");
      } else {
        const char* path = sh.vars_.get("PATH");
        bool found = false;
        for (const char* d = path != nullptr ? path : ""; !found;) {
          const char* colon = strchr(d, ':');
          const size_t len = colon != nullptr ? static_cast<size_t>(colon - d) : strlen(d);
          StrBuf p;
          p.append(d, len);
          p.push('/');
          p.append(argv[i]);
          struct stat st;
          if (stat(p.c_str(), &st) == 0 && S_ISREG(st.st_mode)) {
            printf("%s is %s\n", argv[i], p.c_str());
            found = true;
          }
          if (colon == nullptr) break;
          d = colon + 1;
        }
        if (!found) {
          printf("%s: not found\n", argv[i]);
          result = 1;
        }
      }
    }
    return result;
  }

  // umask [-S] [mode]: octal masks; -S prints the permissions the mask
  // leaves, symbolically (u=rwx,g=rx,o=rx).
  static int umask_(Shell& sh, int argc, char** argv) {
    const bool symbolic = argc > 1 && strcmp(argv[1], "-S") == 0;
    const int first = symbolic ? 2 : 1;
    if (argc == first) {
      const mode_t m = umask(0);
      umask(m);
      if (!symbolic) {
        printf("%04o\n", static_cast<unsigned>(m));
        return 0;
      }
      const unsigned allowed = ~static_cast<unsigned>(m) & 0777;
      const char* who[] = {"u", "g", "o"};
      for (int i = 0; i < 3; ++i) {
        const unsigned bits = (allowed >> (6 - 3 * i)) & 7;
        printf("%s%s=%s%s%s", i > 0 ? "," : "", who[i], (bits & 4) ? "r" : "", (bits & 2) ? "w" : "", (bits & 1) ? "x" : "");
      }
      printf("\n");
      return 0;
    }
    char* end = nullptr;
    const unsigned long m = strtoul(argv[first], &end, 8);
    if (*end != '\0' || end == argv[first] || m > 0777) {
      sh.error("umask: %s: not an octal mask", argv[first]);
      return 1;
    }
    umask(static_cast<mode_t>(m));
    return 0;
  }

  static int eval(Shell& sh, int argc, char** argv) {
    StrBuf text;
    for (int i = 1; i < argc; ++i) {
      if (i > 1) text.push(' ');
      text.append(argv[i]);
    }
    if (sh.eval_depth_ > 100) {
      sh.error("eval: nested too deep");
      return 2;
    }
    return sh.run_text(text.c_str(), text.n, true);
  }

  // . file: the file's commands run in this shell.
  static int dot(Shell& sh, int argc, char** argv) {
    if (argc < 2) {
      sh.error(".: usage: . file");
      return 2;
    }
    FILE* f = fopen(argv[1], "r");
    if (f == nullptr) {
      sh.error(".: %s: %s", argv[1], strerror(errno));
      return 1;
    }
    StrBuf text;
    char buf[1024];
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, f)) > 0) text.append(buf, n);
    fclose(f);
    if (sh.eval_depth_ > 100) {
      sh.error(".: nested too deep");
      return 2;
    }
    return sh.run_text(text.c_str(), text.n, true);
  }

  // exec: without a command its redirections stay (run_simple_expanded);
  // with one, QRV has no exec: the program runs and the shell ends with its status.
  static int exec(Shell& sh, int argc, char** argv) {
    if (argc == 1) return 0;
    char** env = sh.vars_.environ(nullptr, 0);
    const pid_t pid = sh.spawn_program(argv + 1, env, -1);
    Vars::free_environ(env);
    const int s = pid > 0 ? sh.wait_pids(&pid, 1, 0) : 127;
    sh.exiting = true;
    sh.exit_status_ = s;
    return s;
  }

  static int return_(Shell& sh, int argc, char** argv) {
    long n = sh.status;
    if (argc > 1 && !number(argv[1], &n)) {
      sh.error("return: %s: not a number", argv[1]);
      n = 2;
    }
    if (sh.function_depth_ == 0 && sh.eval_depth_ <= 1) {
      sh.error("return: not in a function");
      return 1;
    }
    sh.flow_.returning = true;
    return static_cast<int>(n & 0xff);
  }

  static int loop_control(Shell& sh, int argc, char** argv, bool brk) {
    long n = 1;
    if (argc > 1 && (!number(argv[1], &n) || n < 1)) {
      sh.error("%s: %s: not a count", argv[0], argv[1]);
      return 1;
    }
    if (sh.loop_depth_ == 0) return 0;  // outside a loop: nothing to do (as dash)
    if (n > sh.loop_depth_) n = sh.loop_depth_;
    (brk ? sh.flow_.breaks : sh.flow_.continues) = static_cast<int>(n);
    return 0;
  }
  static int break_(Shell& sh, int argc, char** argv) { return loop_control(sh, argc, argv, true); }
  static int continue_(Shell& sh, int argc, char** argv) { return loop_control(sh, argc, argv, false); }

  // command [-v] name args: name as a builtin or program, never a function.
  static int command(Shell& sh, int argc, char** argv) {
    if (argc > 1 && strcmp(argv[1], "-v") == 0) {
      int result = 0;
      for (int i = 2; i < argc; ++i) {
        if (Shell::builtin(argv[i]) != nullptr || sh.find_function(argv[i]) != nullptr) {
          printf("%s\n", argv[i]);
        } else {
          result = 1;
        }
      }
      return result;
    }
    if (argc < 2) return 0;
    if (Shell::BuiltinFn fn = Shell::builtin(argv[1])) return fn(sh, argc - 1, argv + 1);
    char** env = sh.vars_.environ(nullptr, 0);
    const pid_t pid = sh.spawn_program(argv + 1, env, sh.job_control_ ? 0 : -1);
    Vars::free_environ(env);
    if (pid <= 0) return pid == -2 ? 126 : 127;
    if (sh.job_control_) (void)tcsetpgrp(sh.tty_fd_, pid);
    return sh.wait_pids(&pid, 1, sh.job_control_ ? pid : 0);
  }

  // getopts optstring name [arg...]: the next option of $@ (or the args)
  // into name, OPTARG and OPTIND. Setting OPTIND=1 starts over.
  static int getopts(Shell& sh, int argc, char** argv) {
    if (argc < 3) {
      sh.error("getopts: usage: getopts optstring name [arg...]");
      return 2;
    }
    const char* given = sh.vars_.get("OPTIND");
    long ind = 1;
    if (given != nullptr && !number(given, &ind)) ind = 1;
    if (ind != sh.getopts_ind_) sh.getopts_pos_ = 1;  // set by the script: start that argument afresh
    int n = argc - 3;
    const char* const* args = argv + 3;
    if (argc == 3) {
      n = sh.nargs_;
      args = sh.args_;
    }
    int i = static_cast<int>(ind);
    const GetoptsStep r = getopts_step(argv[1], args, n, &i, &sh.getopts_pos_);
    if (r.error != nullptr) fprintf(stderr, "%s: %s -- %s\n", sh.arg0_ != nullptr ? sh.arg0_ : "qsh", r.error, r.letter);
    char num[16];
    snprintf(num, sizeof num, "%d", i);
    sh.getopts_ind_ = i;
    if (!sh.vars_.set("OPTIND", num) || !sh.vars_.set(argv[2], r.name)) {
      sh.error("getopts: readonly variable");
      return 2;
    }
    if (r.optarg != nullptr) {
      sh.vars_.set("OPTARG", r.optarg);
    } else {
      sh.vars_.unset("OPTARG");
    }
    return r.status;
  }

  static int trap(Shell& sh, int argc, char** argv) { return sh.trap_builtin(argc, argv); }
  static int alias(Shell& sh, int argc, char** argv) { return sh.alias_builtin(argc, argv); }
  static int unalias(Shell& sh, int argc, char** argv) { return sh.unalias_builtin(argc, argv); }
  static int ulimit_(Shell& sh, int argc, char** argv) { return sh.ulimit_builtin(argc, argv); }
};

namespace {

const struct {
  const char* name;
  Shell::BuiltinFn fn;
  bool special;  // POSIX's special builtins: errors end a script, assignments stay
} kBuiltins[] = {
    {":", Builtins::colon, true},        {".", Builtins::dot, true},          {"[", Builtins::test, false},
    {"alias", Builtins::alias, false},   {"unalias", Builtins::unalias, false},
    {"bg", Builtins::bg, false},         {"break", Builtins::break_, true},   {"cd", Builtins::cd, false},
    {"command", Builtins::command, false}, {"continue", Builtins::continue_, true}, {"echo", Builtins::echo, false},
    {"eval", Builtins::eval, true},      {"exec", Builtins::exec, true},      {"exit", Builtins::exit_, true},
    {"export", Builtins::export_, true}, {"false", Builtins::false_, false}, {"fg", Builtins::fg, false},
    {"jobs", Builtins::jobs, false},     {"kill", Builtins::kill_, false},    {"printf", Builtins::printf_, false},
    {"getopts", Builtins::getopts, false}, {"pwd", Builtins::pwd, false},       {"read", Builtins::read_, false},    {"readonly", Builtins::readonly_, true},
    {"return", Builtins::return_, true}, {"set", Builtins::set, true},        {"shift", Builtins::shift, true},
    {"test", Builtins::test, false},     {"trap", Builtins::trap, true},      {"true", Builtins::colon, false},
    {"type", Builtins::type, false},     {"umask", Builtins::umask_, false},  {"unset", Builtins::unset, true},
    {"ulimit", Builtins::ulimit_, false}, {"wait", Builtins::wait_, false},
};

}  // namespace

Shell::BuiltinFn Shell::builtin(const char* name) {
  for (const auto& b : kBuiltins) {
    if (strcmp(b.name, name) == 0) return b.fn;
  }
  return nullptr;
}

bool Shell::special_builtin(const char* name) {
  for (const auto& b : kBuiltins) {
    if (strcmp(b.name, name) == 0) return b.special;
  }
  return false;
}

}  // namespace qsh
