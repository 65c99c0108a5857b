// ELF64 validation, field by field, with overflow-safe range arithmetic.
// Reads the file with byte loads (no alignment assumed of the buffer).
#include "kernel/lib/elf.h"

namespace {
constexpr uint16_t kEtExec = 2;
constexpr uint16_t kEmRiscv = 243;
constexpr uint32_t kPtLoad = 1;
constexpr size_t kEhdrSize = 64;
constexpr size_t kPhdrSize = 56;
constexpr uint64_t kPage = 4096;

uint64_t read_le(const uint8_t* p, int bytes) {
  uint64_t v = 0;
  for (int i = bytes - 1; i >= 0; --i) {
    v = (v << 8) | p[i];
  }
  return v;
}

// [off, off + len) inside [0, size) without overflow.
bool in_bounds(uint64_t off, uint64_t len, uint64_t size) { return off <= size && len <= size - off; }

bool is_pow2_or_zero(uint64_t v) { return (v & (v - 1)) == 0; }
}  // namespace

const char* elf_status_name(ElfStatus s) {
  switch (s) {
    case ElfStatus::kOk: return "ok";
    case ElfStatus::kTooSmall: return "file smaller than an ELF header";
    case ElfStatus::kBadMagic: return "bad ELF magic";
    case ElfStatus::kNotElf64: return "not a 64-bit ELF";
    case ElfStatus::kNotLittleEndian: return "not little-endian";
    case ElfStatus::kBadVersion: return "bad ELF version";
    case ElfStatus::kNotExecutable: return "not an executable (ET_EXEC)";
    case ElfStatus::kWrongMachine: return "not a RISC-V ELF";
    case ElfStatus::kBadHeaderSize: return "bad header or program header size";
    case ElfStatus::kPhdrsOutOfFile: return "program headers outside the file";
    case ElfStatus::kTooManySegments: return "too many loadable segments";
    case ElfStatus::kSegmentOutOfFile: return "segment data outside the file";
    case ElfStatus::kSegmentFileTooBig: return "segment file size exceeds memory size";
    case ElfStatus::kSegmentBadAlign: return "segment alignment inconsistent";
    case ElfStatus::kSegmentOutOfRange: return "segment outside the user address range";
    case ElfStatus::kSegmentsOverlap: return "segments overlap";
    case ElfStatus::kNoLoadableSegment: return "no loadable segment";
    case ElfStatus::kEntryNotExecutable: return "entry point not in an executable segment";
    case ElfStatus::kSegmentWritableExecutable: return "segment both writable and executable";
  }
  return "unknown ELF status";
}

ElfStatus elf_parse(const void* data, size_t size, uint64_t user_lo, uint64_t user_hi,
                    ElfImage& out) {
  const auto* f = static_cast<const uint8_t*>(data);
  out.entry = 0;
  out.segment_count = 0;
  if (size < kEhdrSize) return ElfStatus::kTooSmall;
  if (f[0] != 0x7f || f[1] != 'E' || f[2] != 'L' || f[3] != 'F') return ElfStatus::kBadMagic;
  if (f[4] != 2) return ElfStatus::kNotElf64;
  if (f[5] != 1) return ElfStatus::kNotLittleEndian;
  if (f[6] != 1 || read_le(f + 20, 4) != 1) return ElfStatus::kBadVersion;
  if (read_le(f + 16, 2) != kEtExec) return ElfStatus::kNotExecutable;
  if (read_le(f + 18, 2) != kEmRiscv) return ElfStatus::kWrongMachine;
  if (read_le(f + 52, 2) != kEhdrSize || read_le(f + 54, 2) != kPhdrSize) {
    return ElfStatus::kBadHeaderSize;
  }
  const uint64_t entry = read_le(f + 24, 8);
  const uint64_t phoff = read_le(f + 32, 8);
  const uint64_t phnum = read_le(f + 56, 2);
  if (!in_bounds(phoff, phnum * kPhdrSize, size)) return ElfStatus::kPhdrsOutOfFile;

  for (uint64_t i = 0; i < phnum; ++i) {
    const uint8_t* ph = f + phoff + i * kPhdrSize;
    if (read_le(ph, 4) != kPtLoad) continue;
    const uint32_t flags = static_cast<uint32_t>(read_le(ph + 4, 4));
    const uint64_t offset = read_le(ph + 8, 8);
    const uint64_t vaddr = read_le(ph + 16, 8);
    const uint64_t filesz = read_le(ph + 32, 8);
    const uint64_t memsz = read_le(ph + 40, 8);
    const uint64_t align = read_le(ph + 48, 8);
    if (memsz == 0) continue;
    if (out.segment_count == kElfMaxSegments) return ElfStatus::kTooManySegments;
    if (!in_bounds(offset, filesz, size)) return ElfStatus::kSegmentOutOfFile;
    if (filesz > memsz) return ElfStatus::kSegmentFileTooBig;
    if (!is_pow2_or_zero(align) || (align > 1 && (vaddr - offset) % align != 0)) {
      return ElfStatus::kSegmentBadAlign;
    }
    if (vaddr < user_lo || vaddr >= user_hi || memsz > user_hi - vaddr) {
      return ElfStatus::kSegmentOutOfRange;
    }
    const uint32_t prot = flags & (kElfProtRead | kElfProtWrite | kElfProtExec);
    if ((prot & kElfProtWrite) && (prot & kElfProtExec)) return ElfStatus::kSegmentWritableExecutable;
    // Segments are mapped by whole pages: no two may touch the same page.
    const uint64_t first = vaddr / kPage;
    const uint64_t last = (vaddr + memsz - 1) / kPage;
    for (uint32_t j = 0; j < out.segment_count; ++j) {
      const ElfSegment& o = out.segments[j];
      const uint64_t ofirst = o.vaddr / kPage;
      const uint64_t olast = (o.vaddr + o.memsz - 1) / kPage;
      if (first <= olast && ofirst <= last) return ElfStatus::kSegmentsOverlap;
    }
    out.segments[out.segment_count++] = ElfSegment{vaddr, memsz, offset, filesz, prot};
  }
  if (out.segment_count == 0) return ElfStatus::kNoLoadableSegment;
  bool entry_ok = false;
  for (uint32_t j = 0; j < out.segment_count; ++j) {
    const ElfSegment& s = out.segments[j];
    if ((s.prot & kElfProtExec) && entry >= s.vaddr && entry - s.vaddr < s.memsz) entry_ok = true;
  }
  if (!entry_ok) {
    out.segment_count = 0;
    return ElfStatus::kEntryNotExecutable;
  }
  out.entry = entry;
  return ElfStatus::kOk;
}
