// elfcorpus KIND IN OUT: writes a malformed copy of the static RISC-V
// executable IN, broken in one way (KIND), for the ENOEXEC corpus of the
// test boot image: taskman must refuse every one of them, and neither it nor
// the kernel may fault on any. A host tool; IN is trusted (our own build).
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

namespace {

template <typename T>
void put(std::vector<uint8_t>& f, size_t at, T v) {
  std::memcpy(f.data() + at, &v, sizeof v);
}
template <typename T>
T get(const std::vector<uint8_t>& f, size_t at) {
  T v;
  std::memcpy(&v, f.data() + at, sizeof v);
  return v;
}

constexpr size_t kEntry = 24, kPhoff = 32, kPhnum = 56, kType = 16, kMachine = 18;
constexpr size_t kPhSize = 56, kPFlags = 4, kPOffset = 8, kPVaddr = 16, kPPaddr = 24, kPFilesz = 32,
                 kPMemsz = 40;

// Offsets of the PT_LOAD program headers.
std::vector<size_t> loads(const std::vector<uint8_t>& f) {
  std::vector<size_t> out;
  const uint64_t phoff = get<uint64_t>(f, kPhoff);
  const uint16_t phnum = get<uint16_t>(f, kPhnum);
  for (uint16_t i = 0; i < phnum; ++i) {
    const size_t at = phoff + i * kPhSize;
    if (at + kPhSize <= f.size() && get<uint32_t>(f, at) == 1) out.push_back(at);
  }
  return out;
}

bool mutate(const std::string& kind, std::vector<uint8_t>& f) {
  const std::vector<size_t> l = loads(f);
  if (l.size() < 2) return false;
  const size_t first = l[0];
  if (kind == "truncated") {
    f.resize(40);
  } else if (kind == "magic") {
    f[1] = 'X';
  } else if (kind == "type") {
    put<uint16_t>(f, kType, 3);  // ET_DYN
  } else if (kind == "machine") {
    put<uint16_t>(f, kMachine, 62);  // x86-64
  } else if (kind == "phoff") {
    put<uint64_t>(f, kPhoff, f.size() + 4096);
  } else if (kind == "phnum") {
    put<uint16_t>(f, kPhnum, 0xffff);
  } else if (kind == "seg_file") {
    put<uint64_t>(f, first + kPOffset, f.size());
  } else if (kind == "filesz") {
    put<uint64_t>(f, first + kPFilesz, get<uint64_t>(f, first + kPMemsz) + 4096);
  } else if (kind == "overlap") {
    put<uint64_t>(f, l[1] + kPVaddr, get<uint64_t>(f, first + kPVaddr));
    put<uint64_t>(f, l[1] + kPPaddr, get<uint64_t>(f, first + kPPaddr));
  } else if (kind == "kernel") {
    put<uint64_t>(f, first + kPVaddr, 0xffffffc080200000ull);
  } else if (kind == "entry") {
    put<uint64_t>(f, kEntry, 0x10);
  } else if (kind == "wx") {
    put<uint32_t>(f, first + kPFlags, 7);
  } else if (kind == "huge") {
    put<uint64_t>(f, first + kPMemsz, uint64_t{1} << 40);
  } else {
    return false;
  }
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 4) {
    std::fprintf(stderr, "usage: elfcorpus KIND IN OUT\n");
    return 2;
  }
  std::ifstream in(argv[2], std::ios::binary);
  std::vector<uint8_t> f((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (f.size() < 64 || !mutate(argv[1], f)) {
    std::fprintf(stderr, "elfcorpus: cannot make '%s' from %s\n", argv[1], argv[2]);
    return 1;
  }
  std::ofstream out(argv[3], std::ios::binary);
  out.write(reinterpret_cast<const char*>(f.data()), static_cast<std::streamsize>(f.size()));
  return out ? 0 : 1;
}
