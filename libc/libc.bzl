"""libc_library: a piece of QRV's libc, built for the board and for host tests.

-fno-builtin and -fno-tree-loop-distribute-patterns keep GCC from turning
libc's own loops into calls to memcpy/memset (on the board that is infinite
recursion; on the host it would silently test glibc instead of QRV).
"""

load("@bazel_tools//tools/cpp:toolchain_utils.bzl", "find_cpp_toolchain")
load("//toolchains:cc.bzl", "qrv_cc_library")

LIBC_COPTS = [
    "-fno-builtin",
    "-fno-tree-loop-distribute-patterns",
]

def libc_library(name, copts = [], visibility = ["//libc:__subpackages__"], **kwargs):
    qrv_cc_library(
        name = name,
        copts = LIBC_COPTS + copts,
        visibility = visibility,
        **kwargs
    )

def _libc_archive_impl(ctx):
    cc_toolchain = find_cpp_toolchain(ctx)
    archives = []
    for dep in ctx.attr.deps:
        for linker_input in dep[CcInfo].linking_context.linker_inputs.to_list():
            for lib in linker_input.libraries:
                archive = lib.static_library or lib.pic_static_library
                if archive != None and archive not in archives:
                    archives.append(archive)
    out = ctx.actions.declare_file(ctx.attr.out)

    # An ar MRI script merges the archives, keeping members whose names repeat.
    script = ctx.actions.declare_file(ctx.label.name + ".mri")
    ctx.actions.write(
        output = script,
        content = "CREATE {}\n{}SAVE\nEND\n".format(
            out.path,
            "".join(["ADDLIB {}\n".format(a.path) for a in archives]),
        ),
    )
    ctx.actions.run_shell(
        inputs = depset([script] + archives, transitive = [cc_toolchain.all_files]),
        outputs = [out],
        command = "{} -M < {}".format(cc_toolchain.ar_executable, script.path),
        mnemonic = "LibcArchive",
        progress_message = "Merging %s" % out.short_path,
    )
    return [DefaultInfo(files = depset([out]))]

libc_archive = rule(
    implementation = _libc_archive_impl,
    doc = "Merges the static archives of `deps` (transitively) into one archive.",
    attrs = {
        "deps": attr.label_list(providers = [CcInfo]),
        "out": attr.string(mandatory = True),
        "_cc_toolchain": attr.label(default = "@bazel_tools//tools/cpp:current_cc_toolchain"),
    },
    toolchains = ["@bazel_tools//tools/cpp:toolchain_type"],
    fragments = ["cpp"],
)
