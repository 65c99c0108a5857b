"""QEMU's `virt` machine, the reference board: every fact about it, here.

Loaded by this package's BUILD (qrv_board) and by //platforms:boards.bzl
(the QEMU tests that run on every board match their console against these).
"""

QEMU_VIRT = dict(
    name = "qemu_virt",
    firmware_reserve_mib = 2,  # OpenSBI fw_dynamic occupies the first 2 MiB
    harts = 4,
    irq_base = "0x0c000000",
    irq_kind = "Plic",
    memory_mib = 256,
    qemu_machine = "virt",
    ram_base = "0x80000000",
    timebase_hz = 10000000,
    uart_base = "0x10000000",
    uart_kind = "Ns16550a",
)
