// tTMprocess policy (see proc_table.h). Slots are found by pid: pid modulo
// the table size, then the next ones (pids grow; a zombie may still hold
// the slot a new pid would take).
#include "taskman/proc_table.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

namespace taskman {

namespace {
uint32_t home(int32_t pid) { return static_cast<uint32_t>(pid) % kTmProcessMax; }

void release(Cwd* c) {
  if (c != nullptr && --c->refs == 0) free(c);
}
}  // namespace

tTMprocess* ProcTable::add(int32_t pid, const tTMprocess* parent) {
  if (pid <= 0 || find(pid) != nullptr) return nullptr;
  for (uint32_t i = 0; i < kTmProcessMax; ++i) {
    tTMprocess& p = slots_[(home(pid) + i) % kTmProcessMax];
    if (p.state != TmState::kFree) continue;
    p = tTMprocess{};
    p.state = TmState::kLoading;
    p.pid = pid;
    p.ppid = parent != nullptr ? parent->pid : 0;
    p.pgid = parent != nullptr ? parent->pgid : pid;
    p.sid = parent != nullptr ? parent->sid : pid;
    p.umask = parent != nullptr ? parent->umask : 022;
    p.cred = parent != nullptr ? parent->cred : Cred{};
    p.rlimits = parent != nullptr ? parent->rlimits : rlimit_defaults();
    p.cwd = parent != nullptr ? parent->cwd : nullptr;
    if (p.cwd != nullptr) p.cwd->refs++;
    return &p;
  }
  return nullptr;
}

bool ProcTable::has_room() const {
  for (const tTMprocess& p : slots_) {
    if (p.state == TmState::kFree) return true;
  }
  return false;
}

tTMprocess* ProcTable::find(int32_t pid) {
  return const_cast<tTMprocess*>(static_cast<const ProcTable*>(this)->find(pid));
}

const tTMprocess* ProcTable::find(int32_t pid) const {
  if (pid <= 0) return nullptr;
  for (uint32_t i = 0; i < kTmProcessMax; ++i) {
    const tTMprocess& p = slots_[(home(pid) + i) % kTmProcessMax];
    if (p.state != TmState::kFree && p.pid == pid) return &p;
  }
  return nullptr;
}

void ProcTable::remove(tTMprocess* p) {
  release(p->cwd);
  *p = tTMprocess{};
}

int ProcTable::set_cwd(tTMprocess* p, const char* path) {
  const size_t len = strlen(path);
  auto* c = static_cast<Cwd*>(malloc(sizeof(Cwd) + len));
  if (c == nullptr) return -ENOMEM;
  c->refs = 1;
  memcpy(c->path, path, len + 1);
  release(p->cwd);
  p->cwd = c;
  return 0;
}

uint32_t ProcTable::reparent_children(int32_t pid) {
  uint32_t moved = 0;
  for (tTMprocess& p : slots_) {
    if (p.state != TmState::kFree && p.ppid == pid && p.pid != pid) {
      p.ppid = kTaskmanPid;
      ++moved;
    }
  }
  return moved;
}

bool ProcTable::wait_matches(const tTMprocess& child, int32_t parent, WaitFor w) const {
  if (child.state == TmState::kFree || child.ppid != parent) return false;
  switch (w.idtype) {
    case kWaitAll: return true;
    case kWaitPid: return child.pid == w.id;
    case kWaitPgid: {
      if (w.id != 0) return child.pgid == w.id;
      const tTMprocess* me = find(parent);
      return me != nullptr && child.pgid == me->pgid;
    }
    default: return false;
  }
}

bool ProcTable::has_news(const tTMprocess& child, uint32_t events) {
  if (child.state == TmState::kZombie) return (events & kWaitExited) != 0;
  if (child.state != TmState::kRunning || child.jc_status == 0) return false;
  return (events & (child.jc_status == kWaitStatusContinued ? kWaitContinued : kWaitStopped)) != 0;
}

tTMprocess* ProcTable::match_wait(int32_t parent, WaitFor w, uint32_t events, bool* has_match) {
  *has_match = false;
  for (tTMprocess& p : slots_) {
    if (!wait_matches(p, parent, w)) continue;
    *has_match = true;
    if (has_news(p, events)) return &p;
  }
  return nullptr;
}

int ProcTable::setpgid(int32_t caller, int32_t pid, int32_t pgid) {
  if (pid < 0 || pgid < 0) return -EINVAL;
  const tTMprocess* me = find(caller);
  tTMprocess* target = find(pid == 0 ? caller : pid);
  if (me == nullptr || target == nullptr || target->state == TmState::kZombie) return -ESRCH;
  if (target->pid != caller && target->ppid != caller) return -ESRCH;  // self or a child only
  if (target->sid != me->sid) return -EPERM;
  if (target->pid == target->sid) return -EPERM;  // a session leader keeps its group
  const int32_t group = pgid == 0 ? target->pid : pgid;
  if (group != target->pid && !group_exists(group, me->sid)) return -EPERM;
  target->pgid = group;
  return 0;
}

int ProcTable::setsid(int32_t caller) {
  tTMprocess* me = find(caller);
  if (me == nullptr) return -ESRCH;
  if (me->pgid == me->pid || group_exists(me->pid, 0)) return -EPERM;
  me->sid = me->pid;
  me->pgid = me->pid;
  return me->sid;
}

bool ProcTable::group_exists(int32_t pgid, int32_t sid) const {
  for (const tTMprocess& p : slots_) {
    // A zombie is still in its group until it is reaped (POSIX): a pipeline's
    // first program may end before the shell puts the next one in its group.
    if (p.state != TmState::kFree && p.pgid == pgid && (sid == 0 || p.sid == sid)) {
      return true;
    }
  }
  return false;
}

namespace {
bool live(const tTMprocess& p) { return p.state == TmState::kRunning || p.state == TmState::kLoading; }
}  // namespace

// Whether m's parent keeps m's group from being orphaned.
bool ProcTable::linked_by_parent(const tTMprocess& m) const {
  if (!live(m) || m.ppid == kTaskmanPid) return false;  // the reaper is no link (Linux: init)
  const tTMprocess* parent = find(m.ppid);
  return parent != nullptr && live(*parent) && parent->pgid != m.pgid && parent->sid == m.sid;
}

bool ProcTable::group_orphaned(int32_t pgid) const {
  bool members = false;
  for (const tTMprocess& m : slots_) {
    if (!live(m) || m.pgid != pgid) continue;
    members = true;
    if (linked_by_parent(m)) return false;
  }
  return members;
}

namespace {
// Adds pgid to out[0, *n) unless it is there or out is full.
void note_group(int32_t pgid, int32_t* out, uint32_t* n, uint32_t max) {
  for (uint32_t i = 0; i < *n; ++i) {
    if (out[i] == pgid) return;
  }
  if (*n < max) out[(*n)++] = pgid;
}
}  // namespace

uint32_t ProcTable::groups_around(int32_t pid, int32_t* out, uint32_t max) const {
  uint32_t n = 0;
  if (const tTMprocess* p = find(pid)) note_group(p->pgid, out, &n, max);
  for (const tTMprocess& c : slots_) {
    if (c.state != TmState::kFree && c.ppid == pid && c.pid != pid) note_group(c.pgid, out, &n, max);
  }
  return n;
}

uint32_t ProcTable::groups_linked_by(int32_t pid, int32_t* out, uint32_t max) const {
  uint32_t n = 0;
  const tTMprocess* p = find(pid);
  if (p == nullptr || !live(*p)) return 0;
  if (linked_by_parent(*p)) note_group(p->pgid, out, &n, max);
  for (const tTMprocess& c : slots_) {
    if (c.ppid == pid && c.pid != pid && linked_by_parent(c)) note_group(c.pgid, out, &n, max);
  }
  return n;
}

}  // namespace taskman
