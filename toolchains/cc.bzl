"""QRV's C++ target macros: the same warnings on the host and the board toolchain.

Every QRV C++ target goes through these, so -Werror applies to QRV code and not
to third-party code (GoogleTest). Each host test also runs as `<name>_asan`:
the same test with its whole dependency graph rebuilt under AddressSanitizer
and UBSan by a configuration transition, so `bazel test //...` runs both.
"""

QRV_WARNINGS = [
    "-Wall",
    "-Wextra",
    "-Wconversion",
    "-Wshadow",
    "-Werror",
]

QRV_COPTS = QRV_WARNINGS + ["-fno-omit-frame-pointer"]

# What a host test's `_asan` twin adds to --copt and --linkopt (board code,
# which links no sanitizer runtime, must not inherit it: see boot_image.bzl).
SANITIZE_FLAGS = ["-fsanitize=address,undefined", "-fno-sanitize-recover=all"]

def qrv_cc_library(name, copts = [], **kwargs):
    native.cc_library(name = name, copts = QRV_COPTS + copts, **kwargs)

def qrv_cc_binary(name, copts = [], **kwargs):
    native.cc_binary(name = name, copts = QRV_COPTS + copts, **kwargs)

def _sanitize_transition_impl(settings, _attr):
    return {
        "//command_line_option:copt": settings["//command_line_option:copt"] + SANITIZE_FLAGS,
        "//command_line_option:linkopt": settings["//command_line_option:linkopt"] + SANITIZE_FLAGS,
    }

_sanitize_transition = transition(
    implementation = _sanitize_transition_impl,
    inputs = ["//command_line_option:copt", "//command_line_option:linkopt"],
    outputs = ["//command_line_option:copt", "//command_line_option:linkopt"],
)

def _sanitized_test_impl(ctx):
    test = ctx.attr.test[0]
    out = ctx.actions.declare_file(ctx.label.name)
    ctx.actions.symlink(output = out, target_file = test[DefaultInfo].files_to_run.executable, is_executable = True)
    return [DefaultInfo(
        executable = out,
        runfiles = ctx.runfiles(files = [out]).merge(test[DefaultInfo].default_runfiles),
    )]

sanitized_test = rule(
    implementation = _sanitized_test_impl,
    doc = "Runs a cc_test rebuilt, with all its dependencies, under ASan and UBSan.",
    attrs = {
        "test": attr.label(mandatory = True, cfg = _sanitize_transition, executable = True),
        "_allowlist_function_transition": attr.label(
            default = "@bazel_tools//tools/allowlists/function_transition_allowlist",
        ),
    },
    test = True,
)

def qrv_cc_test(name, copts = [], deps = [], sanitize = True, **kwargs):
    """A host GoogleTest target, plus `<name>_asan` under ASan and UBSan."""
    native.cc_test(
        name = name,
        copts = QRV_COPTS + copts,
        deps = deps + ["@googletest//:gtest_main"],
        **kwargs
    )
    if sanitize:
        sanitized_test(
            name = name + "_asan",
            test = ":" + name,
            size = kwargs.get("size", "small"),
            tags = kwargs.get("tags", []),
        )
