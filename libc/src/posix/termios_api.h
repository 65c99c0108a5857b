// termios.h and sys/dcmd_chr.h as libc's C++ sees them (the public headers
// are C, and on the host they would shadow glibc's): the layouts of struct
// termios and struct winsize, the Linux flag values termios.cc works with,
// and the DCMD_CHR_* devctl commands, encoded as devctl.h's __DIO* macros do.
// headers_test checks that the C headers agree with every value here.
#pragma once

#include <stddef.h>
#include <stdint.h>

namespace qrv::libc {

using tcflag_t = uint32_t;
using cc_t = unsigned char;
using speed_t = uint32_t;

inline constexpr int kNccs = 32;
struct Termios {  // struct termios
  tcflag_t c_iflag;
  tcflag_t c_oflag;
  tcflag_t c_cflag;
  tcflag_t c_lflag;
  cc_t c_cc[kNccs];
  speed_t c_ispeed;
  speed_t c_ospeed;
};
static_assert(sizeof(Termios) == 56, "struct termios (headers_test checks the C side)");
static_assert(offsetof(Termios, c_ispeed) == 48, "c_ispeed");

struct Winsize {  // struct winsize
  uint16_t ws_row;
  uint16_t ws_col;
  uint16_t ws_xpixel;
  uint16_t ws_ypixel;
};
static_assert(sizeof(Winsize) == 8, "struct winsize");

namespace tty {

// c_cc indices.
inline constexpr int kVtime = 5, kVmin = 6;

// The flags cfmakeraw clears or sets (Linux's values, octal as in termios.h).
inline constexpr tcflag_t kIgnbrk = 0000001, kBrkint = 0000002, kParmrk = 0000010, kIstrip = 0000040,
                          kInlcr = 0000100, kIgncr = 0000200, kIcrnl = 0000400, kIxon = 0002000;
inline constexpr tcflag_t kOpost = 0000001;
inline constexpr tcflag_t kCsize = 0000060, kCs8 = 0000060, kParenb = 0000400, kCbaud = 0010017;
inline constexpr tcflag_t kIsig = 0000001, kIcanon = 0000002, kEcho = 0000010, kEchonl = 0000100,
                          kIexten = 0100000;

// The speeds, in code order (B0 ... B38400, then B57600 ... B4000000 with
// CBAUDEX), each with its rate in bits per second.
struct Speed {
  speed_t code;
  uint32_t rate;
};
inline constexpr Speed kSpeeds[] = {
    {0000000, 0},       {0000001, 50},      {0000002, 75},      {0000003, 110},     {0000004, 134},
    {0000005, 150},     {0000006, 200},     {0000007, 300},     {0000010, 600},     {0000011, 1200},
    {0000012, 1800},    {0000013, 2400},    {0000014, 4800},    {0000015, 9600},    {0000016, 19200},
    {0000017, 38400},   {0010001, 57600},   {0010002, 115200},  {0010003, 230400},  {0010004, 460800},
    {0010005, 500000},  {0010006, 576000},  {0010007, 921600},  {0010010, 1000000}, {0010011, 1152000},
    {0010012, 1500000}, {0010013, 2000000}, {0010014, 2500000}, {0010015, 3000000}, {0010016, 3500000},
    {0010017, 4000000},
};

// tcsetattr's optional_actions, tcflush's queue, tcflow's action.
inline constexpr int kTcsanow = 0, kTcsadrain = 1, kTcsaflush = 2;
inline constexpr int kTciflush = 0, kTcoflush = 1, kTcioflush = 2;
inline constexpr int kTcooff = 0, kTcoon = 1, kTcioff = 2, kTcion = 3;

// devctl.h's encoding: direction, size (14 bits), class, command.
inline constexpr uint32_t kDirNone = 0, kDirTo = 0x80000000u, kDirFrom = 0x40000000u;
constexpr int dcmd(uint32_t dir, uint32_t klass, uint32_t cmd, size_t size) {
  return static_cast<int>(dir | ((static_cast<uint32_t>(size) & 0x3fffu) << 16) | ((klass & 0xffu) << 8) |
                          (cmd & 0xffu));
}
inline constexpr uint32_t kClassChr = 0x03, kClassTty = 't';

inline constexpr int kTcgetattr = dcmd(kDirFrom, kClassTty, 19, sizeof(Termios));
inline constexpr int kTcsetattr = dcmd(kDirTo, kClassTty, 20, sizeof(Termios));
inline constexpr int kTcsetattrd = dcmd(kDirTo, kClassTty, 21, sizeof(Termios));
inline constexpr int kTcsetattrf = dcmd(kDirTo, kClassTty, 22, sizeof(Termios));
inline constexpr int kTcgetpgrp = dcmd(kDirFrom, kClassTty, 119, sizeof(int32_t));
inline constexpr int kTcsetpgrp = dcmd(kDirTo, kClassTty, 118, sizeof(int32_t));
inline constexpr int kTcgetsid = dcmd(kDirFrom, kClassChr, 7, sizeof(int32_t));
inline constexpr int kTcflush = dcmd(kDirTo, kClassTty, 16, sizeof(int));
inline constexpr int kTcdrain = dcmd(kDirNone, kClassTty, 94, 0);
inline constexpr int kTcflow = dcmd(kDirTo, 'T', 6, sizeof(int));
inline constexpr int kSetctty = dcmd(kDirNone, kClassTty, 97, 0);
inline constexpr int kGetsize = dcmd(kDirFrom, kClassTty, 104, sizeof(Winsize));
inline constexpr int kSetsize = dcmd(kDirTo, kClassTty, 103, sizeof(Winsize));
inline constexpr int kSendbreak = dcmd(kDirTo, kClassChr, 40, sizeof(int));
inline constexpr int kIsatty = dcmd(kDirNone, kClassChr, 24, 0);

// Every command, in the order headers_c_check.c reports the C header's.
inline constexpr int kAllDcmds[] = {kTcgetattr, kTcsetattr, kTcsetattrd, kTcsetattrf, kTcgetpgrp,
                                    kTcsetpgrp, kTcgetsid,  kTcflush,    kTcdrain,    kTcflow,
                                    kSetctty,   kGetsize,   kSetsize,    kSendbreak,  kIsatty};

}  // namespace tty
}  // namespace qrv::libc
