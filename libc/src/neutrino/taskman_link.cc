// taskman_send: see taskman_link.h.
#include "libc/src/neutrino/taskman_link.h"

#include "libc/src/neutrino/neutrino_api.h"

namespace qrv::libc {

long taskman_send(const void* msg, size_t len, void* out, size_t out_len) {
  return MsgSend_r(QRV_TASKMAN_COID, msg, len, out, out_len);
}

long taskman_sendv(const iov_t* parts, long nparts, void* out, size_t out_len) {
  return MsgSendvs_r(QRV_TASKMAN_COID, parts, nparts, out, out_len);
}

}  // namespace qrv::libc
