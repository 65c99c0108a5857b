// termios over a fake kernel whose one server is a terminal (or is not):
// which devctl each call sends with which data, what it makes of the answer,
// what it refuses before sending anything; the cf* calls' edits of the
// struct; the commands' encodings.
#include "libc/src/posix/posix_api.h"

#include <gtest/gtest.h>
#include <string.h>

#include <iterator>
#include <set>
#include <string>

#include "kernel/abi/abi.h"
#include "libc/include/sys/iomsg.h"
#include "libc/src/common/errno.h"
#include "libc/src/neutrino/kernel_call.h"

namespace qrv::libc {
namespace {

using namespace tty;  // The commands and flags.

constexpr int kFd = 3;

struct Server {
  int calls = 0;
  uint32_t dcmd = 0;
  uint32_t nbytes = 0;
  std::string data;    // what came with the last devctl
  long result = 0;     // its answer (-errno: a MsgError)
  std::string reply;   // the data it sends back
};
Server g;

long fake_kernel(long number, const long a[6]) {
  if (number != __KER_MSG_SENDV || a[0] != kFd) return -QRV_ENOSYS;
  std::string msg;
  const auto* parts = reinterpret_cast<const iov_t*>(a[1]);
  for (long i = 0; i < a[2]; ++i) msg.append(static_cast<const char*>(parts[i].iov_base), parts[i].iov_len);
  struct _io_devctl m;
  EXPECT_GE(msg.size(), sizeof m);
  memcpy(&m, msg.data(), sizeof m);
  EXPECT_EQ(m.hdr.type, _IO_DEVCTL);
  ++g.calls;
  g.dcmd = m.dcmd;
  g.nbytes = m.nbytes;
  g.data = msg.substr(sizeof m);
  if (g.result < 0) return g.result;
  // The reply: _io_devctl_reply, then data (as much as the caller takes).
  const auto* reply = reinterpret_cast<const iov_t*>(a[3]);
  struct _io_devctl_reply head = {0, static_cast<uint32_t>(g.reply.size())};
  const std::string bytes = std::string(reinterpret_cast<const char*>(&head), sizeof head) + g.reply;
  size_t at = 0;
  for (long i = 0; i < a[4] && at < bytes.size(); ++i) {
    const size_t k = std::min<size_t>(reply[i].iov_len, bytes.size() - at);
    memcpy(reply[i].iov_base, bytes.data() + at, k);
    at += k;
  }
  return g.result;
}

template <typename T>
std::string bytes_of(const T& value) {
  return std::string(reinterpret_cast<const char*>(&value), sizeof value);
}

Termios sample() {
  Termios t = {};
  t.c_iflag = 0000400 | 0002000;  // ICRNL IXON
  t.c_oflag = 0000001 | 0000004;  // OPOST ONLCR
  t.c_cflag = 0000015 | 0000060 | 0000200;  // B9600 CS8 CREAD
  t.c_lflag = 0000001 | 0000002 | 0000010;  // ISIG ICANON ECHO
  t.c_cc[0] = 3;
  t.c_cc[kVmin] = 1;
  t.c_ispeed = t.c_ospeed = 0000015;
  return t;
}

struct TermiosTest : ::testing::Test {
  void SetUp() override {
    g = Server{};
    set_host_kernel(fake_kernel);
    set_errno(0);
  }
  void TearDown() override { set_host_kernel(nullptr); }

  static uint32_t u(int dcmd) { return static_cast<uint32_t>(dcmd); }
};

TEST_F(TermiosTest, CommandsAreDistinctAndCarryTheirDirectionAndSize) {
  std::set<int> seen(std::begin(kAllDcmds), std::end(kAllDcmds));
  EXPECT_EQ(seen.size(), std::size(kAllDcmds));
  auto size = [](int dcmd) { return (u(dcmd) >> 16) & 0x3fffu; };
  auto dir = [](int dcmd) { return u(dcmd) & 0xc0000000u; };
  EXPECT_EQ(size(kTcgetattr), sizeof(Termios));
  EXPECT_EQ(dir(kTcgetattr), kDirFrom);
  for (int set : {kTcsetattr, kTcsetattrd, kTcsetattrf}) {
    EXPECT_EQ(size(set), 56u);
    EXPECT_EQ(dir(set), kDirTo);
  }
  EXPECT_EQ(size(kTcgetpgrp), 4u);
  EXPECT_EQ(dir(kTcgetpgrp), kDirFrom);
  EXPECT_EQ(size(kTcsetpgrp), 4u);
  EXPECT_EQ(dir(kTcsetpgrp), kDirTo);
  EXPECT_EQ(size(kTcgetsid), 4u);
  EXPECT_EQ(size(kTcflush), sizeof(int));
  EXPECT_EQ(size(kTcflow), sizeof(int));
  EXPECT_EQ(size(kSendbreak), sizeof(int));
  EXPECT_EQ(size(kGetsize), sizeof(Winsize));
  EXPECT_EQ(dir(kGetsize), kDirFrom);
  EXPECT_EQ(size(kSetsize), 8u);
  EXPECT_EQ(dir(kSetsize), kDirTo);
  for (int none : {kTcdrain, kSetctty, kIsatty}) {
    EXPECT_EQ(size(none), 0u);
    EXPECT_EQ(dir(none), kDirNone);
  }
  // QNX's numbers: class 't' command 19 for TCGETATTR, class 3 (_DCMD_CHR) 24 for ISATTY.
  EXPECT_EQ(u(kTcgetattr), 0x40000000u | (56u << 16) | ('t' << 8) | 19u);
  EXPECT_EQ(u(kIsatty), 0x0318u);
  // None collides with the devctls every server answers.
  EXPECT_EQ(seen.count(static_cast<int>(_IO_DCMD_GETFLAGS)), 0u);
  EXPECT_EQ(seen.count(static_cast<int>(_IO_DCMD_SETFLAGS)), 0u);
}

TEST_F(TermiosTest, CfmakerawAsGlibc) {
  Termios t = sample();
  // IGNBRK BRKINT PARMRK ISTRIP INLCR IGNCR, and IXANY (which stays).
  t.c_iflag |= 0000001 | 0000002 | 0000010 | 0000040 | 0000100 | 0000200 | 0004000;
  t.c_cflag |= 0000400 | 0001000;  // PARENB PARODD
  t.c_lflag |= 0000100 | 0100000 | 0000020;  // ECHONL IEXTEN ECHOE
  t.c_cc[kVtime] = 9;
  cfmakeraw(&t);
  EXPECT_EQ(t.c_iflag, 0004000u);              // only IXANY survives
  EXPECT_EQ(t.c_oflag, 0000004u);              // OPOST cleared, ONLCR kept
  EXPECT_EQ(t.c_cflag, 0000015u | 0000060u | 0000200u | 0001000u);  // CS8, PARENB cleared
  EXPECT_EQ(t.c_lflag, 0000020u);              // ECHOE kept
  EXPECT_EQ(t.c_cc[kVmin], 1);
  EXPECT_EQ(t.c_cc[kVtime], 0);
  EXPECT_EQ(t.c_cc[0], 3);                     // other characters untouched
  EXPECT_EQ(t.c_ispeed, 0000015u);

  Termios all;
  memset(&all, 0xff, sizeof all);
  cfmakeraw(&all);
  EXPECT_EQ(all.c_iflag, ~(kIgnbrk | kBrkint | kParmrk | kIstrip | kInlcr | kIgncr | kIcrnl | kIxon));
  EXPECT_EQ(all.c_oflag, ~kOpost);
  EXPECT_EQ(all.c_lflag, ~(kEcho | kEchonl | kIcanon | kIsig | kIexten));
  EXPECT_EQ(all.c_cflag, ~kParenb);  // CSIZE cleared, then CS8 (all of CSIZE) set
  EXPECT_EQ(g.calls, 0);             // no server involved
}

TEST_F(TermiosTest, EverySpeedIsAcceptedAndOthersAreEinval) {
  for (const Speed& s : kSpeeds) {
    Termios t = sample();
    EXPECT_EQ(cfsetospeed(&t, s.code), 0) << s.rate;
    EXPECT_EQ(cfgetospeed(&t), s.code);
    EXPECT_EQ(t.c_cflag & kCbaud, s.code);  // Linux's place for it
    EXPECT_EQ(t.c_cflag & ~kCbaud, 0000060u | 0000200u);
    EXPECT_EQ(cfsetispeed(&t, s.code), 0) << s.rate;
    EXPECT_EQ(cfgetispeed(&t), s.code);
  }
  EXPECT_EQ(std::size(kSpeeds), 31u);
  EXPECT_EQ(kSpeeds[13].code, 0000015u);   // B9600
  EXPECT_EQ(kSpeeds[17].code, 0010002u);   // B115200
  EXPECT_EQ(kSpeeds[30].rate, 4000000u);
  // A rate is not a code; CBAUDEX alone, or past B4000000, is no speed.
  for (speed_t bad : {speed_t{9600}, speed_t{0000020}, speed_t{0010000}, speed_t{0010020}, speed_t{115200},
                      ~speed_t{0}}) {
    Termios t = sample();
    const Termios before = t;
    set_errno(0);
    EXPECT_EQ(cfsetospeed(&t, bad), -1) << bad;
    EXPECT_EQ(get_errno(), QRV_EINVAL);
    set_errno(0);
    EXPECT_EQ(cfsetispeed(&t, bad), -1) << bad;
    EXPECT_EQ(get_errno(), QRV_EINVAL);
    EXPECT_EQ(memcmp(&t, &before, sizeof t), 0) << "unchanged on error";
  }
}

TEST_F(TermiosTest, CfsetispeedZeroMeansTheOutputSpeed) {
  Termios t = sample();
  EXPECT_EQ(cfsetispeed(&t, 0), 0);
  EXPECT_EQ(cfgetispeed(&t), 0u);
  EXPECT_EQ(cfgetospeed(&t), 0000015u);
  EXPECT_EQ(t.c_cflag & kCbaud, 0000015u);  // the input speed is not in c_cflag
}

TEST_F(TermiosTest, CfsetspeedTakesCodesAndRates) {
  Termios t = sample();
  EXPECT_EQ(cfsetspeed(&t, 0010002), 0);  // B115200
  EXPECT_EQ(cfgetispeed(&t), 0010002u);
  EXPECT_EQ(cfgetospeed(&t), 0010002u);
  EXPECT_EQ(cfsetspeed(&t, 19200), 0);
  EXPECT_EQ(cfgetispeed(&t), 0000016u);
  EXPECT_EQ(cfgetospeed(&t), 0000016u);
  EXPECT_EQ(t.c_cflag & kCbaud, 0000016u);
  EXPECT_EQ(cfsetspeed(&t, 9601), -1);
  EXPECT_EQ(get_errno(), QRV_EINVAL);
  EXPECT_EQ(cfgetospeed(&t), 0000016u);
}

TEST_F(TermiosTest, TcgetattrReadsTheServersTermios) {
  const Termios want = sample();
  g.reply = bytes_of(want);
  Termios t = {};
  EXPECT_EQ(tcgetattr(kFd, &t), 0);
  EXPECT_EQ(g.dcmd, u(kTcgetattr));
  EXPECT_EQ(g.nbytes, sizeof(Termios));
  EXPECT_EQ(memcmp(&t, &want, sizeof t), 0);
}

TEST_F(TermiosTest, TcsetattrSendsOneCommandPerAction) {
  const Termios t = sample();
  g.reply = std::string(sizeof(Termios), 'x');  // A server that echoes junk back
  const int actions[] = {kTcsanow, kTcsadrain, kTcsaflush};
  const int dcmds[] = {kTcsetattr, kTcsetattrd, kTcsetattrf};
  for (int i = 0; i < 3; ++i) {
    EXPECT_EQ(tcsetattr(kFd, actions[i], &t), 0);
    EXPECT_EQ(g.dcmd, u(dcmds[i]));
    EXPECT_EQ(g.data, bytes_of(t));
  }
  const Termios unchanged = sample();
  EXPECT_EQ(memcmp(&t, &unchanged, sizeof t), 0) << "the caller's const termios is never written";
}

TEST_F(TermiosTest, TcsetattrWithABadActionIsEinvalAndSendsNothing) {
  const Termios t = sample();
  for (int bad : {-1, 3, 4, 0x10}) {
    set_errno(0);
    EXPECT_EQ(tcsetattr(kFd, bad, &t), -1) << bad;
    EXPECT_EQ(get_errno(), QRV_EINVAL);
  }
  EXPECT_EQ(g.calls, 0);
}

TEST_F(TermiosTest, FlushFlowDrainAndBreak) {
  for (int q : {kTciflush, kTcoflush, kTcioflush}) {
    EXPECT_EQ(tcflush(kFd, q), 0);
    EXPECT_EQ(g.dcmd, u(kTcflush));
    EXPECT_EQ(g.data, bytes_of(q));
  }
  for (int action : {kTcooff, kTcoon, kTcioff, kTcion}) {
    EXPECT_EQ(tcflow(kFd, action), 0);
    EXPECT_EQ(g.dcmd, u(kTcflow));
    EXPECT_EQ(g.data, bytes_of(action));
  }
  EXPECT_EQ(tcdrain(kFd), 0);
  EXPECT_EQ(g.dcmd, u(kTcdrain));
  EXPECT_EQ(g.nbytes, 0u);
  EXPECT_EQ(tcsendbreak(kFd, 0), 0);
  EXPECT_EQ(g.dcmd, u(kSendbreak));
  EXPECT_EQ(g.data, bytes_of(0));
  EXPECT_EQ(tcsendbreak(kFd, 250), 0);
  EXPECT_EQ(g.data, bytes_of(250));

  const int calls = g.calls;
  EXPECT_EQ(tcflush(kFd, 3), -1);
  EXPECT_EQ(get_errno(), QRV_EINVAL);
  set_errno(0);
  EXPECT_EQ(tcflow(kFd, -1), -1);
  EXPECT_EQ(get_errno(), QRV_EINVAL);
  set_errno(0);
  EXPECT_EQ(tcflow(kFd, 4), -1);
  EXPECT_EQ(get_errno(), QRV_EINVAL);
  EXPECT_EQ(g.calls, calls);
}

TEST_F(TermiosTest, ProcessGroupsAndSession) {
  g.reply = bytes_of(pid_t{42});
  EXPECT_EQ(tcgetpgrp(kFd), 42);
  EXPECT_EQ(g.dcmd, u(kTcgetpgrp));
  EXPECT_EQ(g.nbytes, sizeof(pid_t));
  g.reply = bytes_of(pid_t{7});
  EXPECT_EQ(tcgetsid(kFd), 7);
  EXPECT_EQ(g.dcmd, u(kTcgetsid));
  g.reply.clear();
  EXPECT_EQ(tcsetpgrp(kFd, 99), 0);
  EXPECT_EQ(g.dcmd, u(kTcsetpgrp));
  EXPECT_EQ(g.data, bytes_of(pid_t{99}));

  const int calls = g.calls;
  EXPECT_EQ(tcsetpgrp(kFd, -5), -1);
  EXPECT_EQ(get_errno(), QRV_EINVAL);
  EXPECT_EQ(g.calls, calls);

  g.result = -QRV_ENOTTY;
  set_errno(0);
  EXPECT_EQ(tcgetpgrp(kFd), -1);
  EXPECT_EQ(get_errno(), QRV_ENOTTY);
  set_errno(0);
  EXPECT_EQ(tcgetsid(kFd), -1);
  EXPECT_EQ(get_errno(), QRV_ENOTTY);
}

TEST_F(TermiosTest, ErrorsComeBackInErrno) {
  Termios t = sample();
  g.result = -QRV_ENOTTY;  // A server that does not know the command (the resmgr library's answer)
  EXPECT_EQ(tcgetattr(kFd, &t), -1);
  EXPECT_EQ(get_errno(), QRV_ENOTTY);
  g.result = -QRV_ENOSYS;  // One that does not speak devctl: not a terminal either
  set_errno(0);
  EXPECT_EQ(tcsetattr(kFd, kTcsanow, &t), -1);
  EXPECT_EQ(get_errno(), QRV_ENOTTY);
  set_errno(0);
  EXPECT_EQ(tcdrain(kFd), -1);
  EXPECT_EQ(get_errno(), QRV_ENOTTY);
  g.result = -QRV_EIO;  // Anything else as the server said
  set_errno(0);
  EXPECT_EQ(tcflush(kFd, kTcioflush), -1);
  EXPECT_EQ(get_errno(), QRV_EIO);
  set_errno(0);
  EXPECT_EQ(tcgetattr(-1, &t), -1);  // Not a descriptor at all
  EXPECT_EQ(get_errno(), QRV_EBADF);
}

TEST_F(TermiosTest, IsattyAsksTheServer) {
  EXPECT_EQ(isatty(kFd), 1);
  EXPECT_EQ(g.dcmd, u(kIsatty));
  EXPECT_EQ(g.nbytes, 0u);
  for (long answer : {-QRV_ENOTTY, -QRV_ENOSYS, -QRV_EINVAL, -QRV_EIO}) {
    g.result = answer;
    set_errno(0);
    EXPECT_EQ(isatty(kFd), 0) << answer;
    EXPECT_EQ(get_errno(), QRV_ENOTTY) << answer;
  }
  set_errno(0);
  EXPECT_EQ(isatty(-1), 0);
  EXPECT_EQ(get_errno(), QRV_EBADF);
  set_errno(0);
  EXPECT_EQ(isatty(5), 0);  // The fake kernel knows no coid 5
  EXPECT_EQ(get_errno(), QRV_ENOTTY);
}

}  // namespace
}  // namespace qrv::libc
