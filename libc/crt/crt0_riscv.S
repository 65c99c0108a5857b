/* _start: the entry point of every QRV user program (RISC-V LP64D).
 * Entry state from the loader: sp -> argc, argv[0..argc-1], NULL,
 * envp[0..], NULL, auxv pairs ending in AT_NULL (psABI / System V layout);
 * other registers undefined. Sets gp, then calls
 * __qrv_libc_start(argc, argv, envp, auxv), which never returns. */
  .section .text._start, "ax", @progbits
  .globl _start
  .type _start, @function
_start:
  /* gp for linker relaxation; a script without __global_pointer$ gives 0. */
  .option push
  .option norelax
  .weak __global_pointer$
  la gp, __global_pointer$
  .option pop

  /* .bss needs no clearing: QRV's loaders (taskman's, and the kernel's for
   * its own test programs) map zeroed pages and copy exactly p_filesz bytes,
   * so everything past them is zero (System V: the loader zero-fills). */
  ld a0, 0(sp)            /* argc */
  addi a1, sp, 8          /* argv */
  slli t0, a0, 3
  add a2, a1, t0
  addi a2, a2, 8          /* envp = argv + argc + 1 */
  mv a3, a2
3:                         /* auxv follows envp's NULL */
  ld t0, 0(a3)
  addi a3, a3, 8
  bnez t0, 3b
  andi sp, sp, -16        /* the psABI wants a 16-byte aligned sp at calls */
  mv fp, zero             /* end of the frame chain for backtraces */
  mv ra, zero
  call __qrv_libc_start
  unimp                   /* __qrv_libc_start does not return */
  .size _start, . - _start
