/* setjmp and longjmp (and sigsetjmp, siglongjmp) for RISC-V LP64D: save and
 * restore what the psABI makes callee-saved. jmp_buf layout (libc/include/setjmp.h), 8 bytes per slot:
 *   [0] ra  [1] sp  [2..13] s0-s11  [14..25] fs0-fs11 */
  .section .text.setjmp, "ax", @progbits
  .globl setjmp
  .type setjmp, @function
setjmp:
  sd ra, 0(a0)
  sd sp, 8(a0)
  sd s0, 16(a0)
  sd s1, 24(a0)
  sd s2, 32(a0)
  sd s3, 40(a0)
  sd s4, 48(a0)
  sd s5, 56(a0)
  sd s6, 64(a0)
  sd s7, 72(a0)
  sd s8, 80(a0)
  sd s9, 88(a0)
  sd s10, 96(a0)
  sd s11, 104(a0)
  fsd fs0, 112(a0)
  fsd fs1, 120(a0)
  fsd fs2, 128(a0)
  fsd fs3, 136(a0)
  fsd fs4, 144(a0)
  fsd fs5, 152(a0)
  fsd fs6, 160(a0)
  fsd fs7, 168(a0)
  fsd fs8, 176(a0)
  fsd fs9, 184(a0)
  fsd fs10, 192(a0)
  fsd fs11, 200(a0)
  li a0, 0
  ret
  .size setjmp, . - setjmp

  .section .text.longjmp, "ax", @progbits
  .globl longjmp
  .type longjmp, @function
longjmp:
  ld ra, 0(a0)
  ld sp, 8(a0)
  ld s0, 16(a0)
  ld s1, 24(a0)
  ld s2, 32(a0)
  ld s3, 40(a0)
  ld s4, 48(a0)
  ld s5, 56(a0)
  ld s6, 64(a0)
  ld s7, 72(a0)
  ld s8, 80(a0)
  ld s9, 88(a0)
  ld s10, 96(a0)
  ld s11, 104(a0)
  fld fs0, 112(a0)
  fld fs1, 120(a0)
  fld fs2, 128(a0)
  fld fs3, 136(a0)
  fld fs4, 144(a0)
  fld fs5, 152(a0)
  fld fs6, 160(a0)
  fld fs7, 168(a0)
  fld fs8, 176(a0)
  fld fs9, 184(a0)
  fld fs10, 192(a0)
  fld fs11, 200(a0)
  seqz a0, a1             /* setjmp returns value, or 1 when value is 0 */
  add a0, a0, a1
  ret
  .size longjmp, . - longjmp

/* sigsetjmp(env, savemask) and siglongjmp(env, value): a jmp_buf, then
 * [26] savemask and [27] the mask sigprocmask reported (setjmp.h). The
 * mask is saved before setjmp records the registers, on a stack slot that
 * setjmp's sp is above. */
#define SIGJMP_SAVED 208
#define SIGJMP_MASK 216
#define SIG_BLOCK_ 0   /* QRV_SIG_BLOCK */
#define SIG_SETMASK_ 2 /* QRV_SIG_SETMASK */

  .section .text.sigsetjmp, "ax", @progbits
  .globl sigsetjmp
  .type sigsetjmp, @function
sigsetjmp:
  sd a1, SIGJMP_SAVED(a0)
  bnez a1, 1f
  tail setjmp
1:
  addi sp, sp, -16
  sd ra, 0(sp)
  sd a0, 8(sp)
  addi a2, a0, SIGJMP_MASK /* sigprocmask(SIG_BLOCK, NULL, &env[27]) */
  li a1, 0
  li a0, SIG_BLOCK_
  call sigprocmask
  ld a0, 8(sp)
  ld ra, 0(sp)
  addi sp, sp, 16
  tail setjmp
  .size sigsetjmp, . - sigsetjmp

  .section .text.siglongjmp, "ax", @progbits
  .globl siglongjmp
  .type siglongjmp, @function
siglongjmp:
  ld t0, SIGJMP_SAVED(a0)
  beqz t0, 1f
  addi sp, sp, -16
  sd a0, 0(sp)
  sd a1, 8(sp)
  addi a1, a0, SIGJMP_MASK /* sigprocmask(SIG_SETMASK, &env[27], NULL) */
  li a2, 0
  li a0, SIG_SETMASK_
  call sigprocmask
  ld a0, 0(sp)
  ld a1, 8(sp)
  addi sp, sp, 16
1:
  tail longjmp
  .size siglongjmp, . - siglongjmp
