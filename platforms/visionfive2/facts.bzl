"""StarFive VisionFive 2 (JH7110 SoC): every fact about it. Hardware only: no QEMU model.

From Linux's arch/riscv/boot/dts/starfive/jh7110.dtsi and
jh7110-starfive-visionfive-2.dtsi, and the JH7110 datasheet's memory map:
hart 0 is an S7 monitor core (rv64imac, no MMU), harts 1-4 are U74s (Sv39);
RAM at 0x40000000 (4 GiB on the common variant; the device tree says how
much); a Synopsys DesignWare APB UART (16550 registers 4 bytes apart:
reg-shift 2, reg-io-width 4) at 0x10000000; the PLIC at 0x0c000000; a
4 MHz timebase. U-Boot's booti moves the image to RAM base + 2 MiB.
"""

VISIONFIVE2 = dict(
    name = "visionfive2",
    firmware_reserve_mib = 2,  # OpenSBI (fw_dynamic, from U-Boot SPL) below the kernel
    harts = 4,  # U74s
    irq_base = "0x0c000000",
    irq_kind = "Plic",
    memory_mib = 4096,
    monitor_harts = 1,  # the S7
    qemu_machine = "none",  # no QEMU model of the JH7110
    ram_base = "0x40000000",
    timebase_hz = 4000000,
    uart_base = "0x10000000",
    uart_kind = "Ns16550a",  # snps,dw-apb-uart
)
