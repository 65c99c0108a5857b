"""The boards QEMU can boot, for tests that run on every one of them.

Add a board here once its package has facts.bzl and its QEMU tests pass
(see platforms/README.md).
"""

load("//platforms/qemu_virt:facts.bzl", "QEMU_VIRT")
load("//platforms/sifive_u:facts.bzl", "SIFIVE_U")

# The first is the default board (//:qemu, //:gdb).
QEMU_BOARDS = [QEMU_VIRT, SIFIVE_U]
