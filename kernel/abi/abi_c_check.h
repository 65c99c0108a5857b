/* What abi_c_check.c (the ABI compiled as C) reports, keyed by QRV_ABI_CHECK_*. */
#ifndef QRV_KERNEL_ABI_ABI_C_CHECK_H_
#define QRV_KERNEL_ABI_ABI_C_CHECK_H_

#include <stdint.h>

#define QRV_ABI_CHECK_IOV_SIZE 0
#define QRV_ABI_CHECK_TIMESPEC_SIZE 1
#define QRV_ABI_CHECK_SIGEVENT_SIZE 2
#define QRV_ABI_CHECK_SIGEVENT_CODE 3
#define QRV_ABI_CHECK_PULSE_SIZE 4
#define QRV_ABI_CHECK_PULSE_SCOID 5
#define QRV_ABI_CHECK_MSG_INFO_SIZE 6
#define QRV_ABI_CHECK_MSG_INFO_MSGLEN 7
#define QRV_ABI_CHECK_THREAD_ATTR_SIZE 8
#define QRV_ABI_CHECK_KER_MSG_SENDV 9
#define QRV_ABI_CHECK_KER_TM_PRIV 10
#define QRV_ABI_CHECK_TM_PROC_QUERY 11
#define QRV_ABI_CHECK_ENOSYS 12
#define QRV_ABI_CHECK_SIGCONTEXT_SIZE 13
#define QRV_ABI_CHECK_SIGCONTEXT_MASK 14
#define QRV_ABI_CHECK_SIGINFO_SIZE 15
#define QRV_ABI_CHECK_SIGINFO_VALUE 16

#ifdef __cplusplus
extern "C" {
#endif

/* The size, offset or number `what` names, as C computes it; -1 if unknown. */
int64_t qrv_abi_c_layout(int32_t what);

#ifdef __cplusplus
}
#endif

#endif /* QRV_KERNEL_ABI_ABI_C_CHECK_H_ */
