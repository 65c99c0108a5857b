// Credentials: a process's real, effective and saved user and group ids
// (tTMprocess::cred), and POSIX's rules for changing them. Plain logic,
// tested on the host. Root is effective uid 0: it may set any id, and only
// root gets I/O privilege (ThreadCtl(_NTO_TCTL_IO)).
#pragma once

#include <stdint.h>

namespace taskman {

struct Cred {
  uint32_t ruid = 0, euid = 0, suid = 0;
  uint32_t rgid = 0, egid = 0, sgid = 0;
};

inline constexpr uint32_t kNoId = 0xffffffffu;  // (uid_t)-1: never a valid id

// The change _PROC_SETCRED asks for (`which`: _PROC_SETCRED_*): 0 with *c
// changed, or -EPERM / -EINVAL with *c unchanged.
//   setuid(id):  root sets ruid, euid and suid; others may set euid to ruid or suid.
//   seteuid(id): euid only; root any id, others ruid or suid.
//   The same for the group ids, with root still decided by euid.
int cred_set(Cred* c, uint32_t which, uint32_t id);

inline bool cred_is_root(const Cred& c) { return c.euid == 0; }

}  // namespace taskman
