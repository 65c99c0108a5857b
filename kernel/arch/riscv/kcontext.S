/* Kernel contexts: the callee-saved registers, sp and ra (psABI), so a
 * kernel path can park itself and be resumed later, setjmp-style.
 *   long kcontext_save(KContext*)        0 when saved, the value when resumed
 *   void kcontext_resume(KContext*, long) never returns
 *   void user_enter(TrapFrame*)          sret to the user context in the frame
 * KContext layout: ra, sp, s0..s11 (14 dwords). */

  .section .text
  .globl kcontext_save
kcontext_save:
  sd ra, 0*8(a0)
  sd sp, 1*8(a0)
  sd s0, 2*8(a0)
  sd s1, 3*8(a0)
  sd s2, 4*8(a0)
  sd s3, 5*8(a0)
  sd s4, 6*8(a0)
  sd s5, 7*8(a0)
  sd s6, 8*8(a0)
  sd s7, 9*8(a0)
  sd s8, 10*8(a0)
  sd s9, 11*8(a0)
  sd s10, 12*8(a0)
  sd s11, 13*8(a0)
  li a0, 0
  ret

  .globl kcontext_resume
kcontext_resume:
  ld ra, 0*8(a0)
  ld sp, 1*8(a0)
  ld s0, 2*8(a0)
  ld s1, 3*8(a0)
  ld s2, 4*8(a0)
  ld s3, 5*8(a0)
  ld s4, 6*8(a0)
  ld s5, 7*8(a0)
  ld s6, 8*8(a0)
  ld s7, 9*8(a0)
  ld s8, 10*8(a0)
  ld s9, 11*8(a0)
  ld s10, 12*8(a0)
  ld s11, 13*8(a0)
  mv a0, a1
  ret

  .globl user_enter
user_enter:
  mv sp, a0
  j trap_return

/* A new thread's first kernel code: its KContext has ra = here and sp = its
 * first TrapFrame (the top of its kernel stack). */
  .globl thread_first_run
thread_first_run:
  mv a0, sp
  call thread_start
1:
  j 1b

/* uaccess_copy(dst, src, n): byte copy that a fault may interrupt; the
 * caller arms an ExpectedTrap resuming at uaccess_fault. 0 or -1. */
  .globl uaccess_copy, uaccess_fault
uaccess_copy:
  beqz a2, 2f
1:
  lbu t0, 0(a1)
  sb t0, 0(a0)
  addi a0, a0, 1
  addi a1, a1, 1
  addi a2, a2, -1
  bnez a2, 1b
2:
  li a0, 0
  ret
uaccess_fault:
  li a0, -1
  ret
