/* Supervisor trap vector (stvec direct mode, privileged spec 4.1.2).
 *
 * sscratch protocol: 0 while the hart runs kernel code, this hart's Cpu*
 * while it runs user code. Swapping tp with sscratch therefore yields the
 * Cpu* for a trap from U-mode (then the user tp is in sscratch) and 0 for a
 * trap from S-mode (then the kernel tp is in sscratch).
 *
 * Kernel calls (ecall from U-mode) go straight to syscall_dispatch; every
 * other trap to trap_dispatch.
 *
 * From U-mode the frame goes at the top of the current thread's kernel
 * stack (Cpu.kstack_top); from S-mode it goes below the interrupted sp.
 * trap_return restores a frame and srets to wherever its sstatus.SPP says;
 * a new user thread starts by jumping to it with sp at its first frame. */

#define FRAME_SIZE (36 * 8)
#define CPU_KSTACK_TOP 0
#define CPU_SCRATCH 8
#define SSTATUS_SPP (1 << 8)

  .section .text
  .balign 4
  .globl trap_entry
trap_entry:
  csrrw tp, sscratch, tp
  bnez tp, .Lfrom_user

  /* From S-mode: the kernel tp is in sscratch. */
  csrr tp, sscratch
  addi sp, sp, -FRAME_SIZE
  sd t0, 5*8(sp)
  addi t0, sp, FRAME_SIZE
  sd t0, 2*8(sp)
  j .Lsave

.Lfrom_user:
  sd sp, CPU_SCRATCH(tp)
  ld sp, CPU_KSTACK_TOP(tp)
  addi sp, sp, -FRAME_SIZE
  sd t0, 5*8(sp)
  ld t0, CPU_SCRATCH(tp)
  sd t0, 2*8(sp)

.Lsave:
  csrr t0, sscratch        /* the trapped context's tp */
  sd t0, 4*8(sp)
  csrw sscratch, zero      /* in the kernel now */
  sd x1, 1*8(sp)
  sd x3, 3*8(sp)
  sd x6, 6*8(sp)
  sd x7, 7*8(sp)
  sd x8, 8*8(sp)
  sd x9, 9*8(sp)
  sd x10, 10*8(sp)
  sd x11, 11*8(sp)
  sd x12, 12*8(sp)
  sd x13, 13*8(sp)
  sd x14, 14*8(sp)
  sd x15, 15*8(sp)
  sd x16, 16*8(sp)
  sd x17, 17*8(sp)
  sd x18, 18*8(sp)
  sd x19, 19*8(sp)
  sd x20, 20*8(sp)
  sd x21, 21*8(sp)
  sd x22, 22*8(sp)
  sd x23, 23*8(sp)
  sd x24, 24*8(sp)
  sd x25, 25*8(sp)
  sd x26, 26*8(sp)
  sd x27, 27*8(sp)
  sd x28, 28*8(sp)
  sd x29, 29*8(sp)
  sd x30, 30*8(sp)
  sd x31, 31*8(sp)
  csrr t0, sepc
  sd t0, 32*8(sp)
  csrr t0, sstatus
  sd t0, 33*8(sp)
  csrr t0, scause
  sd t0, 34*8(sp)
  csrr t0, stval
  sd t0, 35*8(sp)

  /* Fast path for kernel calls (ecall from U-mode, scause 8): straight to
   * the dispatch table, resuming after the ecall. */
  ld t0, 34*8(sp)
  li t1, 8
  mv a0, sp
  bne t0, t1, .Lnot_kernel_call
  ld t0, 32*8(sp)
  addi t0, t0, 4
  sd t0, 32*8(sp)
  call syscall_dispatch
  j trap_return
.Lnot_kernel_call:
  call trap_dispatch

  .globl trap_return
trap_return:
  ld t0, 33*8(sp)
  csrw sstatus, t0
  andi t0, t0, SSTATUS_SPP
  bnez t0, 1f
  csrw sscratch, tp        /* back to user: sscratch holds this hart's Cpu* */
1:
  ld t0, 32*8(sp)
  csrw sepc, t0
  ld x1, 1*8(sp)
  ld x3, 3*8(sp)
  ld x4, 4*8(sp)
  ld x5, 5*8(sp)
  ld x6, 6*8(sp)
  ld x7, 7*8(sp)
  ld x8, 8*8(sp)
  ld x9, 9*8(sp)
  ld x10, 10*8(sp)
  ld x11, 11*8(sp)
  ld x12, 12*8(sp)
  ld x13, 13*8(sp)
  ld x14, 14*8(sp)
  ld x15, 15*8(sp)
  ld x16, 16*8(sp)
  ld x17, 17*8(sp)
  ld x18, 18*8(sp)
  ld x19, 19*8(sp)
  ld x20, 20*8(sp)
  ld x21, 21*8(sp)
  ld x22, 22*8(sp)
  ld x23, 23*8(sp)
  ld x24, 24*8(sp)
  ld x25, 25*8(sp)
  ld x26, 26*8(sp)
  ld x27, 27*8(sp)
  ld x28, 28*8(sp)
  ld x29, 29*8(sp)
  ld x30, 30*8(sp)
  ld x31, 31*8(sp)
  ld x2, 2*8(sp)
  sret
