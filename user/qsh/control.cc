// The compound commands' execution: { } and ( ) bodies, if, while and
// until, for, case (the parser's side is compound.cc).
#include <errno.h>
#include <fcntl.h>
#include <fnmatch.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <termios.h>
#include <unistd.h>

#include "user/qsh/shell.h"

namespace qsh {

int Shell::run_compound(const Command* c) {
  switch (c->kind) {
    case CommandKind::kGroup:
      return run_list(c->body);
    case CommandKind::kSubshell:
      return status = run_subshell(c->body);
    case CommandKind::kIf:
      for (size_t i = 0; i < c->clauses.size(); ++i) {
        ++cond_depth_;
        const int s = run_list(c->clauses[i].cond);
        --cond_depth_;
        if (interrupted()) return status;
        if (s == 0) return run_list(c->clauses[i].body);
      }
      if (c->else_body != nullptr) return run_list(c->else_body);
      return status = 0;
    case CommandKind::kWhile:
      return run_loop(c, false);
    case CommandKind::kUntil:
      return run_loop(c, true);
    case CommandKind::kFor:
      return run_for(c);
    case CommandKind::kCase:
      return run_case(c);
    default:
      return status = 0;
  }
}

// After a loop's body: whether the loop ends (break, or a continue for an outer loop).
bool Shell::loop_ends() {
  if (flow_.breaks > 0) {
    --flow_.breaks;
    return true;
  }
  if (flow_.continues > 0) return --flow_.continues > 0;
  return interrupted();
}

int Shell::run_loop(const Command* c, bool until) {
  int s = 0;
  ++loop_depth_;
  for (;;) {
    ++cond_depth_;
    const int cond = run_list(c->cond);
    --cond_depth_;
    if (interrupted()) {
      if (loop_ends()) break;
      continue;
    }
    if ((cond == 0) == until) break;
    s = run_list(c->body);
    if (loop_ends()) break;
  }
  --loop_depth_;
  return status = s;
}

int Shell::run_for(const Command* c) {
  StrList words;
  if (c->has_in) {
    if (!expand_words(c->for_words, &words)) return status = 1;
  } else {
    for (int i = 0; i < nargs_; ++i) words.push(args_[i]);
  }
  int s = 0;
  ++loop_depth_;
  for (size_t i = 0; i < words.len; ++i) {
    if (!vars_.set(c->name.s, words.items[i])) {
      error("%s: readonly variable", c->name.s);
      s = 1;
      break;
    }
    s = run_list(c->body);
    if (loop_ends()) break;
  }
  --loop_depth_;
  return status = s;
}

int Shell::run_case(const Command* c) {
  char* subject = expand_single(c->subject);
  if (subject == nullptr) return status = 1;
  int s = 0;
  bool matched = false;
  for (size_t i = 0; i < c->items.size() && !matched; ++i) {
    const CaseItem& item = c->items[i];
    for (size_t k = 0; k < item.patterns.size() && !matched; ++k) {
      char* pat = expand_pattern(item.patterns[k]);
      if (pat == nullptr) continue;
      matched = fnmatch(pat, subject, 0) == 0;
      free(pat);
    }
    if (matched && item.body != nullptr) s = run_list(item.body);
  }
  free(subject);
  return status = s;
}

}  // namespace qsh
