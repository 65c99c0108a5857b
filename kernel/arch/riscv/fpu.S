/* fpu_save(FpState*) / fpu_restore(const FpState*): f0..f31 as raw 64-bit
 * values, then fcsr (see fpu.h). sstatus.FS must not be Off. */
  .section .text
  .balign 4
  .globl fpu_save, fpu_restore
fpu_save:
  .irp n, 0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31
  fsd f\n, \n*8(a0)
  .endr
  frcsr t0
  sd t0, 32*8(a0)
  ret

fpu_restore:
  .irp n, 0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31
  fld f\n, \n*8(a0)
  .endr
  ld t0, 32*8(a0)
  fscsr t0
  ret
