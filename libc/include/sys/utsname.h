/* QRV libc: sys/utsname.h. uname() fills in constants: the system is "QRV",
 * the machine "riscv64", the node "localhost" (QRV has no host name yet);
 * the release is libc's kQrvRelease. Layout of qrv::libc::Utsname. */
#ifndef _SYS_UTSNAME_H
#define _SYS_UTSNAME_H

#include <sys/cdefs.h>

#define _UTSNAME_LENGTH 65

struct utsname {
  char sysname[_UTSNAME_LENGTH];
  char nodename[_UTSNAME_LENGTH];
  char release[_UTSNAME_LENGTH];
  char version[_UTSNAME_LENGTH];
  char machine[_UTSNAME_LENGTH];
};

__BEGIN_DECLS
int uname(struct utsname* name);
__END_DECLS

#endif /* _SYS_UTSNAME_H */
