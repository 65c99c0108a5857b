// taskman_call: see taskman_link.h. INTEGRATION POINT: when taskman defines
// its request messages, this becomes MsgSendv on QRV_TASKMAN_COID with a
// header {op, length}; it is the only function that has to change.
#include "libc/src/neutrino/taskman_link.h"

#include "kernel/abi/errno.h"

namespace qrv::libc {

long taskman_call(TaskmanOp op, const void* in, size_t in_len, void* out, size_t out_len) {
  (void)op;
  (void)in;
  (void)in_len;
  (void)out;
  (void)out_len;
  return -QRV_ENOSYS;
}

}  // namespace qrv::libc
