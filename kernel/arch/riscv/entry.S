/* Boot entry: OpenSBI fw_dynamic jumps here in S-mode with the MMU off,
 * a0 = boot hart id, a1 = physical address of the flattened device tree.
 *
 * Runs at the physical load address, so only PC-relative code until the jump
 * to the high half. The early page table maps, with 1 GiB leaves:
 *   - the gigabyte holding the kernel, identity (so the PC stays valid
 *     across the satp write);
 *   - PA 0..4 GiB at KERNEL_VIRT_BASE (the direct map, global): kernel
 *     image, device tree and MMIO for the early console.
 * kernel/mm replaces this table with the final one. */

#define SATP_MODE_SV39 (8 << 60)
/* Sv39 leaf PTE flags (privileged spec, 4.3.1 / 4.4.1): V R W X . G A D */
#define PTE_KERNEL_RWX 0xcf   /* V|R|W|X|A|D */
#define PTE_GLOBAL 0x20

  .section .text.boot, "ax", %progbits
  .globl _start
_start:
  /* The RISC-V Linux Image header (Linux Documentation/riscv/boot-image-header.rst),
   * so U-Boot's booti can start the raw image on hardware boards: it moves the
   * image to RAM base + text_offset and enters it like OpenSBI does. The first
   * word jumps over the header (an uncompressed j: the header is 64 bytes). */
  .option push
  .option norvc
  j .Lboot                  /* code0 */
  .option pop
  .word 0                   /* code1 */
  .dword KERNEL_TEXT_OFFSET /* text_offset: load address - RAM base (board.bzl) */
  .dword __kernel_image_size /* image_size, .bss included (kernel.ld) */
  .dword 0                  /* flags: little-endian */
  .word 2                   /* version 0.2 */
  .word 0                   /* res1 */
  .dword 0                  /* res2 */
  .ascii "RISCV\0\0\0"      /* magic */
  .ascii "RSC\x05"          /* magic2 */
  .word 0                   /* res3 */
.Lboot:
  .option push
  .option norelax           /* no gp yet: keep la/call PC-relative */
  csrw sie, zero
  csrw satp, zero
  csrw sscratch, zero

  /* Only one hart may boot. OpenSBI 1.1's hart_start marks a hart
   * START_PENDING before it stores the hart's start address, so a hart that
   * wakes from wfi in between jumps to the cold-boot address, here, with a
   * stale a1. Such a hart loses this lottery and waits for smp_init to
   * publish its Cpu (secondary_cpu_table, indexed by hart id), then takes
   * the normal secondary path. */
  lla t0, boot_lottery
  li t1, 1
  amoswap.w t1, t1, (t0)
  bnez t1, .Llate_secondary

  mv s0, a0                 /* hart id */
  mv s1, a1                 /* device tree PA */

  /* Clear .bss (at its physical address). */
  lla t0, __bss_start
  lla t1, __bss_end
1:
  bgeu t0, t1, 2f
  sd zero, 0(t0)
  addi t0, t0, 8
  j 1b
2:
  lla sp, boot_stack_top

  /* Identity-map the gigabyte we run in: slot = PA >> 30, PTE = (slot << 28) | flags. */
  lla t0, _start
  srli t0, t0, 30
  slli t1, t0, 28
  ori t1, t1, PTE_KERNEL_RWX
  lla t2, early_pt
  slli t0, t0, 3
  add t2, t2, t0
  sd t1, 0(t2)

  /* Turn on Sv39. */
  lla t0, early_pt
  srli t0, t0, 12
  li t1, SATP_MODE_SV39
  or t0, t0, t1
  sfence.vma
  csrw satp, t0
  sfence.vma

  /* Jump to the link (high-half) address of boot_high. */
  lla t0, .Lboot_high_va
  ld t0, 0(t0)
  jr t0
  .option pop

boot_high:
  li t0, 0xffffffc000000000   /* KERNEL_VIRT_BASE */
  add sp, sp, t0
  mv a0, s0
  mv a1, s1
  mv tp, zero               /* no Cpu* until cpu_init_boot */
  mv fp, zero               /* end of the frame-pointer chain for backtraces */
  mv ra, zero
  call kmain
3:
  wfi
  j 3b

.Llate_secondary:
  li t0, 64
  bgeu a0, t0, .Lpark        /* no table slot: never runs */
  lla t0, secondary_cpu_table
  slli t1, a0, 3
  add t0, t0, t1
1:
  ld a1, 0(t0)
  beqz a1, 1b
  fence r, rw
  j secondary_entry
.Lpark:
  wfi
  j .Lpark

/* Secondary harts (smp.cc): started by SBI HSM at the physical address of
 * secondary_entry with a0 = hart id, a1 = its Cpu* (a kernel VA). They take
 * the early table to reach the high half, then switch to the final kernel
 * table (Cpu.satp) and their own stack (Cpu.kstack_top). */
  .globl secondary_entry
secondary_entry:
  .option push
  .option norelax
  csrw sie, zero
  csrw sscratch, zero
  lla t0, early_pt
  srli t0, t0, 12
  li t1, SATP_MODE_SV39
  or t0, t0, t1
  sfence.vma
  csrw satp, t0
  sfence.vma
  lla t0, .Lsecondary_high_va
  ld t0, 0(t0)
  jr t0
  .option pop

secondary_high:
  mv tp, a1
  lla t0, trap_entry        /* any trap from here on is reported, not lost */
  csrw stvec, t0
  ld t0, 16(tp)             /* Cpu.satp */
  sfence.vma
  csrw satp, t0
  sfence.vma
  ld sp, 0(tp)              /* Cpu.kstack_top */
  mv fp, zero
  mv ra, zero
  mv a0, tp
  call secondary_main
4:
  wfi
  j 4b

  .section .rodata
  .balign 8
.Lboot_high_va:
  .dword boot_high
.Lsecondary_high_va:
  .dword secondary_high

/* Written before .bss is cleared, so they live in .data. */
  .section .data
  .balign 8
boot_lottery:
  .word 0
  .balign 8
  .globl secondary_cpu_table
secondary_cpu_table:
  .fill 64, 8, 0

/* The early Sv39 root table: the direct map's four gigapages are constant,
 * the identity slot is filled in above. */
  .section .data.early_pt, "aw", %progbits
  .balign 4096
  .globl early_pt
early_pt:
  .fill 256, 8, 0
  .dword (0x00000000 >> 2) | PTE_KERNEL_RWX | PTE_GLOBAL
  .dword (0x40000000 >> 2) | PTE_KERNEL_RWX | PTE_GLOBAL
  .dword (0x80000000 >> 2) | PTE_KERNEL_RWX | PTE_GLOBAL
  .dword (0xc0000000 >> 2) | PTE_KERNEL_RWX | PTE_GLOBAL
  .fill 252, 8, 0

/* The boot stack, with a guard page under it that the final kernel page
 * table leaves unmapped: an overflow faults instead of corrupting .bss. */
  .section .bss.stack, "aw", %nobits
  .balign 4096
  .globl boot_stack_guard, boot_stack_bottom, boot_stack_top
boot_stack_guard:
  .skip 4096
boot_stack_bottom:
  .skip 16384
boot_stack_top:
