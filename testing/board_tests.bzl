"""qemu_test_on_boards: one QEMU test per board and hart count, from one list.

Expectations are templates filled in from each board's facts.bzl:
  {board}        board name                 {smp}          harts the kernel runs on
  {timebase_hz}  time CSR frequency         {uart}         "<compatible> at <base>"
  {ram_base}     16-digit hex RAM base      {ram_end}      16-digit hex last RAM byte
  {ram_mib}      RAM in MiB                 {ram_kib}      RAM in KiB
  {kernel_load}  16-digit hex kernel load address
Test names: <name>_smp<N>_qemu_test on the default board (the first of
QEMU_BOARDS: qemu_virt), <name>_<board>_smp<N>_qemu_test on the others.
An image outside the board packages is one qrv_kernel_image per board, made
by qrv_kernel_image_on_boards and named with the same {suffix} ("" on the
default board, "_<board>" on the others); a boot image (-initrd) is one
qrv_boot_image per board, made by qrv_boot_image_on_boards, named the same way.
"""

load("//platforms:board.bzl", "qrv_kernel_image")
load("//platforms:boards.bzl", "QEMU_BOARDS")
load("//testing:qemu.bzl", "qemu_test")
load("//tools/mkbootimg:boot_image.bzl", "qrv_boot_image")

def _suffix(i, facts):
    return "" if i == 0 else "_" + facts["name"]

def qrv_kernel_image_on_boards(name, payload, testonly = False, boards = None):
    """qrv_kernel_image `<name>{suffix}` of `payload` for every QEMU board."""
    for i, facts in enumerate(boards or QEMU_BOARDS):
        qrv_kernel_image(
            name = name + _suffix(i, facts),
            testonly = testonly,
            board = "//platforms/" + facts["name"],
            payload = payload,
        )

def qrv_boot_image_on_boards(name, boards = None, **kwargs):
    """qrv_boot_image `<name>{suffix}` (programs built for the board) for every QEMU board."""
    for i, facts in enumerate(boards or QEMU_BOARDS):
        qrv_boot_image(
            name = name + _suffix(i, facts),
            board = "//platforms/" + facts["name"],
            **kwargs
        )

_UART_COMPATIBLE = {
    "Ns16550a": "ns16550a",
    "SifiveUart0": "sifive,uart0",
}

_HEX_DIGITS = "0123456789abcdef"

def _hex16(value):
    digits = ""
    for _ in range(16):
        digits = _HEX_DIGITS[value % 16] + digits
        value = value // 16
    return "0x" + digits

def _template_values(facts, smp):
    ram_base = int(facts["ram_base"], 16)
    ram = facts["memory_mib"] * 1024 * 1024
    return {
        "board": facts["name"],
        "kernel_load": _hex16(ram_base + facts["firmware_reserve_mib"] * 1024 * 1024),
        "ram_base": _hex16(ram_base),
        "ram_end": _hex16(ram_base + ram - 1),
        "ram_kib": str(facts["memory_mib"] * 1024),
        "ram_mib": str(facts["memory_mib"]),
        "smp": str(smp),
        "timebase_hz": str(facts["timebase_hz"]),
        "uart": "%s at 0x%s" % (
            _UART_COMPATIBLE[facts["uart_kind"]],
            facts["uart_base"][2:].lstrip("0") or "0",
        ),
    }

def qemu_test_on_boards(name, expect, image = "ktest_image", initrd = None, smps = [1, 4], boards = None, **kwargs):
    """qemu_test of `image` on every board, at each of `smps`.

    `image` is a target in each board's package ("ktest_image"), or a label
    with {suffix} for images made by qrv_kernel_image_on_boards (":kfuzz_image{suffix}").
    `initrd`, if given, is a label with {suffix} for boot images made by
    qrv_boot_image_on_boards (":boot_image{suffix}").
    """
    boards = boards or QEMU_BOARDS
    for i, facts in enumerate(boards):
        board = "//platforms/" + facts["name"]
        for smp in smps:
            values = _template_values(facts, smp)
            is_label = image.startswith(":") or image.startswith("//")
            if initrd:
                kwargs["initrd"] = initrd.format(suffix = _suffix(i, facts))
            qemu_test(
                name = "%s%s_smp%d_qemu_test" % (name, _suffix(i, facts), smp),
                board = board,
                expect = [e.format(**values) for e in expect],
                image = image.format(suffix = _suffix(i, facts)) if is_label else board + ":" + image,
                smp = smp,
                **kwargs
            )
