// mkbootimg: writes a boot image (CPIO newc) from a manifest (manifest.h).
//   mkbootimg --manifest=M --output=OUT.cpio
// Exit status: 0 written, 1 bad manifest or unreadable source, 2 bad flags.
// The output is written to a temporary name and renamed, so a failure never
// leaves a partial archive behind.
#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "absl/flags/flag.h"
#include "absl/flags/parse.h"
#include "absl/flags/usage.h"
#include "absl/strings/str_cat.h"
#include "tools/mkbootimg/manifest.h"
#include "tools/mkbootimg/newc_writer.h"

ABSL_FLAG(std::string, manifest, "", "The manifest: one 'file' or 'dir' member a line.");
ABSL_FLAG(std::string, output, "", "The archive to write.");

namespace {

int fail(const std::string& why, int code = 1) {
  std::fprintf(stderr, "mkbootimg: %s\n", why.c_str());
  return code;
}

int run(int argc, char** argv) {
  absl::SetProgramUsageMessage("Writes a CPIO newc boot image: mkbootimg --manifest=M --output=O");
  std::vector<char*> positional = absl::ParseCommandLine(argc, argv);
  if (positional.size() > 1)
    return fail(absl::StrCat("unexpected argument '", positional[1], "'"), 2);
  const std::string manifest = absl::GetFlag(FLAGS_manifest);
  const std::string output = absl::GetFlag(FLAGS_output);
  if (manifest.empty() || output.empty()) return fail("--manifest and --output are required", 2);

  std::ifstream in(manifest, std::ios::binary);
  if (!in) return fail(absl::StrCat("cannot open manifest ", manifest));
  std::ostringstream text;
  text << in.rdbuf();
  absl::StatusOr<std::vector<qrv::mkbootimg::ManifestLine>> lines =
      qrv::mkbootimg::parse_manifest(text.str());
  if (!lines.ok()) return fail(absl::StrCat(manifest, ": ", lines.status().message()));
  absl::StatusOr<std::vector<qrv::mkbootimg::Member>> members =
      qrv::mkbootimg::load_members(*lines);
  if (!members.ok()) return fail(std::string(members.status().message()));
  absl::StatusOr<std::string> archive = qrv::mkbootimg::write_newc(*members);
  if (!archive.ok()) return fail(std::string(archive.status().message()));

  const std::string tmp = output + ".tmp";
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    out.write(archive->data(), static_cast<std::streamsize>(archive->size()));
    out.close();
    if (!out) {
      std::remove(tmp.c_str());
      return fail(absl::StrCat("cannot write ", output));
    }
  }
  if (std::rename(tmp.c_str(), output.c_str()) != 0) {
    std::remove(tmp.c_str());
    return fail(absl::StrCat("cannot rename ", tmp, " to ", output));
  }
  return 0;
}

}  // namespace

int main(int argc, char** argv) { return run(argc, argv); }
