/* QRV libc: termios.h — the POSIX terminal interface, with Linux's numeric
 * values for every flag, index and speed (so ported code and the line
 * discipline agree with what Linux programs expect), and the BSD/Linux
 * extensions ported code uses (cfmakeraw, cfsetspeed, ECHOCTL ...). Each
 * function is a devctl (sys/dcmd_chr.h) to the descriptor's server; a
 * descriptor whose server is not a terminal fails with ENOTTY. c_ispeed and
 * c_ospeed hold the B* codes; cfsetospeed also puts the output speed in
 * c_cflag's CBAUD bits, as on Linux. */
#ifndef _TERMIOS_H
#define _TERMIOS_H

#include <stdint.h>
#include <sys/cdefs.h>
#include <sys/types.h>

typedef uint32_t tcflag_t;
typedef unsigned char cc_t;
typedef uint32_t speed_t;

#define NCCS 32
struct termios {
  tcflag_t c_iflag;
  tcflag_t c_oflag;
  tcflag_t c_cflag;
  tcflag_t c_lflag;
  cc_t c_cc[NCCS];
  speed_t c_ispeed;
  speed_t c_ospeed;
};

/* The terminal's size (TIOCGWINSZ, tcgetwinsize in POSIX.1-2024). */
#ifndef __QRV_STRUCT_WINSIZE
#define __QRV_STRUCT_WINSIZE
struct winsize {
  unsigned short ws_row;
  unsigned short ws_col;
  unsigned short ws_xpixel;
  unsigned short ws_ypixel;
};
#endif

/* A c_cc entry that is this value disables its special character. */
#define _POSIX_VDISABLE 0

/* c_cc indices */
#define VINTR 0
#define VQUIT 1
#define VERASE 2
#define VKILL 3
#define VEOF 4
#define VTIME 5
#define VMIN 6
#define VSWTC 7
#define VSTART 8
#define VSTOP 9
#define VSUSP 10
#define VEOL 11
#define VREPRINT 12
#define VDISCARD 13
#define VWERASE 14
#define VLNEXT 15
#define VEOL2 16

/* c_iflag */
#define IGNBRK 0000001u
#define BRKINT 0000002u
#define IGNPAR 0000004u
#define PARMRK 0000010u
#define INPCK 0000020u
#define ISTRIP 0000040u
#define INLCR 0000100u
#define IGNCR 0000200u
#define ICRNL 0000400u
#define IUCLC 0001000u
#define IXON 0002000u
#define IXANY 0004000u
#define IXOFF 0010000u
#define IMAXBEL 0020000u
#define IUTF8 0040000u

/* c_oflag */
#define OPOST 0000001u
#define OLCUC 0000002u
#define ONLCR 0000004u
#define OCRNL 0000010u
#define ONOCR 0000020u
#define ONLRET 0000040u
#define OFILL 0000100u
#define OFDEL 0000200u
#define NLDLY 0000400u
#define NL0 0000000u
#define NL1 0000400u
#define CRDLY 0003000u
#define CR0 0000000u
#define CR1 0001000u
#define CR2 0002000u
#define CR3 0003000u
#define TABDLY 0014000u
#define TAB0 0000000u
#define TAB1 0004000u
#define TAB2 0010000u
#define TAB3 0014000u
#define XTABS 0014000u
#define BSDLY 0020000u
#define BS0 0000000u
#define BS1 0020000u
#define VTDLY 0040000u
#define VT0 0000000u
#define VT1 0040000u
#define FFDLY 0100000u
#define FF0 0000000u
#define FF1 0100000u

/* c_cflag */
#define CBAUD 0010017u
#define CSIZE 0000060u
#define CS5 0000000u
#define CS6 0000020u
#define CS7 0000040u
#define CS8 0000060u
#define CSTOPB 0000100u
#define CREAD 0000200u
#define PARENB 0000400u
#define PARODD 0001000u
#define HUPCL 0002000u
#define CLOCAL 0004000u
#define CBAUDEX 0010000u
#define CMSPAR 010000000000u
#define CRTSCTS 020000000000u

/* c_lflag */
#define ISIG 0000001u
#define ICANON 0000002u
#define XCASE 0000004u
#define ECHO 0000010u
#define ECHOE 0000020u
#define ECHOK 0000040u
#define ECHONL 0000100u
#define NOFLSH 0000200u
#define TOSTOP 0000400u
#define ECHOCTL 0001000u
#define ECHOPRT 0002000u
#define ECHOKE 0004000u
#define FLUSHO 0010000u
#define PENDIN 0040000u
#define IEXTEN 0100000u
#define EXTPROC 0200000u

/* Speeds (speed_t): B0 hangs up. */
#define B0 0000000u
#define B50 0000001u
#define B75 0000002u
#define B110 0000003u
#define B134 0000004u
#define B150 0000005u
#define B200 0000006u
#define B300 0000007u
#define B600 0000010u
#define B1200 0000011u
#define B1800 0000012u
#define B2400 0000013u
#define B4800 0000014u
#define B9600 0000015u
#define B19200 0000016u
#define B38400 0000017u
#define B57600 0010001u
#define B115200 0010002u
#define B230400 0010003u
#define B460800 0010004u
#define B500000 0010005u
#define B576000 0010006u
#define B921600 0010007u
#define B1000000 0010010u
#define B1152000 0010011u
#define B1500000 0010012u
#define B2000000 0010013u
#define B2500000 0010014u
#define B3000000 0010015u
#define B3500000 0010016u
#define B4000000 0010017u

/* tcsetattr's optional_actions */
#define TCSANOW 0
#define TCSADRAIN 1
#define TCSAFLUSH 2

/* tcflush's queue_selector */
#define TCIFLUSH 0
#define TCOFLUSH 1
#define TCIOFLUSH 2

/* tcflow's action */
#define TCOOFF 0
#define TCOON 1
#define TCIOFF 2
#define TCION 3

__BEGIN_DECLS
int tcgetattr(int fd, struct termios* t);
int tcsetattr(int fd, int optional_actions, const struct termios* t);
speed_t cfgetispeed(const struct termios* t);
speed_t cfgetospeed(const struct termios* t);
int cfsetispeed(struct termios* t, speed_t speed);
int cfsetospeed(struct termios* t, speed_t speed);
int cfsetspeed(struct termios* t, speed_t speed);
void cfmakeraw(struct termios* t);
int tcdrain(int fd);
int tcflow(int fd, int action);
int tcflush(int fd, int queue_selector);
int tcsendbreak(int fd, int duration);
pid_t tcgetsid(int fd);
pid_t tcgetpgrp(int fd);
int tcsetpgrp(int fd, pid_t pgrp);
__END_DECLS

#endif /* _TERMIOS_H */
