/* Slots of syscall_tm_priv(id, arg) (__KER_TM_PRIV): the whitelist of what
 * taskman may ask of kernel data. The kernel's ker_tm_priv table is sized by
 * QRV_KER_TM_COUNT and static_asserts it. Numbers are never reused. */
#ifndef QRV_KERNEL_ABI_TM_PRIV_H_
#define QRV_KERNEL_ABI_TM_PRIV_H_

/* X(UPPER_NAME, number) */
#define QRV_KER_TM_SLOTS(X) \
  X(PROC_CREATE, 0)         \
  X(PA_ALLOC, 1)            \
  X(ASPACE_MEMCPY, 2)       \
  X(PROC_QUERY, 3)

enum {
#define QRV_KER_TM_ENUM_(upper, number) __KER_TM_##upper = number,
  QRV_KER_TM_SLOTS(QRV_KER_TM_ENUM_)
#undef QRV_KER_TM_ENUM_
};

/* One past the largest slot number. */
#define QRV_KER_TM_COUNT 4

#endif /* QRV_KERNEL_ABI_TM_PRIV_H_ */
