// taskman's side of job control: process groups and sessions (setpgid,
// setsid), the kernel's stop and continue notices (waits and SIGCHLD), and
// orphaned process groups. A group is orphaned when no member has a parent
// in another group of its session: nobody is left to continue it. The kernel
// learns which processes are in one (PROC_SET_SESSION) and lets the terminal
// stop signals pass them by; a group that a death orphans while a member is
// stopped gets SIGHUP, then SIGCONT (POSIX _exit(), 2.4.3).
#include <errno.h>
#include <signal.h>

#include "kernel/abi/tm_priv.h"
#include "taskman/server.h"

namespace taskman {

namespace {
bool live(const tTMprocess& p) { return p.state == TmState::kRunning || p.state == TmState::kLoading; }

bool stopped(int32_t pid) {
  struct qrv_tm_proc_info info = {};
  info.pid = pid;
  return syscall_tm_priv_r(__KER_TM_PROC_QUERY, &info) == 0 && (info.state & QRV_TM_PROC_STOPPED) != 0;
}
}  // namespace

void Server::recheck_orphans(const int32_t* groups, uint32_t n, bool hang_up) {
  for (uint32_t i = 0; i < n; ++i) {
    const int32_t pgid = groups[i];
    const bool orphaned = table_.group_orphaned(pgid);
    bool newly = false, any_stopped = false;
    table_.for_each([&](tTMprocess& m) {
      if (!live(m) || m.pgid != pgid || m.pid == kTaskmanPid) return;
      if (hang_up && orphaned && !m.orphaned) {
        newly = true;
        any_stopped = any_stopped || stopped(m.pid);
      }
      if (m.orphaned == orphaned) return;
      struct qrv_tm_session s = {m.pid, orphaned ? QRV_TM_SESSION_ORPHANED : 0u, 0};
      if (syscall_tm_priv_r(__KER_TM_PROC_SET_SESSION, &s) == 0) m.orphaned = orphaned;
    });
    if (!newly || !any_stopped) continue;
    table_.for_each([&](tTMprocess& m) {
      if (!live(m) || m.pgid != pgid || m.pid == kTaskmanPid) return;
      (void)SignalKill_r(0, m.pid, 0, SIGHUP, 0, 0);
      (void)SignalKill_r(0, m.pid, 0, SIGCONT, 0, 0);
    });
  }
}

// setpgid and setsid move one process: its old group may lose its link, its
// new one gain one, and it may stop being (or become) its children's groups' link.
void Server::do_setpgid(int rcvid, int32_t caller, const struct _proc_ids& m) {
  const int32_t target = m.pid == 0 ? caller : m.pid;
  int32_t groups[kTmProcessMax + 1];
  uint32_t n = table_.groups_around(target, groups, kTmProcessMax);
  const int r = table_.setpgid(caller, m.pid, m.pgid);
  if (r < 0) return fail(rcvid, -r);
  groups[n++] = table_.find(target)->pgid;
  recheck_orphans(groups, n, false);
  (void)MsgReply_r(rcvid, 0, nullptr, 0);
}

void Server::do_setsid(int rcvid, int32_t caller) {
  int32_t groups[kTmProcessMax + 1];
  uint32_t n = table_.groups_around(caller, groups, kTmProcessMax);
  const int r = table_.setsid(caller);
  if (r < 0) return fail(rcvid, -r);
  groups[n++] = r;
  recheck_orphans(groups, n, false);
  reply(rcvid, ids_of(*table_.find(caller)));
}

// The kernel stopped or continued pid (QRV_PULSE_CODE_PROCJOBCTL; notices
// coalesce, so the counters say what happened since the last look). The
// news waits for a WUNTRACED or WCONTINUED wait, and the parent gets
// SIGCHLD unless it set SA_NOCLDSTOP.
void Server::on_jobctl(int32_t pid) {
  struct qrv_tm_proc_info info = {};
  info.pid = pid;
  if (syscall_tm_priv_r(__KER_TM_PROC_QUERY, &info) != 0) return;
  tTMprocess* p = table_.find(pid);
  if (p == nullptr || p->state != TmState::kRunning) return;
  const bool is_stopped = (info.state & QRV_TM_PROC_STOPPED) != 0;
  int32_t news = 0;
  if (is_stopped && info.stops != p->seen_stops) {
    news = wait_status_stopped(info.stop_signal);
  } else if (!is_stopped && info.continues != p->seen_continues) {
    news = kWaitStatusContinued;
  }
  p->seen_stops = info.stops;
  p->seen_continues = info.continues;
  if (news == 0) return;
  p->jc_status = news;
  const int32_t parent = p->ppid;
  if (parent != kTaskmanPid) {
    struct qrv_tm_proc_info pinfo = {};
    pinfo.pid = parent;
    if (syscall_tm_priv_r(__KER_TM_PROC_QUERY, &pinfo) == 0 && (pinfo.state & QRV_TM_PROC_NOCLDSTOP) == 0) {
      (void)SignalKill_r(0, parent, 0, SIGCHLD, 0, 0);
    }
  }
  tell_waits(p);
}

}  // namespace taskman
