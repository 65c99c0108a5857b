/* __qrv_fork_save, fork()'s body (see fork.cc): the callee-saved state in a frame on the caller's
 * stack, then __qrv_fork_send(the child's entry, the frame). The parent
 * returns what that returns; the child starts at fork_resume with sp at its
 * copy of the frame and every other register zero, restores the frame,
 * runs __qrv_fork_child and returns 0. */
#define FRAME 224 /* ra gp tp s0-s11 (15 x 8), fs0-fs11 (12 x 8), fcsr: 16-aligned */
#define FS(i) (120 + 8 * (i))

  .section .text.__qrv_fork_save, "ax", @progbits
  .balign 4
  .globl __qrv_fork_save
  .hidden __qrv_fork_save
  .type __qrv_fork_save, @function
__qrv_fork_save:
  addi sp, sp, -FRAME
  sd ra, 0(sp)
  sd gp, 8(sp)
  sd tp, 16(sp)
  sd s0, 24(sp)
  sd s1, 32(sp)
  sd s2, 40(sp)
  sd s3, 48(sp)
  sd s4, 56(sp)
  sd s5, 64(sp)
  sd s6, 72(sp)
  sd s7, 80(sp)
  sd s8, 88(sp)
  sd s9, 96(sp)
  sd s10, 104(sp)
  sd s11, 112(sp)
  fsd fs0, FS(0)(sp)
  fsd fs1, FS(1)(sp)
  fsd fs2, FS(2)(sp)
  fsd fs3, FS(3)(sp)
  fsd fs4, FS(4)(sp)
  fsd fs5, FS(5)(sp)
  fsd fs6, FS(6)(sp)
  fsd fs7, FS(7)(sp)
  fsd fs8, FS(8)(sp)
  fsd fs9, FS(9)(sp)
  fsd fs10, FS(10)(sp)
  fsd fs11, FS(11)(sp)
  frcsr t0
  sd t0, FS(12)(sp)
  lla a0, fork_resume
  mv a1, sp
  call __qrv_fork_send /* (s0-s11 and fs0-fs11 survive the call) */
  ld ra, 0(sp)
  addi sp, sp, FRAME
  ret
  .size __qrv_fork_save, . - __qrv_fork_save

  .type fork_resume, @function
fork_resume:
  ld gp, 8(sp)
  ld tp, 16(sp)
  ld s0, 24(sp)
  ld s1, 32(sp)
  ld s2, 40(sp)
  ld s3, 48(sp)
  ld s4, 56(sp)
  ld s5, 64(sp)
  ld s6, 72(sp)
  ld s7, 80(sp)
  ld s8, 88(sp)
  ld s9, 96(sp)
  ld s10, 104(sp)
  ld s11, 112(sp)
  fld fs0, FS(0)(sp)
  fld fs1, FS(1)(sp)
  fld fs2, FS(2)(sp)
  fld fs3, FS(3)(sp)
  fld fs4, FS(4)(sp)
  fld fs5, FS(5)(sp)
  fld fs6, FS(6)(sp)
  fld fs7, FS(7)(sp)
  fld fs8, FS(8)(sp)
  fld fs9, FS(9)(sp)
  fld fs10, FS(10)(sp)
  fld fs11, FS(11)(sp)
  ld t0, FS(12)(sp)
  fscsr t0
  call __qrv_fork_child
  ld ra, 0(sp)
  li a0, 0
  addi sp, sp, FRAME
  ret
  .size fork_resume, . - fork_resume
