"""SiFive HiFive Unmatched (FU740-C000 SoC): every fact about it. Hardware only: no QEMU model.

From Linux's arch/riscv/boot/dts/sifive/fu740-c000.dtsi and
hifive-unmatched-a00.dts, and the FU740-C000 manual's memory map: hart 0 is
an S7 monitor core (rv64imac, no MMU), harts 1-4 are U74s (Sv39); 16 GiB of
RAM at 0x80000000; SiFive UARTs at 0x10010000 and 0x10011000; the PLIC at
0x0c000000; a 1 MHz timebase. U-Boot's booti moves the image to RAM base + 2 MiB.
"""

HIFIVE_UNMATCHED = dict(
    name = "hifive_unmatched",
    firmware_reserve_mib = 2,  # OpenSBI (fw_dynamic, from U-Boot SPL) below the kernel
    harts = 4,  # U74s
    irq_base = "0x0c000000",
    irq_kind = "Plic",
    memory_mib = 16384,
    monitor_harts = 1,  # the S7
    qemu_machine = "none",  # no QEMU model of the FU740
    ram_base = "0x80000000",
    timebase_hz = 1000000,
    uart_base = "0x10010000",
    uart_kind = "SifiveUart0",  # sifive,fu740-c000-uart
)
