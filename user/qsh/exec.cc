// The executor's walk (shell.h): lists, and-or lists, pipelines, simple
// commands, functions, subshells. Compound commands are in control.cc,
// starting and waiting for programs in programs.cc.
#include <errno.h>
#include <fcntl.h>
#include <fnmatch.h>
#include <new>
#include <signal.h>
#include <spawn.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <termios.h>
#include <unistd.h>

#include "user/qsh/parser.h"
#include "user/qsh/shell.h"

namespace qsh {
namespace {

constexpr int kMaxPipeline = 16;

}  // namespace

Shell::Shell() = default;

Shell::~Shell() {
  set_positional(0, nullptr);
  free(arg0_);
  for (int i = 0; i < nfunctions_; ++i) free(functions_[i].name);
  free(functions_);
  for (char* t : traps_) free(t);
  while (naliases_ > 0) drop_alias(&aliases_[0]);
  free(aliases_);
  for (int i = 0; i < nkept_; ++i) {
    kept_[i]->~Arena();
    free(kept_[i]);
  }
  free(kept_);
}

void Shell::error(const char* fmt, ...) {
  char msg[512];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(msg, sizeof msg, fmt, ap);
  va_end(ap);
  fprintf(stderr, "qsh: %s\n", msg);
  fflush(stderr);
  ++errors_;
}

void Shell::fatal(int s) {
  status = s;
  if (!interactive) {
    exiting = true;
    exit_status_ = s;
  }
}

void Shell::init(char** env, const char* arg0, int argc, char** argv) {
  vars_.import(env);
  if (vars_.get("PATH") == nullptr) {
    vars_.set("PATH", "/proc/boot");
    vars_.set_exported("PATH", true);
  }
  if (vars_.get("HOME") == nullptr) vars_.set("HOME", "/");
  vars_.set("OPTIND", "1");  // POSIX: 1 when the shell starts
  if (vars_.get("PS1") == nullptr) vars_.set("PS1", geteuid() == 0 ? "# " : "$ ");
  if (vars_.get("PS2") == nullptr) vars_.set("PS2", "> ");
  char cwd[1024];
  if (getcwd(cwd, sizeof cwd) != nullptr) vars_.set("PWD", cwd);
  free(arg0_);
  arg0_ = strdup(arg0 != nullptr ? arg0 : "qsh");
  set_positional(argc, argv);
}

int Shell::set_positional(int argc, char** argv) {
  for (int i = 0; i < nargs_; ++i) free(args_[i]);
  free(args_);
  args_ = nullptr;
  nargs_ = 0;
  if (argc <= 0) return 0;
  args_ = static_cast<char**>(calloc(static_cast<size_t>(argc) + 1, sizeof(char*)));
  if (args_ == nullptr) return 1;
  for (int i = 0; i < argc; ++i) {
    args_[i] = strdup(argv[i]);
    if (args_[i] == nullptr) return 1;
    nargs_ = i + 1;
  }
  return 0;
}

const char* Shell::positional(int i) const { return i >= 1 && i <= nargs_ ? args_[i - 1] : nullptr; }

// The complete commands of text's lines before line `bad` (where a syntax
// error was seen): the longest run of whole lines that parses on its own
// (a command that spans the bad line is left out with it), or nullptr.
const List* Shell::complete_prefix(Arena& arena, const char* text, size_t len, int bad) {
  size_t cut = 0;  // the start of line `bad`
  for (int line = 1; line < bad && cut < len; ++cut) {
    if (text[cut] == '\n') ++line;
  }
  while (cut > 0) {
    const ParseResult p = parse(arena, text, cut, false);
    if (p.status == ParseStatus::kOk) return p.program->items.empty() ? nullptr : p.program;
    if (p.status == ParseStatus::kError) return nullptr;
    --cut;  // incomplete: the command began on an earlier line
    while (cut > 0 && text[cut - 1] != '\n') --cut;
  }
  return nullptr;
}

int Shell::run_text(const char* text, size_t len, bool at_eof) {
  void* mem = malloc(sizeof(Arena));
  if (mem == nullptr) {
    error("out of memory");
    return status = 2;
  }
  Arena* arena = new (mem) Arena;
  const ParseResult r = parse(*arena, text, len, at_eof);
  const int defined_before = nfunctions_;
  if (r.status != ParseStatus::kOk) {
    // A shell reads a script one complete command at a time: the commands
    // before the bad one run before its error is reported.
    if (r.status == ParseStatus::kError) {
      if (const List* before = complete_prefix(*arena, text, len, r.line)) {
        ++eval_depth_;
        run_list(before);
        --eval_depth_;
      }
    }
    if (!exiting) {
      fprintf(stderr, "%s\n", r.message);
      fatal(2);
    }
  } else {
    ++eval_depth_;
    run_list(r.program);
    --eval_depth_;
  }
  if (nfunctions_ != defined_before || (r.status == ParseStatus::kOk && defines_function_)) {
    // Function bodies point into this parse: it lives as long as the shell.
    Arena** grown = static_cast<Arena**>(realloc(kept_, static_cast<size_t>(nkept_ + 1) * sizeof(Arena*)));
    if (grown != nullptr) {
      kept_ = grown;
      kept_[nkept_++] = arena;
      defines_function_ = false;
      return status;
    }
  }
  defines_function_ = false;
  arena->~Arena();
  free(mem);
  return status;
}

bool Shell::interrupted() const { return exiting || flow_.breaks != 0 || flow_.continues != 0 || flow_.returning; }

int Shell::run_list(const List* list) {
  if (list == nullptr) return status;
  for (size_t i = 0; i < list->items.size() && !interrupted(); ++i) {
    run_traps();
    if (interrupted()) break;
    const ListItem& item = list->items[i];
    const AndOr* ao = item.and_or;
    if (item.async) {
      if (ao->pipelines.size() != 1) {
        error("line %d: only a pipeline can run in the background (not && or ||)", item.line);
        status = 2;
        continue;
      }
      status = run_pipeline(ao->pipelines[0], true);
      continue;
    }
    e_exempt_ = false;
    status = run_and_or(ao);
    run_traps();
    if (opt_e_ && status != 0 && cond_depth_ == 0 && !e_exempt_ && !interrupted()) {
      exiting = true;
      exit_status_ = status;
    }
  }
  return status;
}

int Shell::run_and_or(const AndOr* ao) {
  int s = status;
  const size_t n = ao->pipelines.size();
  for (size_t i = 0; i < n && !interrupted(); ++i) {
    const Pipeline* p = ao->pipelines[i];
    if (p->connector == Connector::kAnd && s != 0) continue;
    if (p->connector == Connector::kOr && s == 0) continue;
    const bool condition = i + 1 < n || p->bang;  // set -e ignores these
    if (condition) ++cond_depth_;
    s = run_pipeline(p, false);
    if (condition) --cond_depth_;
    status = s;
    e_exempt_ = condition;  // the list's status comes from it
  }
  return s;
}

bool Shell::command_is_external(const Command* c) { return c->kind == CommandKind::kSimple; }

int Shell::run_pipeline(const Pipeline* p, bool async) {
  const size_t n = p->commands.size();
  if (n == 1 && !async) {
    const int s = run_command(p->commands[0]);
    return p->bang ? (s == 0 ? 1 : 0) : s;
  }
  if (n > static_cast<size_t>(kMaxPipeline)) {
    error("a pipeline of more than %d commands", kMaxPipeline);
    return 2;
  }
  // Pipes between the elements, close-on-exec in the shell (the dup2 onto
  // 0 and 1 for an element makes them inheritable there only).
  int pipes[kMaxPipeline][2];
  for (size_t i = 0; i + 1 < n; ++i) {
    if (pipe2(pipes[i], O_CLOEXEC) != 0) {
      error("pipe: %s", strerror(errno));
      for (size_t k = 0; k < i; ++k) {
        close(pipes[k][0]);
        close(pipes[k][1]);
      }
      return 2;
    }
  }
  StrList argvs[kMaxPipeline];
  bool external[kMaxPipeline] = {};
  pid_t pids[kMaxPipeline];
  int npids = 0;
  pid_t pgid = 0;
  int last_status = 0;
  // First the programs, each reading the pipe before it.
  for (size_t i = 0; i < n; ++i) {
    const Command* c = p->commands[i];
    if (c->kind != CommandKind::kSimple) continue;
    if (!expand_command_words(c, &argvs[i])) continue;
    if (argvs[i].len == 0 || builtin(argvs[i].items[0]) != nullptr || find_function(argvs[i].items[0]) != nullptr) {
      continue;
    }
    external[i] = true;
    RedirFrame frame;
    bool ok = true;
    if (i > 0) ok = save_fd(0, &frame) && dup2(pipes[i - 1][0], 0) == 0;
    if (ok && i + 1 < n) ok = save_fd(1, &frame) && dup2(pipes[i][1], 1) == 1;
    if (ok) ok = apply_redirs(c->redirs, &frame);
    pid_t pid = -1;
    if (ok) {
      StrList env_extra;
      bool fine = true;
      for (size_t k = 0; k < c->assigns.size(); ++k) {
        char* v = expand_single(c->assigns[k].value);
        if (v == nullptr) {
          fine = false;
          break;
        }
        StrBuf kv;
        kv.append(c->assigns[k].name.s);
        kv.push('=');
        kv.append(v);
        free(v);
        env_extra.push_owned(kv.take());
      }
      if (fine) {
        char** env = vars_.environ(env_extra.items, env_extra.len);
        trace(argvs[i].argv());
        pid = spawn_program(argvs[i].argv(), env, async || job_control_ ? pgid : -1);
        Vars::free_environ(env);
      }
    }
    undo_redirs(&frame);
    if (pid > 0) {
      pids[npids++] = pid;
      if (pgid == 0 && (async || job_control_)) pgid = pid;
      if (i + 1 == n) last_status = -1;  // from the program
    } else if (i + 1 == n) {
      last_status = 127;
    }
  }
  if (job_control_ && !async && pgid > 0) (void)tcsetpgrp(tty_fd_, pgid);
  // The pipes whose writer is a program: the shell's copy goes, so the
  // reader sees the end of the data when the program ends.
  for (size_t i = 0; i + 1 < n; ++i) {
    if (external[i]) {
      close(pipes[i][1]);
      pipes[i][1] = -1;
    }
    if (external[i + 1]) {
      close(pipes[i][0]);
      pipes[i][0] = -1;
    }
  }
  // Then what the shell runs itself, in order.
  for (size_t i = 0; i < n; ++i) {
    if (external[i]) continue;
    RedirFrame frame;
    bool ok = true;
    if (i > 0 && pipes[i - 1][0] >= 0) ok = save_fd(0, &frame) && dup2(pipes[i - 1][0], 0) == 0;
    if (ok && i + 1 < n && pipes[i][1] >= 0) ok = save_fd(1, &frame) && dup2(pipes[i][1], 1) == 1;
    int s = 1;
    if (ok) {
      const Command* c = p->commands[i];
      // Unlike a subshell, it may change the shell's state (as ksh's last element does).
      s = c->kind == CommandKind::kSimple ? run_simple_expanded(c, &argvs[i]) : run_command(c);
    }
    undo_redirs(&frame);
    if (i + 1 < n && pipes[i][1] >= 0) {
      close(pipes[i][1]);
      pipes[i][1] = -1;
    }
    if (i > 0 && pipes[i - 1][0] >= 0) {
      close(pipes[i - 1][0]);
      pipes[i - 1][0] = -1;
    }
    if (i + 1 == n) last_status = s;
  }
  for (size_t i = 0; i + 1 < n; ++i) {
    if (pipes[i][0] >= 0) close(pipes[i][0]);
    if (pipes[i][1] >= 0) close(pipes[i][1]);
  }
  if (async) {
    Job* j = add_job(pgid, pids, npids);
    if (npids > 0) last_bg_ = pids[npids - 1];
    if (j != nullptr) job_name(j->name, sizeof j->name, argvs[0].argv(), n > 1);
    if (j != nullptr && interactive) fprintf(stderr, "[%d] %d\n", j->id, static_cast<int>(last_bg_));
    return 0;
  }
  char name[sizeof(Job::name)];
  job_name(name, sizeof name, argvs[0].argv(), n > 1);
  const int waited = npids > 0 ? wait_pids(pids, npids, pgid, name) : 0;
  const int s = last_status == -1 ? waited : last_status;
  return p->bang ? (s == 0 ? 1 : 0) : s;
}

int Shell::run_command(const Command* c) {
  switch (c->kind) {
    case CommandKind::kSimple:
      return run_simple(c);
    case CommandKind::kFunction:
      if (!define_function(c->name.s, c->function_body)) {
        error("%s: cannot define the function", c->name.s);
        return status = 1;
      }
      return status = 0;
    default: {
      RedirFrame frame;
      if (!apply_redirs(c->redirs, &frame)) {
        undo_redirs(&frame);
        return status = 1;
      }
      const int s = run_compound(c);
      undo_redirs(&frame);
      return s;
    }
  }
}

int Shell::run_simple(const Command* c) {
  StrList argv;
  if (!expand_command_words(c, &argv)) {  // an expansion error (fatal in a script: expand.cc)
    if (eval_depth_ > 0 && argv.failed) fatal(2);  // out of memory
    return status = exiting ? exit_status_ : 1;
  }
  return run_simple_expanded(c, &argv);
}

int Shell::run_simple_expanded(const Command* c, StrList* argv) {
  // No command: the assignments are the shell's, the redirections are made
  // (a file created) and undone.
  if (argv->len == 0) {
    subst_status_ = 0;  // the status is the last command substitution's, if any
    for (size_t k = 0; k < c->assigns.size(); ++k) {
      char* v = expand_single(c->assigns[k].value);
      if (v == nullptr) {
        fatal(2);
        return status;
      }
      if (!vars_.set(c->assigns[k].name.s, v)) {
        error("%s: readonly variable", c->assigns[k].name.s);
        free(v);
        fatal(2);
        return status;
      }
      if (opt_x_) fprintf(stderr, "+ %s=%s\n", c->assigns[k].name.s, v);
      free(v);
    }
    RedirFrame frame;
    const bool ok = apply_redirs(c->redirs, &frame);
    undo_redirs(&frame);
    return status = ok ? subst_status_ : 1;
  }
  const char* name = argv->items[0];
  BuiltinFn fn = builtin(name);
  Function* f = fn == nullptr || !special_builtin(name) ? find_function(name) : nullptr;
  if (f != nullptr) fn = nullptr;
  // Assignments before a builtin or function hold for it only (a special
  // builtin's stay); before a program they go into its environment.
  StrList extra;
  struct Old {
    char* name;
    char* value;
    bool had;
  } olds[16];
  int nolds = 0;
  const bool temporary = (fn != nullptr && !special_builtin(name)) || f != nullptr;
  for (size_t k = 0; k < c->assigns.size(); ++k) {
    char* v = expand_single(c->assigns[k].value);
    if (v == nullptr) {
      fatal(2);
      return status;
    }
    const char* an = c->assigns[k].name.s;
    if (fn == nullptr && f == nullptr) {
      StrBuf kv;
      kv.append(an);
      kv.push('=');
      kv.append(v);
      extra.push_owned(kv.take());
    } else {
      if (temporary && nolds < 16) {
        const char* old = vars_.get(an);
        olds[nolds++] = {strdup(an), old != nullptr ? strdup(old) : nullptr, old != nullptr};
      }
      if (!vars_.set(an, v)) error("%s: readonly variable", an);
    }
    free(v);
  }
  RedirFrame frame;
  const bool keep_redirs = fn != nullptr && strcmp(name, "exec") == 0 && argv->len == 1;
  // A special builtin's errors end a script (POSIX 2.8.1), its redirection
  // errors too; eval's and .'s are those of the commands they run.
  const bool fatal_errors = fn != nullptr && special_builtin(name) && strcmp(name, "eval") != 0 &&
                            strcmp(name, ".") != 0;
  if (!apply_redirs(c->redirs, &frame)) {
    undo_redirs(&frame);
    if (fatal_errors) {
      fatal(1);
      return status;
    }
    return status = 1;
  }
  trace(argv->argv());
  int s;
  fflush(stdout);  // what stdio holds goes where it was written for
  if (fn != nullptr) {
    const unsigned errors_before = errors_;
    s = fn(*this, static_cast<int>(argv->len), argv->argv());
    fflush(stdout);
    fflush(stderr);
    if (fatal_errors && errors_ != errors_before && !exiting) fatal(s != 0 ? s : 1);
  } else if (f != nullptr) {
    s = run_function(f, static_cast<int>(argv->len), argv->argv());
  } else {
    char** env = vars_.environ(extra.items, extra.len);
    const pid_t pid = spawn_program(argv->argv(), env, job_control_ ? 0 : -1);
    Vars::free_environ(env);
    if (pid > 0) {
      if (job_control_) (void)tcsetpgrp(tty_fd_, pid);
      char jname[sizeof(Job::name)];
      job_name(jname, sizeof jname, argv->argv(), false);
      s = wait_pids(&pid, 1, job_control_ ? pid : 0, jname);
    } else {
      s = pid == -2 ? 126 : 127;
    }
  }
  if (keep_redirs) {
    for (int i = 0; i < frame.n; ++i) {  // exec >file: for good
      if (frame.saved[i].copy >= 0) close(frame.saved[i].copy);
    }
    frame.n = 0;
  }
  undo_redirs(&frame);
  for (int i = 0; i < nolds; ++i) {
    if (olds[i].had) {
      vars_.set(olds[i].name, olds[i].value);
    } else {
      vars_.unset(olds[i].name);
    }
    free(olds[i].name);
    free(olds[i].value);
  }
  return status = s;
}

void Shell::trace(char** argv) {
  if (!opt_x_) return;
  fputs("+", stderr);
  for (char** a = argv; *a != nullptr; ++a) fprintf(stderr, " %s", *a);
  fputs("\n", stderr);
}

Shell::Function* Shell::find_function(const char* name) {
  for (int i = 0; i < nfunctions_; ++i) {
    if (strcmp(functions_[i].name, name) == 0) return &functions_[i];
  }
  return nullptr;
}

bool Shell::define_function(const char* name, const Command* body) {
  defines_function_ = true;
  if (Function* f = find_function(name)) {
    f->body = body;
    return true;
  }
  Function* grown = static_cast<Function*>(realloc(functions_, static_cast<size_t>(nfunctions_ + 1) * sizeof(Function)));
  if (grown == nullptr) return false;
  functions_ = grown;
  char* n = strdup(name);
  if (n == nullptr) return false;
  functions_[nfunctions_++] = Function{n, body};
  return true;
}

int Shell::run_function(const Function* f, int argc, char** argv) {
  if (function_depth_ >= 200) {
    error("%s: functions nested too deep", f->name);
    return 2;
  }
  char** saved = args_;
  const int nsaved = nargs_;
  args_ = nullptr;
  nargs_ = 0;
  set_positional(argc - 1, argv + 1);
  const int loops = loop_depth_;
  loop_depth_ = 0;
  ++function_depth_;
  const int s = run_command(f->body);
  --function_depth_;
  loop_depth_ = loops;
  flow_.breaks = flow_.continues = 0;
  const int result = flow_.returning ? status : s;
  flow_.returning = false;
  set_positional(0, nullptr);
  args_ = saved;
  nargs_ = nsaved;
  return status = result;
}

// In the shell itself, with what it may change saved and put back.
int Shell::run_subshell(const List* body) {
  Vars saved_vars;
  if (!saved_vars.copy_from(vars_)) {
    error("out of memory");
    return 2;
  }
  char** saved_args = args_;
  const int saved_nargs = nargs_;
  args_ = nullptr;
  nargs_ = 0;
  set_positional(saved_nargs, saved_args);
  const bool e = opt_e_, u = opt_u_, x = opt_x_, f = opt_f_;
  const int saved_functions = nfunctions_;
  char cwd[1024];
  const bool have_cwd = getcwd(cwd, sizeof cwd) != nullptr;
  const mode_t mask = umask(0);
  umask(mask);
  const int saved_exit = exit_status_;
  ++subshell_depth_;
  int s = run_list(body);
  --subshell_depth_;
  if (exiting) {
    s = exit_status_;
    exiting = false;
  }
  exit_status_ = saved_exit;
  flow_ = Flow{};
  vars_.copy_from(saved_vars);
  set_positional(0, nullptr);
  args_ = saved_args;
  nargs_ = saved_nargs;
  opt_e_ = e;
  opt_u_ = u;
  opt_x_ = x;
  opt_f_ = f;
  for (int i = saved_functions; i < nfunctions_; ++i) free(functions_[i].name);
  nfunctions_ = saved_functions;
  if (have_cwd) (void)chdir(cwd);
  umask(mask);
  restore_limits(subshell_depth_);
  return s;
}

}  // namespace qsh
