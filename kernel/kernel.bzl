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

def kernel_library(name, visibility = KERNEL_VISIBILITY, local_defines = [], **kwargs):
    qrv_cc_library(
        name = name,
        alwayslink = True,
        # Kernel object bodies (tThread, tProcess, ...) are visible only here.
        local_defines = local_defines + ["KERNEL_INTERNAL"],
        target_compatible_with = ["@platforms//os:none"],
        visibility = visibility,
        **kwargs
    )

def kernel_blob(name, src, testonly = False):
    """Links the file `src` into the kernel image, between the symbols
    `<name>_start` and `<name>_end` (in .rodata, 16-byte aligned).

    Used for user programs the kernel runs before a filesystem exists.
    """
    # The .S names the blob's hash: Bazel prunes compile inputs to what the
    # dependency file lists, and .incbin is not listed, so without the hash a
    # changed blob would not reassemble the .S.
    native.genrule(
        name = name + "_gen",
        testonly = testonly,
        srcs = [src],
        outs = [name + ".S", name + ".inc"],
        cmd = " && ".join([
            "cp $(location %s) $(@D)/%s.inc" % (src, name),
            "sum=$$(sha256sum $(location %s) | cut -d' ' -f1)" % src,
            "printf '/* %s: sha256 %%s */\n  .section .rodata\n  .balign 16\n  .globl %s_start, %s_end\n%s_start:\n  .incbin \"%%s\"\n%s_end:\n' $$sum $(@D)/%s.inc > $(@D)/%s.S" % (name, name, name, name, name, name, name),
        ]),
    )
    kernel_library(
        name = name,
        testonly = testonly,
        srcs = [name + ".S"],
        hdrs = [name + ".inc"],
    )
