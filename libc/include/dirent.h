/* QRV libc: dirent.h — reading directories (each record comes from the
 * directory's server, sys/iomsg.h _io_dirent). */
#ifndef _DIRENT_H
#define _DIRENT_H

#include <sys/cdefs.h>
#include <sys/types.h>

struct dirent {
  ino_t d_ino;
  unsigned short d_reclen;
  unsigned short d_namlen;
  unsigned int d_reserved;
  char d_name[256];
};

typedef struct __qrv_dir DIR;

__BEGIN_DECLS
DIR* opendir(const char* path);
DIR* fdopendir(int fd);
struct dirent* readdir(DIR* d);
void rewinddir(DIR* d);
int dirfd(DIR* d);
int closedir(DIR* d);
__END_DECLS

#endif /* _DIRENT_H */
