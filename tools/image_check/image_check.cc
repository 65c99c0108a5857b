// image_check: a board's kernel image checked without hardware (the test
// behind //platforms/<board>:image_test). Reads the ELF, the raw image, the
// linker script and the generated board facts; prints what it found and
// every problem. Exit: 0 good, 1 problems, 2 bad arguments or unreadable files.
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <map>
#include <sstream>
#include <string>

#include "tools/image_check/kernel_image.h"

namespace {

bool read(const std::string& path, std::string* out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::stringstream ss;
  ss << in.rdbuf();
  *out = ss.str();
  return true;
}

int usage(const char* why) {
  std::fprintf(stderr,
               "image_check: %s\nusage: image_check --elf=F --bin=F --ld=F --board_info=F "
               "--ram_base=0x.. --kernel_load=0x.. --max_size=N\n",
               why);
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  std::map<std::string, std::string> flags;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    size_t eq = a.find('=');
    if (a.rfind("--", 0) != 0 || eq == std::string::npos) return usage("bad argument");
    flags[a.substr(2, eq - 2)] = a.substr(eq + 1);
  }
  for (const char* k : {"elf", "bin", "ld", "board_info", "ram_base", "kernel_load", "max_size"}) {
    if (flags[k].empty()) return usage("missing flag");
  }
  std::string elf, bin, ld, board_info;
  if (!read(flags["elf"], &elf) || !read(flags["bin"], &bin) || !read(flags["ld"], &ld) ||
      !read(flags["board_info"], &board_info)) {
    return usage("cannot read an input file");
  }
  qrv::image_check::Expected want;
  want.ram_base = std::strtoull(flags["ram_base"].c_str(), nullptr, 0);
  want.kernel_load = std::strtoull(flags["kernel_load"].c_str(), nullptr, 0);
  want.max_size = std::strtoull(flags["max_size"].c_str(), nullptr, 0);
  qrv::image_check::Report r = qrv::image_check::check_kernel_image(elf, bin, want);

  // The linker script and the kernel's board facts carry the same load address.
  const std::string load_ld = "KERNEL_LOAD_PA = " + flags["kernel_load"] + ";";
  if (ld.find(load_ld) == std::string::npos) r.problems.push_back("kernel.ld lacks '" + load_ld + "'");
  const std::string load_cc = ".kernel_load = " + flags["kernel_load"] + "ull,";
  if (board_info.find(load_cc) == std::string::npos) {
    r.problems.push_back("board_info.cc lacks '" + load_cc + "'");
  }
  const std::string ram_cc = ".ram_base = " + flags["ram_base"] + "ull,";
  if (board_info.find(ram_cc) == std::string::npos) {
    r.problems.push_back("board_info.cc lacks '" + ram_cc + "'");
  }

  std::printf("image_check: %s: entry 0x%llx, loads at 0x%llx, %llu bytes in the image, %llu in memory\n",
              flags["bin"].c_str(), static_cast<unsigned long long>(r.entry),
              static_cast<unsigned long long>(r.load), static_cast<unsigned long long>(r.file_bytes),
              static_cast<unsigned long long>(r.mem_bytes));
  for (const std::string& p : r.problems) std::printf("image_check: FAIL: %s\n", p.c_str());
  if (r.problems.empty()) std::printf("image_check: PASS\n");
  return r.problems.empty() ? 0 : 1;
}
