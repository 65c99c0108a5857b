// Strong address types (PhysAddr, VirtAddr) and page-size arithmetic, so a
// physical address can never be passed where a virtual one is expected.
// Kernel direct map (ARCHITECTURE.md): VA = kKernelVirtBase + PA.
#pragma once

#include <compare>
#include <cstdint>

inline constexpr uint64_t kPageShift = 12;
inline constexpr uint64_t kPageSize = uint64_t{1} << kPageShift;  // 4 KiB
inline constexpr uint64_t kMegaPageSize = uint64_t{1} << 21;      // 2 MiB
inline constexpr uint64_t kGigaPageSize = uint64_t{1} << 30;      // 1 GiB
inline constexpr uint64_t kKernelVirtBase = 0xffffffc000000000ull;

constexpr bool is_pow2(uint64_t v) { return v != 0 && (v & (v - 1)) == 0; }
// `align` must be a power of two.
constexpr uint64_t align_down(uint64_t v, uint64_t align) { return v & ~(align - 1); }
constexpr uint64_t align_up(uint64_t v, uint64_t align) { return (v + align - 1) & ~(align - 1); }
constexpr bool is_aligned(uint64_t v, uint64_t align) { return (v & (align - 1)) == 0; }

// CRTP base: an address with ordering and offset arithmetic, but no implicit
// conversion to or from integers or the other address kind.
template <typename Self>
class AddrBase {
 public:
  constexpr AddrBase() = default;
  constexpr explicit AddrBase(uint64_t v) : value_(v) {}
  constexpr uint64_t value() const { return value_; }
  constexpr bool is_null() const { return value_ == 0; }
  constexpr Self operator+(uint64_t off) const { return Self(value_ + off); }
  constexpr Self operator-(uint64_t off) const { return Self(value_ - off); }
  constexpr uint64_t operator-(Self other) const { return value_ - other.value_; }
  constexpr bool aligned(uint64_t align) const { return is_aligned(value_, align); }
  friend constexpr auto operator<=>(const AddrBase&, const AddrBase&) = default;

 private:
  uint64_t value_ = 0;
};

class PhysAddr : public AddrBase<PhysAddr> {
 public:
  using AddrBase::AddrBase;
  friend constexpr bool operator==(PhysAddr a, PhysAddr b) { return a.value() == b.value(); }
  friend constexpr auto operator<=>(PhysAddr a, PhysAddr b) { return a.value() <=> b.value(); }
};

class VirtAddr : public AddrBase<VirtAddr> {
 public:
  using AddrBase::AddrBase;
  friend constexpr bool operator==(VirtAddr a, VirtAddr b) { return a.value() == b.value(); }
  friend constexpr auto operator<=>(VirtAddr a, VirtAddr b) { return a.value() <=> b.value(); }
};

// The kernel direct map. Valid on the board only (host tests simulate
// physical memory with their own translation, see kernel/arch/host).
constexpr VirtAddr direct_map(PhysAddr pa) { return VirtAddr(pa.value() + kKernelVirtBase); }
