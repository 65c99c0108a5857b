"""Freestanding RISC-V 64 C/C++ toolchain over Debian's riscv64-linux-gnu GCC 12.

The compiler is the Linux cross GCC only because Debian ships C++ headers with
it; nothing of its Linux sysroot is used. -nostdinc plus explicit -isystem
paths keep the host's /usr/include (which this GCC would otherwise search) out.
"""

load("@bazel_tools//tools/build_defs/cc:action_names.bzl", "ACTION_NAMES")
load(
    "@bazel_tools//tools/cpp:cc_toolchain_config_lib.bzl",
    "feature",
    "flag_group",
    "flag_set",
    "tool_path",
)

GCC_VERSION = "12"
TRIPLE = "riscv64-linux-gnu"

# Header directories of the cross compiler that freestanding code may use.
CXX_INCLUDE = "/usr/%s/include/c++/%s" % (TRIPLE, GCC_VERSION)
SYSTEM_INCLUDES = [
    CXX_INCLUDE,
    CXX_INCLUDE + "/" + TRIPLE,
    "/usr/lib/gcc-cross/%s/%s/include" % (TRIPLE, GCC_VERSION),
]

ALL_COMPILE = [
    ACTION_NAMES.assemble,
    ACTION_NAMES.preprocess_assemble,
    ACTION_NAMES.c_compile,
    ACTION_NAMES.cpp_compile,
    ACTION_NAMES.cpp_header_parsing,
    ACTION_NAMES.cpp_module_compile,
]
CXX_COMPILE = [
    ACTION_NAMES.cpp_compile,
    ACTION_NAMES.cpp_header_parsing,
    ACTION_NAMES.cpp_module_compile,
]
C_COMPILE = [ACTION_NAMES.c_compile]
LINK = [
    ACTION_NAMES.cpp_link_executable,
    ACTION_NAMES.cpp_link_dynamic_library,
    ACTION_NAMES.cpp_link_nodeps_dynamic_library,
]

def _impl(ctx):
    shim = ctx.attr.include_shim
    tool_paths = [
        tool_path(name = "gcc", path = "/usr/bin/%s-gcc-%s" % (TRIPLE, GCC_VERSION)),
        tool_path(name = "cpp", path = "/usr/bin/%s-cpp-%s" % (TRIPLE, GCC_VERSION)),
        tool_path(name = "ld", path = "/usr/bin/%s-ld" % TRIPLE),
        tool_path(name = "ar", path = "/usr/bin/%s-ar" % TRIPLE),
        tool_path(name = "nm", path = "/usr/bin/%s-nm" % TRIPLE),
        tool_path(name = "objcopy", path = "/usr/bin/%s-objcopy" % TRIPLE),
        tool_path(name = "objdump", path = "/usr/bin/%s-objdump" % TRIPLE),
        tool_path(name = "strip", path = "/usr/bin/%s-strip" % TRIPLE),
        tool_path(name = "gcov", path = "/usr/bin/%s-gcov-%s" % (TRIPLE, GCC_VERSION)),
    ]

    isystem = []
    for d in SYSTEM_INCLUDES + [shim]:
        isystem += ["-isystem", d]

    compile_flags = feature(
        name = "qrv_compile_flags",
        enabled = True,
        flag_sets = [
            flag_set(
                actions = ALL_COMPILE,
                flag_groups = [flag_group(flags = [
                    "-march=rv64gc",
                    "-mabi=lp64d",
                    "-mcmodel=medany",
                    "-ffreestanding",
                    "-fno-builtin-printf",
                    "-fno-common",
                    "-fno-stack-protector",
                    "-fno-omit-frame-pointer",
                    "-fno-pic",
                    "-ffunction-sections",
                    "-fdata-sections",
                    "-nostdinc",
                ] + isystem + [
                    "-Wall",
                    "-Wextra",
                    "-Wconversion",
                    "-Werror",
                    "-g",
                    "-O2",
                    # Reproducible: no absolute paths or timestamps in objects.
                    "-no-canonical-prefixes",
                    "-fno-canonical-system-headers",
                    "-Wno-builtin-macro-redefined",
                    "-D__DATE__=\"redacted\"",
                    "-D__TIMESTAMP__=\"redacted\"",
                    "-D__TIME__=\"redacted\"",
                ])],
            ),
            flag_set(
                actions = CXX_COMPILE,
                flag_groups = [flag_group(flags = [
                    "-std=c++20",
                    "-fno-exceptions",
                    "-fno-rtti",
                    "-fno-threadsafe-statics",
                    "-fno-use-cxa-atexit",
                    "-fno-asynchronous-unwind-tables",
                ])],
            ),
            flag_set(
                actions = C_COMPILE,
                flag_groups = [flag_group(flags = ["-std=c17"])],
            ),
        ],
    )

    # No crt files, no libc, no libgcc: whatever the image needs, QRV provides.
    link_flags = feature(
        name = "qrv_link_flags",
        enabled = True,
        flag_sets = [flag_set(
            actions = LINK,
            flag_groups = [flag_group(flags = [
                "-march=rv64gc",
                "-mabi=lp64d",
                "-nostdlib",
                "-static",
                "-no-pie",
                "-Wl,--gc-sections",
                "-Wl,--build-id=none",
                "-Wl,--fatal-warnings",
                "-Wl,-z,noexecstack",
                "-Wl,--no-warn-rwx-segments",
            ])],
        )],
    )

    return cc_common.create_cc_toolchain_config_info(
        ctx = ctx,
        toolchain_identifier = "qrv-riscv64-gcc",
        host_system_name = "x86_64-linux-gnu",
        target_system_name = "riscv64-unknown-none",
        target_cpu = "riscv64",
        target_libc = "none",
        compiler = "gcc",
        abi_version = "lp64d",
        abi_libc_version = "none",
        tool_paths = tool_paths,
        cxx_builtin_include_directories = SYSTEM_INCLUDES,
        features = [compile_flags, link_flags],
    )

riscv64_cc_toolchain_config = rule(
    implementation = _impl,
    attrs = {
        "include_shim": attr.string(mandatory = True, doc = "execroot-relative directory of include_shim/"),
    },
    provides = [CcToolchainConfigInfo],
)
