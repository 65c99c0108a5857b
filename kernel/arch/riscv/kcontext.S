/* Kernel contexts: the callee-saved registers, sp and ra (psABI), so a
 * kernel path can park itself and be resumed later, setjmp-style.
 *   long kcontext_save(KContext*)        0 when saved, the value when resumed
 *   void kcontext_resume(KContext*, long) never returns
 *   void user_enter(TrapFrame*)          sret to the user context in the frame
 *   uaccess_copy / uaccess_cas32         user-memory access a fault may cut short
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

/* uaccess_copy(dst, src, n): copy that a fault may interrupt; the caller
 * arms an ExpectedTrap resuming at uaccess_fault. 0 or -1. Doublewords
 * while both pointers are 8-byte aligned (kernel structs, usually), then
 * bytes. */
  .globl uaccess_copy, uaccess_fault
uaccess_copy:
  or t1, a0, a1
  andi t1, t1, 7
  bnez t1, 2f
  li t2, 8
1:
  bltu a2, t2, 2f
  ld t0, 0(a1)
  sd t0, 0(a0)
  addi a0, a0, 8
  addi a1, a1, 8
  addi a2, a2, -8
  j 1b
2:
  beqz a2, 4f
3:
  lbu t0, 0(a1)
  sb t0, 0(a0)
  addi a0, a0, 1
  addi a1, a1, 1
  addi a2, a2, -1
  bnez a2, 3b
4:
  li a0, 0
  ret

/* uaccess_cas32(word, expected, desired): atomic compare-and-swap of an
 * aligned 32-bit word (LR/SC, acquire and release: user threads on other
 * harts swap it without any kernel lock). Returns the value seen, zero-
 * extended (== expected iff desired was stored), or -1 through uaccess_fault
 * when LR (load) or SC (store/AMO) faults; the caller arms an ExpectedTrap. */
  .globl uaccess_cas32
uaccess_cas32:
  sext.w a1, a1           /* LR.W sign-extends what it loads */
1:
  lr.w.aqrl t0, (a0)
  bne t0, a1, 2f
  sc.w.rl t1, a2, (a0)
  bnez t1, 1b
2:
  slli a0, t0, 32
  srli a0, a0, 32
  ret

uaccess_fault:
  li a0, -1
  ret
