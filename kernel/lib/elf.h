// ELF64 executable reader for loading user programs (RISC-V, little-endian,
// ET_EXEC, static). The image is untrusted: elf_parse validates every header
// field and every segment against the file size and the user address range
// before anything is mapped, and returns an error value, never a fault.
#pragma once

#include <cstddef>
#include <cstdint>

enum class ElfStatus : uint8_t {
  kOk,
  kTooSmall,            // shorter than an ELF header
  kBadMagic,            // not \x7fELF
  kNotElf64,            // EI_CLASS is not ELFCLASS64
  kNotLittleEndian,     // EI_DATA is not ELFDATA2LSB
  kBadVersion,          // EI_VERSION / e_version not EV_CURRENT
  kNotExecutable,       // e_type is not ET_EXEC
  kWrongMachine,        // e_machine is not EM_RISCV
  kBadHeaderSize,       // e_ehsize / e_phentsize not the ELF64 sizes
  kPhdrsOutOfFile,      // program header table not inside the file
  kTooManySegments,     // more PT_LOAD segments than kElfMaxSegments
  kSegmentOutOfFile,    // p_offset + p_filesz beyond the file
  kSegmentFileTooBig,   // p_filesz > p_memsz
  kSegmentBadAlign,     // p_align not a power of two, or vaddr/offset disagree modulo it
  kSegmentOutOfRange,   // segment not inside [user_lo, user_hi)
  kSegmentsOverlap,     // two PT_LOAD segments share a page
  kNoLoadableSegment,   // nothing to load
  kEntryNotExecutable,  // e_entry outside every executable segment
  kSegmentWritableExecutable,  // W+X segment (QRV maps nothing W+X)
};

const char* elf_status_name(ElfStatus s);

inline constexpr uint32_t kElfMaxSegments = 8;

// Segment permissions (PF_X = 1, PF_W = 2, PF_R = 4 in the ELF spec).
inline constexpr uint32_t kElfProtRead = 4;
inline constexpr uint32_t kElfProtWrite = 2;
inline constexpr uint32_t kElfProtExec = 1;

struct ElfSegment {
  uint64_t vaddr;        // where the segment starts in the program's memory
  uint64_t memsz;        // bytes in memory (tail beyond filesz is zero)
  uint64_t file_offset;  // where its bytes start in the file
  uint64_t filesz;       // bytes taken from the file
  uint32_t prot;         // kElfProt* bits
};

struct ElfImage {
  uint64_t entry;
  uint32_t segment_count;
  ElfSegment segments[kElfMaxSegments];
};

// Reads `size` bytes at `data`. Segments must lie inside [user_lo, user_hi).
ElfStatus elf_parse(const void* data, size_t size, uint64_t user_lo, uint64_t user_hi,
                    ElfImage& out);
