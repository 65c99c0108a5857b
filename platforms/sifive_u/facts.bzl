"""QEMU's `sifive_u` machine (the HiFive Unleashed's FU540): every fact about it.

Hart 0 is an E51 monitor core without an MMU or S-mode (OpenSBI hands the
kernel a U54 and disables the E51 in the device tree it passes on); harts
1..n are U54s. A SiFive UART, a PLIC whose hart-0 context is M-mode only, a
CLINT, a 1 MHz timebase, and no power-off device: shutdown resets, which
QEMU's -no-reboot turns into an exit with status 0.
"""

SIFIVE_U = dict(
    name = "sifive_u",
    firmware_reserve_mib = 2,  # OpenSBI fw_dynamic occupies the first 2 MiB
    harts = 4,  # U54s, the harts the kernel runs on
    irq_base = "0x0c000000",
    irq_kind = "Plic",
    memory_mib = 256,
    monitor_harts = 1,  # the E51: QEMU -smp is harts + 1
    # The runner passes -cpu rv64 (virt's generic hart), which would turn the
    # U54s into generic priv-1.12 harts; the last -cpu wins, so ask for U54s.
    qemu_flags = [
        "-cpu",
        "sifive-u54",
    ],
    qemu_machine = "sifive_u",
    ram_base = "0x80000000",
    timebase_hz = 1000000,
    uart_base = "0x10010000",
    uart_kind = "SifiveUart0",
)
