/* Slots of syscall_tm_priv(id, arg) (__KER_TM_PRIV): the whitelist of what
 * taskman may ask of kernel data. The kernel's ker_tm_priv table is sized by
 * QRV_KER_TM_COUNT and static_asserts it. Numbers are never reused. */
#ifndef QRV_KERNEL_ABI_TM_PRIV_H_
#define QRV_KERNEL_ABI_TM_PRIV_H_

#include <stdint.h>

#include "kernel/abi/types.h"

/* X(UPPER_NAME, number) */
#define QRV_KER_TM_SLOTS(X) \
  X(PROC_CREATE, 0)         \
  X(PA_ALLOC, 1)            \
  X(ASPACE_MEMCPY, 2)       \
  X(PROC_QUERY, 3)          \
  X(BOOT_IMAGE_MAP, 4)

enum {
#define QRV_KER_TM_ENUM_(upper, number) __KER_TM_##upper = number,
  QRV_KER_TM_SLOTS(QRV_KER_TM_ENUM_)
#undef QRV_KER_TM_ENUM_
};

/* One past the largest slot number. */
#define QRV_KER_TM_COUNT 5

/* __KER_TM_BOOT_IMAGE_MAP: maps the boot image (the CPIO archive the boot
 * loader left in RAM) read-only into the caller at `va` (page-aligned, user
 * half, unmapped), whole pages; the archive starts `offset` bytes in and is
 * `size` bytes long. Errors: ENOENT (no boot image), EINVAL (va), EEXIST
 * (something mapped there), ENOMEM, EFAULT (the struct). */
struct qrv_tm_boot_image_map {
  uint64_t va;     /* in */
  uint64_t size;   /* out */
  uint64_t offset; /* out */
  uint64_t reserved;
};
QRV_ABI_ASSERT(sizeof(struct qrv_tm_boot_image_map) == 32, "qrv_tm_boot_image_map size");
QRV_ABI_ASSERT(offsetof(struct qrv_tm_boot_image_map, offset) == 16, "qrv_tm_boot_image_map.offset");

#endif /* QRV_KERNEL_ABI_TM_PRIV_H_ */
