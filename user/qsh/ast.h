// The syntax tree of a qsh program: what the parser (parser.h) builds and
// the executor walks. Nothing here is expanded or executed: words keep every
// quote and expansion as parsed, so the executor can do POSIX's expansions
// in order (tilde, parameter, command substitution, arithmetic, then field
// splitting and pathname expansion on the unquoted results only, then quote
// removal, which the parser has in effect already done).
//
// All nodes live in the Arena passed to parse() and die with it. They are
// plain aggregates; every pointer documented as "never null" is set for a
// successful parse. Text (Str) is NUL-terminated; Vec is arena-backed.
//
// Shape:  List -> ListItem (async?) -> AndOr -> Pipeline (!) -> Command
//         Command: simple (assignments, words, redirections) or compound.
//
// Left to the executor: tilde prefixes (they stay in unquoted literal text:
// `~`, `~user/x`, and after `=` or `:` in an assignment's value), deciding
// which simple commands are special built-ins or declarations, and aliases.
#pragma once

#include <stddef.h>
#include <stdint.h>

#include "user/qsh/arena.h"

namespace qsh {

struct Word;
struct List;
struct Command;

// ---- Words ----------------------------------------------------------------

enum class PartKind : uint8_t {
  kLiteral,  // text
  kParam,    // $x ${x} ${x:-w} ... : name, op, colon, operand
  kCommand,  // $(...) or `...` : program, backquoted
  kArith,    // $((...)) : expr
};

// How a literal part was quoted. Any quote (not kNone) makes its text exempt
// from field splitting and pathname expansion, and from being a reserved word.
enum class Quote : uint8_t {
  kNone,       // unquoted: glob characters and IFS splitting apply (after expansion)
  kSingle,     // '...' (also a here-document body with a quoted delimiter)
  kDouble,     // plain text between "..." (also an unquoted here-document's text)
  kBackslash,  // one character escaped by '\' (outside or inside "...")
};

// Parameter expansion operators. For ${x:-w} and the like `colon` is set;
// the pattern operators (%, %%, #, ##) never have it.
enum class ParamOp : uint8_t {
  kPlain,             // $x ${x}
  kLength,            // ${#x}
  kDefault,           // ${x-w}  ${x:-w}   use w if unset (or null)
  kAssign,            // ${x=w}  ${x:=w}   assign w if unset (or null)
  kError,             // ${x?w}  ${x:?w}   error w if unset (or null)
  kAlternative,       // ${x+w}  ${x:+w}   use w if set (and not null)
  kRemoveSuffix,      // ${x%p}   smallest suffix matching pattern p
  kRemoveLongSuffix,  // ${x%%p}
  kRemovePrefix,      // ${x#p}
  kRemoveLongPrefix,  // ${x##p}
};

struct WordPart {
  PartKind kind;
  // True when the part stood between double quotes (or in an unquoted
  // here-document body): "$@" is kParam with in_dquotes, $@ without; the
  // results of expansions in dquotes are not field-split.
  bool in_dquotes;
  Quote quote;      // kLiteral: how its text was quoted (kDouble in dquotes)
  ParamOp op;       // kParam
  bool colon;       // kParam: ":" form, also applies when the value is null
  bool backquoted;  // kCommand: `...` rather than $(...)

  // kLiteral: the text, quotes and escaping backslashes removed (may be empty:
  // "" and '' are one empty quoted part, so the word still makes a field).
  // kParam: the name: an identifier, a positional "0".."9" or "10".., or one
  // of "@" "*" "#" "?" "-" "$" "!".
  // kArith: the expression's source text between $(( and )), as written.
  Str text;

  // kParam: the w or p of ${x op w}; never null for ops after kLength (it
  // may have no parts: ${x:-}).
  Word* operand;
  // kCommand: the parsed commands inside (may have no items).
  List* program;
  // kArith: the expression as a word (parameters and command substitutions in
  // it to be expanded, as in double quotes, before evaluation). Never null.
  Word* expr;
};

// One shell word: its parts concatenate into the word's value (and fields).
// A word with no parts is empty (an assignment's `x=`).
struct Word {
  Vec<WordPart> parts;
};

// Whether what a part yields is exempt from field splitting and pathname
// expansion: quoted literal text, and any expansion inside double quotes.
inline bool is_quoted(const WordPart& p) {
  return p.kind == PartKind::kLiteral ? p.quote != Quote::kNone : p.in_dquotes;
}

// ---- Redirections ---------------------------------------------------------

enum class RedirOp : uint8_t {
  kIn,          // <    fd 0
  kOut,         // >    fd 1
  kAppend,      // >>   fd 1
  kClobber,     // >|   fd 1
  kReadWrite,   // <>   fd 0
  kDupIn,       // <&   fd 0   target: a number or "-"
  kDupOut,      // >&   fd 1   target: a number or "-"
  kHeredoc,     // <<   fd 0
  kHeredocTab,  // <<-  fd 0   leading tabs of each body line already removed
};

struct Redir {
  int fd;  // the io number written before the operator, else the default above
  RedirOp op;
  Word* target;  // the file or fd to expand; for here-documents the delimiter
                 // as parsed (not to be expanded: the body is what counts); never null
  // Here-documents only: the body (the lines up to the delimiter, each with
  // its newline). When the delimiter was unquoted the body is parsed like a
  // double-quoted word ($x, $(..), `..`, and \$ \` \\ \newline escapes), all
  // parts in_dquotes; when any of it was quoted (`<<'EOF'`, `<<\EOF`, `<<"E"F`)
  // the body is one kSingle literal, taken as is. Never null for here-documents
  // (no parts for an empty body).
  Word* body;
  bool body_quoted;  // the delimiter had quotes: the body expands nothing
};

// ---- Commands -------------------------------------------------------------

enum class CommandKind : uint8_t {
  kSimple,    // assigns, words, redirs
  kSubshell,  // ( body )
  kGroup,     // { body; }
  kIf,        // if clauses[0].cond; then clauses[0].body; elif ...; else else_body; fi
  kWhile,     // while cond; do body; done
  kUntil,     // until cond; do body; done
  kFor,       // for name [in words]; do body; done
  kCase,      // case subject in items... esac
  kFunction,  // name() function_body   (the body's own redirs apply at each call)
};

struct Assignment {
  Str name;     // a valid identifier
  Word* value;  // never null (no parts for `x=`)
};

struct IfClause {
  List* cond;  // never null
  List* body;  // never null
};

struct CaseItem {
  Vec<Word*> patterns;  // at least one
  List* body;           // null for an empty item: `a) ;;`
};

struct Command {
  CommandKind kind;
  int line;  // where the command starts (1-based; a function: its name's line)

  // Every kind: redirections in source order. For a simple command they may
  // have stood anywhere among its words; for a compound command they follow
  // it (`{ a; } >out`). A function definition keeps them on function_body.
  Vec<Redir> redirs;

  // kSimple: `a=1 b=2 cmd arg >out` - assignments before the command name,
  // then the name and arguments. Both may be empty (`>out`, `a=1`).
  Vec<Assignment> assigns;
  Vec<Word*> words;

  // kSubshell, kGroup, kWhile, kUntil, kFor: the body (never null).
  // kWhile, kUntil: cond is the condition list (never null).
  List* body;
  List* cond;

  // kIf: one clause for `if`, then one per `elif` (at least one); else_body
  // is null without `else`.
  Vec<IfClause> clauses;
  List* else_body;

  // kFor: the loop variable, and the words after `in`; has_in false means
  // no `in` at all (loop over "$@"), true with no words is `in;` (no loop).
  // kFunction: the function's name.
  Str name;
  bool has_in;
  Vec<Word*> for_words;

  // kCase
  Word* subject;  // never null
  Vec<CaseItem> items;

  // kFunction: a compound command (never null), with its redirections.
  Command* function_body;
};

// ---- Lists ----------------------------------------------------------------

// How a pipeline joins the and-or list before it.
enum class Connector : uint8_t {
  kNone,  // the first pipeline
  kAnd,   // &&  runs when the list so far succeeded
  kOr,    // ||  runs when it failed
};

struct Pipeline {
  Connector connector;
  bool bang;               // `! a | b`: the status is negated
  Vec<Command*> commands;  // at least one; `a | b | c` in order
};

// `p1 && p2 || p3`: evaluated left to right, each pipeline's connector saying
// whether it runs given the status so far.
struct AndOr {
  Vec<Pipeline*> pipelines;  // at least one
};

struct ListItem {
  AndOr* and_or;  // never null
  bool async;     // ended by `&`: run in the background
  int line;       // where it starts (1-based)
  // async only: the and-or list as written, `&` excluded (here-document
  // bodies, which follow the line, are not in it): what a background shell
  // runs when the list is not a single program.
  Str source;
};

// A sequence of and-or lists separated by `;`, `&` or newlines; a whole
// program is one (possibly with no items: empty or only comments).
struct List {
  Vec<ListItem> items;
};

}  // namespace qsh
