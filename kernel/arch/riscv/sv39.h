// Sv39 page-table entry layout and address arithmetic (RISC-V privileged
// spec, "Sv39: Page-Based 39-bit Virtual-Memory System", section 4.4 in
// v1.12). Three levels of 512 eight-byte entries; level 2 is the root.
#pragma once

#include <cstdint>

namespace sv39 {

//  63    54 53        28 27        19 18        10 9   8 7 6 5 4 3 2 1 0
// | resvd  |  PPN[2]    |   PPN[1]   |   PPN[0]   | RSW |D|A|G|U|X|W|R|V|
// Bits 63..54 must be zero without the Svnapot/Svpbmt extensions.
inline constexpr uint64_t kV = 1ull << 0;
inline constexpr uint64_t kR = 1ull << 1;
inline constexpr uint64_t kW = 1ull << 2;
inline constexpr uint64_t kX = 1ull << 3;
inline constexpr uint64_t kU = 1ull << 4;
inline constexpr uint64_t kG = 1ull << 5;
inline constexpr uint64_t kA = 1ull << 6;
inline constexpr uint64_t kD = 1ull << 7;
inline constexpr uint64_t kRwx = kR | kW | kX;
inline constexpr uint64_t kFlagsMask = 0x3ff;  // V..D and RSW
inline constexpr uint64_t kRsw = 3ull << 8;     // software bits: kept by protection changes
inline constexpr uint32_t kPpnShift = 10;
inline constexpr uint64_t kPpnMask = (1ull << 44) - 1;

inline constexpr uint32_t kLevels = 3;
inline constexpr uint32_t kRootLevel = 2;
inline constexpr uint32_t kEntries = 512;
inline constexpr uint64_t kMaxPhys = 1ull << 56;  // 44-bit PPN

// Bytes mapped by one entry at `level`: 4 KiB, 2 MiB, 1 GiB.
constexpr uint64_t level_size(uint32_t level) { return 1ull << (12 + 9 * level); }

constexpr uint32_t index(uint64_t va, uint32_t level) {
  return static_cast<uint32_t>((va >> (12 + 9 * level)) & (kEntries - 1));
}

// Sv39 addresses are valid only if bits 63..39 equal bit 38.
constexpr bool canonical(uint64_t va) {
  const uint64_t top = va >> 38;
  return top == 0 || top == (~0ull >> 38);
}

constexpr bool valid(uint64_t pte) { return (pte & kV) != 0; }
// A valid entry with any of R/W/X is a leaf; with none it points to a table.
constexpr bool leaf(uint64_t pte) { return (pte & kRwx) != 0; }
constexpr uint64_t pte_pa(uint64_t pte) { return ((pte >> kPpnShift) & kPpnMask) << 12; }
constexpr uint64_t make_pte(uint64_t pa, uint64_t flags) {
  return ((pa >> 12) << kPpnShift) | flags;
}

}  // namespace sv39
