// _PROC_SPAWN checking and the initial stack, on the host: well-formed
// messages, every malformation, random bytes, and the stack layout.
#include "taskman/spawn_args.h"

#include <errno.h>
#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

namespace taskman {
namespace {

std::vector<uint8_t> message(const std::vector<std::string>& strings, uint32_t argc, uint32_t envc) {
  std::string blob;
  for (const std::string& s : strings) blob += s + '\0';
  struct _proc_spawn m = {};
  m.hdr = {_PROC_SPAWN, 0, static_cast<uint32_t>(sizeof m + blob.size())};
  m.argc = argc;
  m.envc = envc;
  m.strings_len = static_cast<uint32_t>(blob.size());
  std::vector<uint8_t> out(sizeof m + blob.size());
  memcpy(out.data(), &m, sizeof m);
  memcpy(out.data() + sizeof m, blob.data(), blob.size());
  return out;
}

struct _proc_spawn* head(std::vector<uint8_t>& m) { return reinterpret_cast<struct _proc_spawn*>(m.data()); }

// The same with descriptors between the header and the strings.
std::vector<uint8_t> with_fds(const std::vector<struct _proc_spawn_fd>& fds, const std::vector<std::string>& strings,
                              uint32_t argc) {
  std::vector<uint8_t> m = message(strings, argc, 0);
  const size_t n = fds.size() * sizeof(struct _proc_spawn_fd);
  m.insert(m.begin() + sizeof(struct _proc_spawn), n, 0);
  memcpy(m.data() + sizeof(struct _proc_spawn), fds.data(), n);
  head(m)->nfds = static_cast<uint32_t>(fds.size());
  head(m)->hdr.size = static_cast<uint32_t>(m.size());
  return m;
}

TEST(SpawnArgsTest, DescriptorsBeforeTheStrings) {
  SpawnArgs a;
  std::vector<uint8_t> m = with_fds({{0, 3, 7, 1}, {1, 3, 7, 1}, {63, 9, 1, 1}}, {"/p", "x"}, 1);
  ASSERT_EQ(spawn_args_parse(m.data(), m.size(), &a), 0);
  ASSERT_EQ(a.msg->nfds, 3u);
  EXPECT_EQ(a.fds[2].fd, 63);
  EXPECT_EQ(a.fds[2].src_coid, 9);
  EXPECT_STREQ(a.path, "/p");
  EXPECT_STREQ(a.argv, "x");
  const std::vector<std::vector<struct _proc_spawn_fd>> bad = {
      {{0, 3, 7, 1}, {0, 4, 7, 1}},  // the same child fd twice
      {{64, 3, 7, 1}},               // past the fd range
      {{-1, 3, 7, 1}},
      {{0, 64, 7, 1}},               // a source that is no fd
      {{0, 0x40000000, 7, 1}},       // a side channel (taskman's) as the source
      {{0, 3, 0, 1}},                // no server
      {{0, 3, 7, 0}},                // no channel
  };
  for (const auto& fds : bad) {
    m = with_fds(fds, {"/p", "x"}, 1);
    EXPECT_EQ(spawn_args_parse(m.data(), m.size(), &a), -EINVAL) << fds[0].fd << " " << fds[0].src_coid;
  }
  m = with_fds({{0, 3, 7, 1}}, {"/p", "x"}, 1);
  head(m)->nfds = 65;
  EXPECT_EQ(spawn_args_parse(m.data(), m.size(), &a), -EINVAL) << "more descriptors than fds";
  head(m)->nfds = 2;
  EXPECT_EQ(spawn_args_parse(m.data(), m.size(), &a), -EINVAL) << "descriptors eating the strings";
  head(m)->nfds = 1000000;
  EXPECT_EQ(spawn_args_parse(m.data(), m.size(), &a), -EINVAL) << "an absurd count";
}

TEST(SpawnArgsTest, AWellFormedMessage) {
  std::vector<uint8_t> m = message({"/proc/boot/x", "x", "-v", "A=1"}, 2, 1);
  SpawnArgs a;
  ASSERT_EQ(spawn_args_parse(m.data(), m.size(), &a), 0);
  EXPECT_STREQ(a.path, "/proc/boot/x");
  EXPECT_STREQ(a.argv, "x");
  EXPECT_STREQ(a.envp, "A=1");
  EXPECT_EQ(spawn_boot_name(a.path), std::string("x"));
}

TEST(SpawnArgsTest, EveryMalformationIsRefused) {
  SpawnArgs a;
  std::vector<uint8_t> m = message({"/p", "x"}, 1, 0);
  EXPECT_EQ(spawn_args_parse(m.data(), m.size() - 1, &a), -EINVAL) << "size disagrees with the header";
  EXPECT_EQ(spawn_args_parse(m.data(), 8, &a), -EINVAL) << "shorter than the struct";
  m = message({"/p", "x"}, 2, 0);
  EXPECT_EQ(spawn_args_parse(m.data(), m.size(), &a), -EINVAL) << "fewer strings than announced";
  m = message({"/p", "x", "y"}, 1, 0);
  EXPECT_EQ(spawn_args_parse(m.data(), m.size(), &a), -EINVAL) << "more strings than announced";
  m = message({"/p", "x"}, 1, 0);
  m.back() = 'z';
  EXPECT_EQ(spawn_args_parse(m.data(), m.size(), &a), -EINVAL) << "a string without its NUL";
  m = message({"", "x"}, 1, 0);
  EXPECT_EQ(spawn_args_parse(m.data(), m.size(), &a), -EINVAL) << "an empty path";
  m = message({"/p"}, 0, 0);
  head(m)->flags = 0x100;
  EXPECT_EQ(spawn_args_parse(m.data(), m.size(), &a), -EINVAL) << "unknown flags";
  m = message({"/p"}, 0, 0);
  head(m)->argc = 5000;
  EXPECT_EQ(spawn_args_parse(m.data(), m.size(), &a), -E2BIG);
  m = message({"/p"}, 0, 0);
  head(m)->envc = 0xffffffff;
  EXPECT_EQ(spawn_args_parse(m.data(), m.size(), &a), -E2BIG) << "argc + envc must not wrap";
  m = message({"/p"}, 0, 0);
  head(m)->hdr.type = _PROC_WAIT;
  EXPECT_EQ(spawn_args_parse(m.data(), m.size(), &a), -EINVAL);
  m = message({"/p"}, 0, 0);
  head(m)->flags = _PROC_SPAWN_SETPGROUP;
  head(m)->pgroup = -3;
  EXPECT_EQ(spawn_args_parse(m.data(), m.size(), &a), -EINVAL);
  const struct {
    int32_t policy, priority;
    int want;
  } kSched[] = {{QRV_SCHED_FIFO, 1, 0},  {QRV_SCHED_RR, 255, 0}, {QRV_SCHED_OTHER, 10, 0}, {QRV_SCHED_RR, 0, -EINVAL},
                {QRV_SCHED_RR, 256, -EINVAL}, {7, 10, -EINVAL},   {-1, 10, -EINVAL}};
  for (const auto& s : kSched) {
    m = message({"/p", "x"}, 1, 0);
    head(m)->flags = _PROC_SPAWN_SETSCHED;
    head(m)->sched_policy = s.policy;
    head(m)->sched_priority = s.priority;
    EXPECT_EQ(spawn_args_parse(m.data(), m.size(), &a), s.want) << "policy " << s.policy << " priority " << s.priority;
  }
}

TEST(SpawnArgsTest, RandomBytesNeverPassUnchecked) {
  std::mt19937 rng(7);
  const std::vector<uint8_t> good = message({"/proc/boot/a", "a", "b", "E=1"}, 2, 1);
  for (int i = 0; i < 20000; ++i) {
    std::vector<uint8_t> m = good;
    for (int k = 0; k < 1 + static_cast<int>(rng() % 4); ++k) m[rng() % m.size()] = static_cast<uint8_t>(rng());
    SpawnArgs a;
    if (spawn_args_parse(m.data(), m.size(), &a) == 0) {
      // Accepted: every string it announced lies inside the message.
      EXPECT_LE(reinterpret_cast<const uint8_t*>(a.end), m.data() + m.size());
      EXPECT_GE(reinterpret_cast<const uint8_t*>(a.path), m.data() + sizeof(struct _proc_spawn));
    }
  }
}

TEST(SpawnArgsTest, BootNames) {
  EXPECT_EQ(spawn_boot_name("/proc/boot/"), nullptr);
  EXPECT_EQ(spawn_boot_name("/proc/boot/a/b"), nullptr);
  EXPECT_EQ(spawn_boot_name("/bin/sh"), nullptr);
  EXPECT_EQ(spawn_boot_name("proc/boot/x"), nullptr);
}

TEST(SpawnArgsTest, TheStackIsSystemVShaped) {
  std::vector<uint8_t> m = message({"/proc/boot/x", "x", "yz", "A=1"}, 2, 1);
  SpawnArgs a;
  ASSERT_EQ(spawn_args_parse(m.data(), m.size(), &a), 0);
  constexpr uint64_t kTop = 0x2000000000ull, kSize = 4096;
  std::vector<uint8_t> mem(kSize);
  const uint64_t sp = spawn_build_stack(mem.data(), kTop, kSize, a, 0x10078);
  ASSERT_NE(sp, 0u);
  EXPECT_EQ(sp % 16, 0u);
  auto word = [&](uint64_t va) {
    uint64_t v;
    memcpy(&v, mem.data() + (va - (kTop - kSize)), 8);
    return v;
  };
  auto str = [&](uint64_t va) { return std::string(reinterpret_cast<const char*>(mem.data() + (va - (kTop - kSize)))); };
  EXPECT_EQ(word(sp), 2u);
  EXPECT_EQ(str(word(sp + 8)), "x");
  EXPECT_EQ(str(word(sp + 16)), "yz");
  EXPECT_EQ(word(sp + 24), 0u);
  EXPECT_EQ(str(word(sp + 32)), "A=1");
  EXPECT_EQ(word(sp + 40), 0u);
  EXPECT_EQ(word(sp + 48), 6u);  // AT_PAGESZ
  EXPECT_EQ(word(sp + 56), 4096u);
  EXPECT_EQ(word(sp + 64), 9u);  // AT_ENTRY
  EXPECT_EQ(word(sp + 72), 0x10078u);
  EXPECT_EQ(word(sp + 80), 0u);  // AT_NULL
  EXPECT_EQ(spawn_build_stack(mem.data(), kTop, 64, a, 0), 0u) << "too small: E2BIG";
}

// _PROC_FORK: a header and nfds descriptors.
struct ForkMessage {
  struct _proc_fork m;
  struct _proc_spawn_fd fds[_PROC_SPAWN_FDS];
};
constexpr uint64_t kCodeLo = 0x1000, kCodeHi = 0xC0000000;

ForkMessage fork_message(uint32_t nfds) {
  ForkMessage f = {};
  f.m.hdr = {_PROC_FORK, 0, static_cast<uint32_t>(sizeof f.m + nfds * sizeof f.fds[0])};
  f.m.nfds = nfds;
  f.m.entry = 0x10078;
  f.m.sp = 0x1fffffff00;
  for (uint32_t i = 0; i < nfds; ++i) f.fds[i] = {static_cast<int32_t>(i), static_cast<int32_t>(i), 3, 1};
  return f;
}

int parse(const ForkMessage& f, size_t len, const struct _proc_spawn_fd** fds = nullptr) {
  const struct _proc_spawn_fd* got = nullptr;
  return fork_args_parse(&f, len, kCodeLo, kCodeHi, fds != nullptr ? fds : &got);
}

TEST(ForkArgsTest, AWellFormedMessage) {
  ForkMessage f = fork_message(2);
  f.m.cloexec = 2;  // fd 1
  const struct _proc_spawn_fd* fds = nullptr;
  ASSERT_EQ(parse(f, f.m.hdr.size, &fds), 0);
  EXPECT_EQ(fds, f.fds);
  ForkMessage all = fork_message(_PROC_SPAWN_FDS);
  all.m.cloexec = ~uint64_t{0};
  EXPECT_EQ(parse(all, all.m.hdr.size), 0) << "all 64 descriptors, all close-on-exec";
}

TEST(ForkArgsTest, EveryMalformationIsRefused) {
  const auto refused = [](void (*spoil)(ForkMessage&), const char* what) {
    ForkMessage f = fork_message(2);
    spoil(f);
    EXPECT_EQ(parse(f, f.m.hdr.size), -EINVAL) << what;
  };
  refused([](ForkMessage& f) { f.m.hdr.type = _PROC_SPAWN; }, "another type");
  refused([](ForkMessage& f) { f.m.hdr.reserved = 1; }, "header reserved");
  refused([](ForkMessage& f) { f.m.reserved = 1; }, "reserved");
  refused([](ForkMessage& f) { f.m.nfds = 3; }, "more descriptors than sent");
  refused([](ForkMessage& f) { f.m.nfds = 65; }, "more than 64");
  refused([](ForkMessage& f) { f.m.entry = 0; }, "entry 0");
  refused([](ForkMessage& f) { f.m.entry = kCodeHi; }, "entry in taskman's slot");
  refused([](ForkMessage& f) { f.m.entry = 0xffffffc080200000ull; }, "entry in the kernel");
  refused([](ForkMessage& f) { f.m.entry = 0x10079; }, "odd entry");
  refused([](ForkMessage& f) { f.m.sp = 0; }, "no sp");
  refused([](ForkMessage& f) { f.m.sp += 8; }, "misaligned sp");
  refused([](ForkMessage& f) { f.fds[1].fd = 0; }, "fd 0 twice");
  refused([](ForkMessage& f) { f.fds[1].fd = 64; }, "fd 64");
  refused([](ForkMessage& f) { f.fds[1].src_coid = -1; }, "a negative source");
  refused([](ForkMessage& f) { f.fds[1].pid = 0; }, "no server");
  refused([](ForkMessage& f) { f.fds[1].chid = 0; }, "no channel");
  refused([](ForkMessage& f) { f.m.cloexec = 4; }, "close-on-exec for fd 2, which is not there");
  ForkMessage f = fork_message(0);
  EXPECT_EQ(parse(f, sizeof f.m - 1), -EINVAL) << "short";
  EXPECT_EQ(parse(f, sizeof f.m + 16), -EINVAL) << "longer than its header says";
}

TEST(ForkArgsTest, RandomBytesNeverPassUnchecked) {
  std::mt19937_64 rng(7);
  for (int i = 0; i < 20000; ++i) {
    ForkMessage f = fork_message(static_cast<uint32_t>(rng() % 4));
    auto* bytes = reinterpret_cast<uint8_t*>(&f);
    const size_t len = f.m.hdr.size;
    for (int k = 0; k < 3; ++k) bytes[rng() % len] = static_cast<uint8_t>(rng());
    const struct _proc_spawn_fd* fds = nullptr;
    if (fork_args_parse(&f, len, kCodeLo, kCodeHi, &fds) != 0) continue;
    // Whatever passes is what taskman relies on.
    EXPECT_EQ(f.m.hdr.size, len);
    EXPECT_TRUE(f.m.entry >= kCodeLo && f.m.entry < kCodeHi && f.m.sp % 16 == 0 && f.m.sp != 0);
    uint64_t seen = 0;
    for (uint32_t d = 0; d < f.m.nfds; ++d) {
      ASSERT_TRUE(fds[d].fd >= 0 && fds[d].fd < 64 && fds[d].pid > 0 && fds[d].chid > 0);
      EXPECT_EQ(seen & (uint64_t{1} << fds[d].fd), 0u);
      seen |= uint64_t{1} << fds[d].fd;
    }
    EXPECT_EQ(f.m.cloexec & ~seen, 0u);
  }
}

}  // namespace
}  // namespace taskman
