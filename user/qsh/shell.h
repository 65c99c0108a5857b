// qsh's executor: the state of a running shell and the walk over the
// syntax tree (ast.h) that runs it. There is no fork on QRV, so:
//   - programs are started with posix_spawn, after the shell has applied
//     the command's redirections to its own descriptors (saved above fd 10
//     with close-on-exec, and put back afterwards), so builtins, compound
//     commands and programs see redirections the same way;
//   - a subshell (`( list )`, `$(...)`) runs in the shell itself with its
//     state saved and restored (variables, positional parameters, options,
//     the working directory), so nothing it changes leaks out; `exit` in it
//     ends only the subshell;
//   - in a pipeline every program is started first (each reading the pipe
//     before it), then the elements the shell runs itself (builtins,
//     compound commands, functions) run in order; two such elements next to
//     each other pass at most a pipe's capacity (16 KiB) between them, and
//     such an element changes the shell's own state (as ksh's last element);
// An interactive shell puts each pipeline in a process group of its own and
// gives it the terminal while it runs (tcsetpgrp), so ^C reaches the job and
// not the shell. Stopping jobs (^Z, fg, bg) needs stopped processes, which
// QRV's kernel does not have yet: `fg` waits for a background job, `bg`
// answers that every job already runs.
#pragma once

#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#include "user/qsh/arena.h"
#include "user/qsh/ast.h"
#include "user/qsh/strbuf.h"
#include "user/qsh/vars.h"

namespace qsh {

class Shell {
 public:
  Shell();
  ~Shell();
  Shell(const Shell&) = delete;
  Shell& operator=(const Shell&) = delete;

  // Set up: the environment, $0 and the positional parameters.
  void init(char** env, const char* arg0, int argc, char** argv);
  // Parses and runs a whole text (a script, -c, a line); the status.
  int run_text(const char* text, size_t len, bool at_eof);
  const List* complete_prefix(Arena& arena, const char* text, size_t len, int bad);
  int run_list(const List* list);

  // The interactive loop (interactive.cc): prompt, edit, run, until exit or ^D.
  int interactive_loop();

  int exit_code() const { return exit_status_; }

  // traps.cc: run the traps of the signals that came, and the EXIT trap.
  void run_traps();
  void run_exit_trap();
  int trap_builtin(int argc, char** argv);
  // jobs.cc: wait, jobs, fg, bg, kill.
  int wait_builtin(int argc, char** argv);
  int jobs_builtin(int argc, char** argv);
  int fg_builtin(int argc, char** argv);
  int bg_builtin(int argc, char** argv);
  int kill_builtin(int argc, char** argv);
  // aliases.cc
  int alias_builtin(int argc, char** argv);
  int unalias_builtin(int argc, char** argv);
  // ulimit_builtin.cc. A subshell runs in the shell: the limits ulimit
  // changes in it are put back when it ends (restore_limits(depth)).
  int ulimit_builtin(int argc, char** argv);
  void restore_limits(int depth);

  // builtins.cc
  typedef int (*BuiltinFn)(Shell& sh, int argc, char** argv);
  static BuiltinFn builtin(const char* name);
  static bool special_builtin(const char* name);

  bool interactive = false;
  bool exiting = false;  // `exit` ran, or a fatal error in a script
  int status = 0;        // $?

 private:
  friend struct Builtins;
  friend class Expander;

  // Control flow unwinding: break/continue count loops, return a function,
  // exit the shell (or the subshell that runs it).
  struct Flow {
    int breaks = 0;
    int continues = 0;
    bool returning = false;
  };

  struct Function {
    char* name;
    const Command* body;
  };

  struct Job {
    int id;            // %1 ...
    pid_t pgid;
    pid_t pids[16];
    int npids;
    int done;          // how many have ended
    int status;        // the last process's
    bool reported;
    bool stopped;      // by a stop signal (^Z, kill -STOP): fg or bg continues it
    char name[48];     // the command, as jobs and the Stopped line show it
  };

  // exec.cc
  int run_and_or(const AndOr* ao);
  int run_pipeline(const Pipeline* p, bool async);
  int run_command(const Command* c);
  int run_simple(const Command* c);
  int run_simple_expanded(const Command* c, StrList* argv);
  bool interrupted() const;  // exit, break, continue or return is unwinding
  bool loop_ends();          // after a loop's body
  int run_compound(const Command* c);
  int run_case(const Command* c);
  int run_for(const Command* c);
  int run_loop(const Command* c, bool until);
  int run_function(const Function* f, int argc, char** argv);
  int run_subshell(const List* body);
  // Starts a program (PATH searched) with the current descriptors; its pid or -1.
  pid_t spawn_program(char** argv, char** env, pid_t pgid);
  // Waits for pids; the last one's status (128+signal when killed). With job
  // control (pgid > 0), a stop (^Z) makes those still running a stopped job
  // called `name` (job number `id`, or a new one): 128+signal.
  int wait_pids(const pid_t* pids, int n, pid_t pgid, const char* name = nullptr, int id = 0);
  bool command_is_external(const Command* c);

  // redir.cc: applies redirections, saving what they replace; undo() puts back.
  struct Saved {
    int fd;
    int copy;  // -1: fd was closed before
  };
  struct RedirFrame {
    Saved saved[16];
    int n = 0;
  };
  bool apply_redirs(const Vec<Redir>& redirs, RedirFrame* frame);
  void undo_redirs(RedirFrame* frame);
  bool save_fd(int fd, RedirFrame* frame);
  int heredoc_fd(const Redir& r);

  // expand.cc (via Expander)
  bool expand_words(const Vec<Word*>& words, StrList* out);
  char* expand_single(const Word* w);  // malloc'd, or nullptr on error
  char* expand_pattern(const Word* w);
  // $(...) : the output of list, trailing newlines removed (malloc'd).
  char* capture(const List* list);


  Function* find_function(const char* name);
  bool define_function(const char* name, const Command* body);

  // jobs.cc
  Job* add_job(pid_t pgid, const pid_t* pids, int n, int id = 0);
  // "cmd args" (and " | ..." when `more`), cut to fit a job's name.
  static void job_name(char* out, size_t cap, char* const* argv, bool more);
  void reap_jobs(bool report);
  Job* find_job(const char* spec);

  void error(const char* fmt, ...) __attribute__((format(printf, 2, 3)));
  // An error that ends a non-interactive shell (POSIX 2.8.1: syntax,
  // expansion, assignment and special builtin errors): $? is s, and a
  // script, -c string or ( ) subshell ends with it.
  void fatal(int s);
  int set_positional(int argc, char** argv);
  const char* positional(int i) const;
  void trace(char** argv);  // set -x

  struct Alias {
    char* name;
    char* value;
    Arena* arena;           // the parsed value
    const Command* command;  // its one simple command
  };
  Alias* find_alias(const char* name);
  bool define_alias(const char* name, const char* value);
  void drop_alias(Alias* a);
  // A simple command's words expanded, an alias in command position replaced.
  bool expand_command_words(const Command* c, StrList* out);
  Alias* aliases_ = nullptr;
  int naliases_ = 0;

  static int trap_signal(const char* name);
  int set_trap(const char* action, int sig);

  Vars vars_;
  char* traps_[65] = {};  // by signal; [0] EXIT; "" ignored
  bool in_trap_ = false;
  char* arg0_ = nullptr;
  char** args_ = nullptr;  // malloc'd copies, $1...
  int nargs_ = 0;
  long getopts_ind_ = 1;  // the OPTIND getopts last set, and its place in that argument
  int getopts_pos_ = 1;
  pid_t last_bg_ = 0;
  pid_t shell_pgid_ = 0;
  bool opt_e_ = false, opt_u_ = false, opt_x_ = false, opt_f_ = false;
  bool job_control_ = false;
  static constexpr int kTtyFd = 20;
  int tty_fd_ = -1;  // the terminal (a copy at kTtyFd and up), for tcsetpgrp: fd 0 may be redirected
  bool defines_function_ = false;
  Flow flow_;
  int loop_depth_ = 0;
  int function_depth_ = 0;
  int subshell_depth_ = 0;
  struct SavedLimit {
    int depth;  // the subshell depth that changed it
    int resource;
    uint64_t cur, max;
  };
  SavedLimit saved_limits_[16] = {};
  int nsaved_limits_ = 0;
  int eval_depth_ = 0;
  int cond_depth_ = 0;  // inside an if/while condition or && || : set -e does not apply
  Function* functions_ = nullptr;
  int nfunctions_ = 0;
  Arena** kept_ = nullptr;  // arenas holding function bodies
  int nkept_ = 0;
  Job jobs_[32] = {};
  int next_job_ = 1;
  int exit_status_ = 0;
  unsigned errors_ = 0;    // error() calls so far (a special builtin's errors are fatal)
  int subst_status_ = 0;   // the last command substitution's status
  bool e_exempt_ = false;  // the last and-or list's status came from a pipeline set -e ignores
};

}  // namespace qsh
