/* The sigstub (contract in sigstub.h): the kernel saved the integer
 * registers and the pc; the floating-point registers and fcsr are saved here,
 * around the handler, so the interrupted code finds all of them intact. */
#include "libc/src/posix/sigstub.h"

#define FP_AREA (32 * 8 + 16) /* f0..f31, fcsr, the context pointer */

  .section .text.__qrv_sigstub, "ax", @progbits
  .balign 4
  .globl __qrv_sigstub
  .type __qrv_sigstub, @function
__qrv_sigstub:
  addi sp, sp, -FP_AREA
  fsd f0, 0*8(sp)
  fsd f1, 1*8(sp)
  fsd f2, 2*8(sp)
  fsd f3, 3*8(sp)
  fsd f4, 4*8(sp)
  fsd f5, 5*8(sp)
  fsd f6, 6*8(sp)
  fsd f7, 7*8(sp)
  fsd f8, 8*8(sp)
  fsd f9, 9*8(sp)
  fsd f10, 10*8(sp)
  fsd f11, 11*8(sp)
  fsd f12, 12*8(sp)
  fsd f13, 13*8(sp)
  fsd f14, 14*8(sp)
  fsd f15, 15*8(sp)
  fsd f16, 16*8(sp)
  fsd f17, 17*8(sp)
  fsd f18, 18*8(sp)
  fsd f19, 19*8(sp)
  fsd f20, 20*8(sp)
  fsd f21, 21*8(sp)
  fsd f22, 22*8(sp)
  fsd f23, 23*8(sp)
  fsd f24, 24*8(sp)
  fsd f25, 25*8(sp)
  fsd f26, 26*8(sp)
  fsd f27, 27*8(sp)
  fsd f28, 28*8(sp)
  fsd f29, 29*8(sp)
  fsd f30, 30*8(sp)
  fsd f31, 31*8(sp)
  frcsr t0
  sd t0, 32*8(sp)
  sd a2, 33*8(sp)
  /* handler(signo, info, context) */
  jalr a3
  ld t0, 32*8(sp)
  fscsr t0
  fld f0, 0*8(sp)
  fld f1, 1*8(sp)
  fld f2, 2*8(sp)
  fld f3, 3*8(sp)
  fld f4, 4*8(sp)
  fld f5, 5*8(sp)
  fld f6, 6*8(sp)
  fld f7, 7*8(sp)
  fld f8, 8*8(sp)
  fld f9, 9*8(sp)
  fld f10, 10*8(sp)
  fld f11, 11*8(sp)
  fld f12, 12*8(sp)
  fld f13, 13*8(sp)
  fld f14, 14*8(sp)
  fld f15, 15*8(sp)
  fld f16, 16*8(sp)
  fld f17, 17*8(sp)
  fld f18, 18*8(sp)
  fld f19, 19*8(sp)
  fld f20, 20*8(sp)
  fld f21, 21*8(sp)
  fld f22, 22*8(sp)
  fld f23, 23*8(sp)
  fld f24, 24*8(sp)
  fld f25, 25*8(sp)
  fld f26, 26*8(sp)
  fld f27, 27*8(sp)
  fld f28, 28*8(sp)
  fld f29, 29*8(sp)
  fld f30, 30*8(sp)
  fld f31, 31*8(sp)
  ld a0, 33*8(sp)
  li a7, QRV_SIGSTUB_SIGNAL_RETURN
  ecall
  unimp /* the kernel refused the context: nothing to resume, the process dies */
  .size __qrv_sigstub, . - __qrv_sigstub
