"""Brings files that Debian packages installed into the build as a repository.

Nothing is downloaded: each file is symlinked from its installed path, and a
missing file fails the fetch with the package that provides it (./bazelw
installs and version-checks the packages before Bazel starts).
"""

def _debian_files_impl(rctx):
    lines = ['package(default_visibility = ["//visibility:public"])', ""]
    for name, path in rctx.attr.files.items():
        if not rctx.path(path).exists:
            fail("%s is missing: install Debian package '%s' (./bazelw does this)" % (path, rctx.attr.package))
        rctx.symlink(path, name)
        lines.append('exports_files(["%s"])' % name)
    rctx.file("WORKSPACE", 'workspace(name = "%s")\n' % rctx.name)
    rctx.file("BUILD", "\n".join(lines) + "\n")

debian_files = repository_rule(
    implementation = _debian_files_impl,
    attrs = {
        "files": attr.string_dict(mandatory = True, doc = "name in the repository -> installed absolute path"),
        "package": attr.string(mandatory = True, doc = "Debian package that installs the files"),
    },
    local = True,
)
