/* QRV libc: sys/dcmd_chr.h — the device controls of character devices
 * (terminals), QNX style: each is a devctl() command built with devctl.h's
 * __DIOF/__DIOT/__DION, carrying the size of its data. The termios.h
 * functions and isatty() send these; a terminal's server answers them. The
 * class and command numbers are QNX's where QNX has the command (most are
 * the BSD ioctl numbers in class 't'); SETCTTY is BSD's TIOCSCTTY number and
 * SENDBREAK is QRV's own. A server that does not know a command answers
 * ENOTTY (the resmgr library does); ISATTY has no data and a terminal
 * answers it EOK. TIOCGWINSZ, TIOCSWINSZ and TIOCSCTTY are the same
 * commands for ioctl(). */
#ifndef _SYS_DCMD_CHR_H
#define _SYS_DCMD_CHR_H

#include <devctl.h>
#include <sys/types.h>
#include <termios.h>

#define _DCMD_CHR 0x03
#define _CMD_IOCTL_TTY 't'

#define DCMD_CHR_TCGETATTR __DIOF(_CMD_IOCTL_TTY, 19, struct termios)
#define DCMD_CHR_TCSETATTR __DIOT(_CMD_IOCTL_TTY, 20, struct termios)  /* TCSANOW */
#define DCMD_CHR_TCSETATTRD __DIOT(_CMD_IOCTL_TTY, 21, struct termios) /* TCSADRAIN */
#define DCMD_CHR_TCSETATTRF __DIOT(_CMD_IOCTL_TTY, 22, struct termios) /* TCSAFLUSH */
#define DCMD_CHR_TCGETPGRP __DIOF(_CMD_IOCTL_TTY, 119, pid_t)
#define DCMD_CHR_TCSETPGRP __DIOT(_CMD_IOCTL_TTY, 118, pid_t)
#define DCMD_CHR_TCGETSID __DIOF(_DCMD_CHR, 7, pid_t)
#define DCMD_CHR_TCFLUSH __DIOT(_CMD_IOCTL_TTY, 16, int) /* TCIFLUSH, TCOFLUSH or TCIOFLUSH */
#define DCMD_CHR_TCDRAIN __DION(_CMD_IOCTL_TTY, 94)
#define DCMD_CHR_TCFLOW __DIOT('T', 6, int) /* TCOOFF, TCOON, TCIOFF or TCION */
#define DCMD_CHR_SETCTTY __DION(_CMD_IOCTL_TTY, 97)
#define DCMD_CHR_GETSIZE __DIOF(_CMD_IOCTL_TTY, 104, struct winsize)
#define DCMD_CHR_SETSIZE __DIOT(_CMD_IOCTL_TTY, 103, struct winsize)
/* tcsendbreak's duration as given (0: the default break, 0.25 to 0.5 s). */
#define DCMD_CHR_SENDBREAK __DIOT(_DCMD_CHR, 40, int)
#define DCMD_CHR_ISATTY __DION(_DCMD_CHR, 24)

/* ioctl() takes the request as unsigned long: the same 32-bit commands. */
#define TIOCGWINSZ ((unsigned long)(unsigned)DCMD_CHR_GETSIZE)
#define TIOCSWINSZ ((unsigned long)(unsigned)DCMD_CHR_SETSIZE)
#define TIOCSCTTY ((unsigned long)(unsigned)DCMD_CHR_SETCTTY)

#endif /* _SYS_DCMD_CHR_H */
