/* The whole QRV kernel ABI in one include: call numbers, tm_priv slots,
 * error numbers and argument structs. */
#ifndef QRV_KERNEL_ABI_ABI_H_
#define QRV_KERNEL_ABI_ABI_H_

#include "kernel/abi/errno.h"
#include "kernel/abi/kercalls.h"
#include "kernel/abi/signals.h"
#include "kernel/abi/tm_priv.h"
#include "kernel/abi/types.h"

#endif /* QRV_KERNEL_ABI_ABI_H_ */
