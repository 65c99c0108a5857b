// devnull: /dev/null and /dev/zero, the smallest resource manager, written
// the way any QRV server is: attributes for the two nodes, the handlers the
// library's defaults do not cover, and the library's receive loop.
//   /dev/null: reads are at end of file, writes vanish (and succeed).
//   /dev/zero: reads fill the buffer with zeros, writes vanish.
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/resmgr.h>
#include <sys/stat.h>

namespace {

iofunc_attr_t g_null;
iofunc_attr_t g_zero;

// One page of zeros serves any read: the reply repeats it in parts.
const char g_zeros[4096] = {};

int null_read(resmgr_context_t* ctp, const struct _io_read* msg, iofunc_ocb_t* ocb) {
  (void)msg;
  (void)ocb;
  ctp->status = 0;  // end of file
  return 0;
}

int zero_read(resmgr_context_t* ctp, const struct _io_read* msg, iofunc_ocb_t* ocb) {
  (void)ocb;
  // At most _RESMGR_IOV_MAX pages per read: a short read, as POSIX allows.
  uint64_t left = msg->nbytes;
  int parts = 0;
  while (left != 0 && parts < _RESMGR_IOV_MAX) {
    const uint64_t n = left < sizeof g_zeros ? left : sizeof g_zeros;
    ctp->iov[parts++] = iov_t{const_cast<char*>(g_zeros), n};
    left -= n;
  }
  ctp->status = static_cast<long>(msg->nbytes - left);
  return _RESMGR_NPARTS(parts);
}

int sink_write(resmgr_context_t* ctp, const struct _io_write* msg, iofunc_ocb_t* ocb) {
  (void)ocb;
  ctp->status = static_cast<long>(msg->nbytes);  // the data is never even read
  return 0;
}

}  // namespace

int main() {
  static const resmgr_io_funcs_t null_io = {null_read, sink_write, nullptr, nullptr, nullptr, nullptr};
  static const resmgr_io_funcs_t zero_io = {zero_read, sink_write, nullptr, nullptr, nullptr, nullptr};
  dispatch_t* d = dispatch_create();
  if (d == nullptr) {
    printf("devnull: no channel: %s\n", strerror(errno));
    return 1;
  }
  iofunc_attr_init(&g_null, S_IFCHR | 0666);
  iofunc_attr_init(&g_zero, S_IFCHR | 0666);
  g_null.ino = 1;
  g_zero.ino = 2;
  if (resmgr_attach(d, "/dev/null", 0, nullptr, &null_io, &g_null) < 0 ||
      resmgr_attach(d, "/dev/zero", 0, nullptr, &zero_io, &g_zero) < 0) {
    printf("devnull: cannot attach /dev/null and /dev/zero: %s\n", strerror(errno));
    return 1;
  }
  resmgr_run(d);
  printf("devnull: receive failed: %s\n", strerror(errno));
  return 1;
}
