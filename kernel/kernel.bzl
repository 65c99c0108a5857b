"""kernel_library: a piece of the kernel image.

Board-only (skipped by host builds of //...), always linked whole (boot code,
the trap vector and .ktest cases are reached by no symbol reference), and
visible to the kernel, the boards and the in-kernel test payload.
"""

load("//toolchains:cc.bzl", "qrv_cc_library")

KERNEL_VISIBILITY = [
    "//kernel:__subpackages__",
    "//platforms:__subpackages__",
    "//testing:__subpackages__",
]

def kernel_library(name, visibility = KERNEL_VISIBILITY, **kwargs):
    qrv_cc_library(
        name = name,
        alwayslink = True,
        target_compatible_with = ["@platforms//os:none"],
        visibility = visibility,
        **kwargs
    )
