/* loader_entry(job): a child's loader thread starts here (PROC_CREATE's
 * loader_pc), in taskman's code, with sp on the job's loader stack and
 * every other register zero. gp is taskman's (linker relaxation uses it);
 * tp stays 0: the loader has no thread block. */
  .section .text.loader_entry, "ax", @progbits
  .globl loader_entry
  .type loader_entry, @function
loader_entry:
  .option push
  .option norelax
  la gp, __global_pointer$
  .option pop
  mv tp, zero
  mv fp, zero
  mv ra, zero
  tail loader_main
  .size loader_entry, . - loader_entry
