/* Compiles the ABI headers as C17 (the kernel and libc compile them as C++) and
 * reports what C sees, so abi_test can compare it with what C++ sees. */
#include "kernel/abi/abi_c_check.h"

#include "kernel/abi/abi.h"

int64_t qrv_abi_c_layout(int32_t what) {
  switch (what) {
    case QRV_ABI_CHECK_IOV_SIZE: return (int64_t)sizeof(iov_t);
    case QRV_ABI_CHECK_TIMESPEC_SIZE: return (int64_t)sizeof(struct qrv_timespec);
    case QRV_ABI_CHECK_SIGEVENT_SIZE: return (int64_t)sizeof(struct qrv_sigevent);
    case QRV_ABI_CHECK_SIGEVENT_CODE: return (int64_t)offsetof(struct qrv_sigevent, sigev_code);
    case QRV_ABI_CHECK_PULSE_SIZE: return (int64_t)sizeof(struct _pulse);
    case QRV_ABI_CHECK_PULSE_SCOID: return (int64_t)offsetof(struct _pulse, scoid);
    case QRV_ABI_CHECK_MSG_INFO_SIZE: return (int64_t)sizeof(struct _msg_info);
    case QRV_ABI_CHECK_MSG_INFO_MSGLEN: return (int64_t)offsetof(struct _msg_info, msglen);
    case QRV_ABI_CHECK_THREAD_ATTR_SIZE: return (int64_t)sizeof(struct qrv_thread_attr);
    case QRV_ABI_CHECK_KER_MSG_SENDV: return __KER_MSG_SENDV;
    case QRV_ABI_CHECK_KER_TM_PRIV: return __KER_TM_PRIV;
    case QRV_ABI_CHECK_TM_PROC_QUERY: return __KER_TM_PROC_QUERY;
    case QRV_ABI_CHECK_ENOSYS: return QRV_ENOSYS;
    case QRV_ABI_CHECK_SIGCONTEXT_SIZE: return (int64_t)sizeof(struct qrv_sigcontext);
    case QRV_ABI_CHECK_SIGCONTEXT_MASK: return (int64_t)offsetof(struct qrv_sigcontext, mask);
    case QRV_ABI_CHECK_SIGINFO_SIZE: return (int64_t)sizeof(struct qrv_siginfo);
    case QRV_ABI_CHECK_SIGINFO_VALUE: return (int64_t)offsetof(struct qrv_siginfo, value);
    default: return -1;
  }
}
