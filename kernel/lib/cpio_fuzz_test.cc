// Cpio reader under seeded mutation: thousands of corrupted, truncated and
// spliced variants of a valid archive, each in an exactly sized buffer. Under
// the _asan twin any read outside it fails the test; every accepted variant
// must also iterate, look up and report entries that lie inside the buffer.
#include <algorithm>
#include <cstdint>
#include <memory>
#include <random>
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "kernel/lib/cpio.h"
#include "kernel/lib/testdata/cpio_builder.h"

namespace {

std::vector<uint8_t> seed_archive() {
  cpio_test::CpioBuilder b;
  b.dir(".");
  b.dir("bin");
  b.file("bin/init",
         std::string("\x7f"
                     "ELF") +
             std::string(61, '\x01'),
         0100755);
  b.file("./bin/taskman", std::string(300, 't'), 0100755);
  b.file("etc/rc", "echo hi\n");
  b.file("empty", "");
  cpio_test::Member crc;
  crc.name = "crc";
  crc.magic = "070702";
  crc.data = "sum";
  b.add(crc);
  b.trailer();
  return b.bytes();
}

// Reads every byte the reader hands out, so ASan sees each one.
uint32_t touch(const CpioEntry& e) {
  uint32_t sum = 0;
  for (uint32_t i = 0; i <= e.name_len; ++i) sum += static_cast<uint8_t>(e.name[i]);
  for (uint32_t i = 0; i < e.size; ++i) sum += e.data[i];
  return sum;
}

// Opens a copy in a buffer of exactly `v.size()` bytes and exercises the reader.
void exercise(const std::vector<uint8_t>& v, uint32_t* accepted) {
  std::unique_ptr<uint8_t[]> buf(new uint8_t[v.size()]);
  std::copy(v.begin(), v.end(), buf.get());
  const uint8_t* lo = buf.get();
  const uint8_t* hi = lo + v.size();
  CpioOr<Cpio> c = Cpio::open(buf.get(), v.size());
  if (!c.ok()) {
    ASSERT_NE(c.status, CpioStatus::kNotFound);
    return;
  }
  ++*accepted;
  ASSERT_LE(c.value.entry_count(), kCpioMaxEntries);
  ASSERT_LE(c.value.used_size(), v.size());
  uint32_t seen = 0;
  volatile uint32_t sink = 0;
  const CpioStatus st = c.value.for_each([&](const CpioEntry& e) {
    EXPECT_GE(reinterpret_cast<const uint8_t*>(e.name), lo);
    EXPECT_LT(reinterpret_cast<const uint8_t*>(e.name) + e.name_len, hi);
    EXPECT_EQ(e.name[e.name_len], '\0');
    EXPECT_LE(e.name_len, kCpioMaxNameLength);
    EXPECT_GE(e.data, lo);
    EXPECT_LE(e.data + e.size, hi);
    sink = sink + touch(e);
    ++seen;
    return true;
  });
  EXPECT_EQ(st, CpioStatus::kOk);
  EXPECT_EQ(seen, c.value.entry_count());
  for (const char* q : {"bin/init", "/bin/taskman", "etc/rc", "empty", "crc", "nope", ""}) {
    CpioOr<CpioEntry> e = c.value.find(q);
    ASSERT_TRUE(e.ok() || e.status == CpioStatus::kNotFound) << cpio_status_name(e.status);
    if (e.ok()) sink = sink + touch(e.value);
  }
}

std::vector<uint8_t> mutate(const std::vector<uint8_t>& base, std::mt19937& rng) {
  std::vector<uint8_t> v = base;
  auto pick = [&](size_t n) { return std::uniform_int_distribution<size_t>(0, n - 1)(rng); };
  static const char kInteresting[] = "0123456789abcdefABCDEF\0\x7f\xff 070701TRAILER!!!";
  const int steps = 1 + static_cast<int>(pick(4));
  for (int s = 0; s < steps && !v.empty(); ++s) {
    switch (pick(7)) {
      case 0:  // flip a bit
        v[pick(v.size())] ^= static_cast<uint8_t>(1u << pick(8));
        break;
      case 1:  // a random byte
        v[pick(v.size())] = static_cast<uint8_t>(pick(256));
        break;
      case 2:  // a byte that keeps hex fields hex, or breaks them interestingly
        v[pick(v.size())] = static_cast<uint8_t>(kInteresting[pick(sizeof(kInteresting) - 1)]);
        break;
      case 3:  // truncate
        v.resize(pick(v.size() + 1));
        break;
      case 4: {  // a header field set to a random or extreme 8-digit value
        const size_t header = pick(v.size()) & ~size_t{3};
        const size_t field = 6 + 8 * pick(13);
        const uint32_t values[] = {0,
                                   1,
                                   0xffffffffu,
                                   0x7fffffffu,
                                   static_cast<uint32_t>(rng()),
                                   static_cast<uint32_t>(pick(512))};
        const std::string hex = cpio_test::hex8(values[pick(6)]);
        for (size_t i = 0; i < 8 && header + field + i < v.size(); ++i) {
          v[header + field + i] = static_cast<uint8_t>(hex[i]);
        }
        break;
      }
      case 5: {  // delete a run
        const size_t at = pick(v.size());
        const size_t n = std::min(v.size() - at, 1 + pick(16));
        v.erase(v.begin() + static_cast<ptrdiff_t>(at), v.begin() + static_cast<ptrdiff_t>(at + n));
        break;
      }
      case 6: {  // duplicate a run (splices headers into odd places)
        const size_t at = pick(v.size());
        const size_t n = std::min(v.size() - at, 1 + pick(128));
        std::vector<uint8_t> run(v.begin() + static_cast<ptrdiff_t>(at),
                                 v.begin() + static_cast<ptrdiff_t>(at + n));
        v.insert(v.begin() + static_cast<ptrdiff_t>(pick(v.size() + 1)), run.begin(), run.end());
        break;
      }
    }
  }
  return v;
}

TEST(CpioFuzzTest, SeedIsValid) {
  const std::vector<uint8_t> v = seed_archive();
  CpioOr<Cpio> c = Cpio::open(v.data(), v.size());
  ASSERT_TRUE(c.ok()) << cpio_status_name(c.status);
  EXPECT_EQ(c.value.entry_count(), 7u);
}

TEST(CpioFuzzTest, MutatedArchivesNeverReadOutOfBounds) {
  const std::vector<uint8_t> base = seed_archive();
  std::mt19937 rng(20261202);
  uint32_t accepted = 0;
  constexpr int kIterations = 20000;
  for (int i = 0; i < kIterations; ++i) {
    exercise(mutate(base, rng), &accepted);
    if (HasFatalFailure()) return;
  }
  // Some mutations land in data bytes and keep the archive valid; most do not.
  EXPECT_GT(accepted, 0u);
  EXPECT_LT(accepted, static_cast<uint32_t>(kIterations));
}

TEST(CpioFuzzTest, EveryPrefixAndEverySingleByteValue) {
  const std::vector<uint8_t> base = seed_archive();
  uint32_t accepted = 0;
  for (size_t len = 0; len <= base.size(); ++len) {
    exercise(std::vector<uint8_t>(base.begin(), base.begin() + static_cast<ptrdiff_t>(len)),
             &accepted);
  }
  // Every position of the first two headers, set to every byte value.
  for (size_t pos = 0; pos < 2 * cpio_test::kHeader; ++pos) {
    for (int b = 0; b < 256; ++b) {
      std::vector<uint8_t> v = base;
      v[pos] = static_cast<uint8_t>(b);
      exercise(v, &accepted);
    }
  }
  EXPECT_GT(accepted, 0u);
}

}  // namespace
