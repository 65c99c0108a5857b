// regcomp, regexec, regerror, regfree: the compiled pattern (regex_impl.h)
// behind regex_t's impl, and the choice of matcher. Without
// back-references the Pike VM finds the whole match in linear time and, if
// submatches are wanted, submatch.cc places them by the POSIX rules; with
// back-references the bounded backtracker does both.
#include "libc/src/regex/regex_api.h"

#include "libc/src/common/entrypoint.h"
#include "libc/src/regex/regex_impl.h"

namespace qrv::libc {
namespace re {

bool Subject::at_bol(long p) const {
  if (p == 0) return (eflags & kRegNotbol) == 0;
  return (cflags & kRegNewline) != 0 && s[p - 1] == '\n';
}

bool Subject::at_eol(long p) const {
  if (p == len) return (eflags & kRegNoteol) == 0;
  return (cflags & kRegNewline) != 0 && s[p] == '\n';
}

bool Subject::eq(unsigned char a, unsigned char b) const {
  if ((cflags & kRegIcase) == 0) return a == b;
  auto lower = [](unsigned char x) { return x >= 'A' && x <= 'Z' ? x - 'A' + 'a' : x; };
  return lower(a) == lower(b);
}

namespace {

void release(Compiled* c) {
  c->nodes.release();
  c->sets.release();
  c->prog.release();
  c->in_repeat.release();
  c->parent.release();
  free(c);
}

}  // namespace
}  // namespace re

QRV_LIBC_FN(int, regcomp, (Regex* preg, const char* pattern, int cflags)) {
  preg->re_nsub = 0;
  preg->impl = nullptr;
  auto* c = static_cast<re::Compiled*>(malloc(sizeof(re::Compiled)));
  if (c == nullptr) return kRegEspace;
  *c = re::Compiled{};
  c->cflags = cflags;
  int r = re::parse(c, pattern);
  if (r == 0) r = re::compile(c);
  if (r != 0) {
    re::release(c);
    return r;
  }
  preg->re_nsub = c->nsub;
  preg->impl = c;
  return 0;
}

QRV_LIBC_FN(int, regexec,
            (const Regex* preg, const char* string, size_t nmatch, RegMatch pmatch[], int eflags)) {
  const auto* c = static_cast<const re::Compiled*>(preg->impl);
  if (c == nullptr) return kRegBadpat;
  re::Subject sub = {reinterpret_cast<const unsigned char*>(string), 0, c->cflags, eflags};
  while (string[sub.len] != '\0') ++sub.len;
  if ((c->cflags & kRegNosub) != 0) nmatch = 0;
  const size_t want = nmatch < c->nsub + 1 ? nmatch : c->nsub + 1;  // groups to report
  const size_t nslots = 2 * (want > 1 || c->has_backref ? c->nsub + 1 : 1);
  auto* slots = static_cast<long*>(malloc(nslots * sizeof(long)));
  if (slots == nullptr) return kRegEspace;
  for (size_t i = 0; i < nslots; ++i) slots[i] = -1;
  int r = 0;
  if (c->has_backref) {
    r = re::backtrack(*c, sub, slots);
  } else {
    r = re::pike(*c, sub, &slots[0], &slots[1]);
    if (r > 0 && want > 1 && c->nsub > 0 && re::submatch(*c, sub, slots[0], slots[1], slots) != 0) r = -kRegEspace;
  }
  if (r > 0) {
    for (size_t i = 0; i < nmatch; ++i) {
      const bool set = i < want;
      pmatch[i].rm_so = set ? slots[2 * i] : -1;
      pmatch[i].rm_eo = set ? slots[2 * i + 1] : -1;
    }
  }
  free(slots);
  if (r < 0) return -r;
  return r > 0 ? 0 : kRegNomatch;
}

QRV_LIBC_FN(size_t, regerror, (int errcode, const Regex* preg, char* errbuf, size_t errbuf_size)) {
  (void)preg;
  static const char* const kMessages[] = {
      "Success",
      "No match",
      "Invalid regular expression",
      "Invalid collation character",
      "Invalid character class name",
      "Trailing backslash",
      "Invalid back reference",
      "Unmatched [, [^, [:, [., or [=",
      "Unmatched ( or \\(",
      "Unmatched \\{",
      "Invalid content of \\{\\}",
      "Invalid range end",
      "Memory exhausted or pattern too big",
      "Invalid preceding regular expression",
  };
  const char* msg = errcode >= 0 && errcode <= kRegBadrpt ? kMessages[errcode] : "Unknown error";
  size_t len = 0;
  while (msg[len] != '\0') ++len;
  if (errbuf_size > 0) {
    const size_t n = len < errbuf_size - 1 ? len : errbuf_size - 1;
    for (size_t i = 0; i < n; ++i) errbuf[i] = msg[i];
    errbuf[n] = '\0';
  }
  return len + 1;
}

QRV_LIBC_FN(void, regfree, (Regex* preg)) {
  auto* c = static_cast<re::Compiled*>(preg->impl);
  if (c != nullptr) re::release(c);
  preg->impl = nullptr;
}

bool regex_group_in_repeat(const Regex* preg, size_t i) {
  const auto* c = static_cast<const re::Compiled*>(preg->impl);
  return c != nullptr && i <= c->nsub && c->in_repeat[static_cast<int>(i)] != 0;
}

size_t regex_group_parent(const Regex* preg, size_t i) {
  const auto* c = static_cast<const re::Compiled*>(preg->impl);
  return c != nullptr && i <= c->nsub ? static_cast<size_t>(c->parent[static_cast<int>(i)]) : 0;
}

}  // namespace qrv::libc
