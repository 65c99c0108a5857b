// alias and unalias. POSIX substitutes aliases while reading the text; qsh's
// parser does not, so the executor does it for the command name: a command
// whose first word is an unquoted alias name runs with the alias's words in
// its place (then the rest of its words). An alias must therefore be one
// simple command's words (`alias ll='ls -l'`), which is what aliases are
// used for; anything else is refused when defined, so no alias half-works.
#include <new>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "user/qsh/parser.h"
#include "user/qsh/shell.h"

namespace qsh {

Shell::Alias* Shell::find_alias(const char* name) {
  for (int i = 0; i < naliases_; ++i) {
    if (strcmp(aliases_[i].name, name) == 0) return &aliases_[i];
  }
  return nullptr;
}

void Shell::drop_alias(Alias* a) {
  free(a->name);
  free(a->value);
  a->arena->~Arena();
  free(a->arena);
  *a = aliases_[--naliases_];
}

bool Shell::define_alias(const char* name, const char* value) {
  void* mem = malloc(sizeof(Arena));
  if (mem == nullptr) return false;
  Arena* arena = new (mem) Arena;
  const ParseResult r = parse(*arena, value, strlen(value), true);
  const Command* c = nullptr;
  if (r.status == ParseStatus::kOk && r.program->items.size() == 1 && !r.program->items[0].async) {
    const AndOr* ao = r.program->items[0].and_or;
    if (ao->pipelines.size() == 1 && !ao->pipelines[0]->bang && ao->pipelines[0]->commands.size() == 1) {
      c = ao->pipelines[0]->commands[0];
    }
  }
  if (c == nullptr || c->kind != CommandKind::kSimple || c->words.empty() || !c->redirs.empty() ||
      !c->assigns.empty()) {
    error("alias: %s: the value must be one simple command's words", name);
    arena->~Arena();
    free(mem);
    return false;
  }
  if (Alias* old = find_alias(name)) drop_alias(old);
  Alias* grown = static_cast<Alias*>(realloc(aliases_, static_cast<size_t>(naliases_ + 1) * sizeof(Alias)));
  if (grown == nullptr) {
    arena->~Arena();
    free(mem);
    return false;
  }
  aliases_ = grown;
  aliases_[naliases_++] = Alias{strdup(name), strdup(value), arena, c};
  return true;
}

bool Shell::expand_command_words(const Command* c, StrList* out) {
  if (!c->words.empty()) {
    const Word* first = c->words[0];
    if (first->parts.size() == 1 && first->parts[0].kind == PartKind::kLiteral && !is_quoted(first->parts[0])) {
      if (const Alias* a = find_alias(first->parts[0].text.s)) {
        if (!expand_words(a->command->words, out)) return false;
        for (size_t i = 1; i < c->words.size(); ++i) {
          Vec<Word*> one = {const_cast<Word**>(&c->words[i]), 1, 1};
          if (!expand_words(one, out)) return false;
        }
        return true;
      }
    }
  }
  return expand_words(c->words, out);
}

int Shell::alias_builtin(int argc, char** argv) {
  if (argc == 1) {
    for (int i = 0; i < naliases_; ++i) printf("alias %s='%s'\n", aliases_[i].name, aliases_[i].value);
    return 0;
  }
  int result = 0;
  for (int i = 1; i < argc; ++i) {
    char* eq = strchr(argv[i], '=');
    if (eq == nullptr) {
      const Alias* a = find_alias(argv[i]);
      if (a != nullptr) {
        printf("alias %s='%s'\n", a->name, a->value);
      } else {
        error("alias: %s: not found", argv[i]);
        result = 1;
      }
      continue;
    }
    *eq = '\0';
    if (argv[i][0] == '\0' || !define_alias(argv[i], eq + 1)) result = 1;
  }
  return result;
}

int Shell::unalias_builtin(int argc, char** argv) {
  if (argc == 2 && strcmp(argv[1], "-a") == 0) {
    while (naliases_ > 0) drop_alias(&aliases_[0]);
    return 0;
  }
  int result = 0;
  for (int i = 1; i < argc; ++i) {
    Alias* a = find_alias(argv[i]);
    if (a == nullptr) {
      error("unalias: %s: not found", argv[i]);
      result = 1;
    } else {
      drop_alias(a);
    }
  }
  return result;
}

}  // namespace qsh
