// stdio over an in-memory I/O backend (so buffering, positioning and errors
// are observable) and over the console fds (through a fake kernel); the
// printf family against glibc's for the plumbing: counts, truncation,
// terminators, allocation.
#include "libc/src/stdio/stdio_api.h"

#include <errno.h>
#include <gtest/gtest.h>
#include <stdio.h>
#include <string.h>

#include <random>
#include <string>

#include "kernel/abi/abi.h"
#include "libc/src/common/errno.h"
#include "libc/src/malloc/malloc_api.h"
#include "libc/src/neutrino/kernel_call.h"

namespace {

namespace q = qrv::libc;

// A file held in a std::string; counts the write calls that reach it.
struct MemFile {
  std::string data;
  size_t pos = 0;
  int writes = 0;
  int fail_with = 0;  // non-zero: every operation fails with this errno
};

long mem_read(void* cookie, void* buf, size_t n) {
  auto* m = static_cast<MemFile*>(cookie);
  if (m->fail_with != 0) return -m->fail_with;
  const size_t k = std::min(n, m->data.size() - std::min(m->pos, m->data.size()));
  memcpy(buf, m->data.data() + m->pos, k);
  m->pos += k;
  return static_cast<long>(k);
}

long mem_write(void* cookie, const void* buf, size_t n) {
  auto* m = static_cast<MemFile*>(cookie);
  if (m->fail_with != 0) return -m->fail_with;
  ++m->writes;
  if (m->data.size() < m->pos + n) m->data.resize(m->pos + n);
  memcpy(m->data.data() + m->pos, buf, n);
  m->pos += n;
  return static_cast<long>(n);
}

long mem_seek(void* cookie, int64_t offset, int whence) {
  auto* m = static_cast<MemFile*>(cookie);
  const int64_t base = whence == 0 ? 0 : whence == 1 ? static_cast<int64_t>(m->pos)
                                                     : static_cast<int64_t>(m->data.size());
  if (base + offset < 0) return -QRV_EINVAL;
  m->pos = static_cast<size_t>(base + offset);
  return static_cast<long>(m->pos);
}

long mem_close(void*) { return 0; }

const q::IoOps kMemOps = {mem_read, mem_write, mem_seek, mem_close};

q::File* open_mem(MemFile* m, uint32_t flags) { return q::open_stream(&kMemOps, m, flags, -1); }

TEST(StdioTest, WritesAreBufferedUntilFlushOrClose) {
  MemFile m;
  q::File* f = open_mem(&m, q::kCanWrite);
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(q::fputs("hello ", f), 0);
  EXPECT_EQ(q::fputc('w', f), 'w');
  EXPECT_EQ(q::fwrite("orld", 1, 4, f), 4u);
  EXPECT_EQ(m.writes, 0);
  EXPECT_EQ(q::fflush(f), 0);
  EXPECT_EQ(m.writes, 1);
  EXPECT_EQ(m.data, "hello world");
  EXPECT_EQ(q::fprintf(f, "%d-%s", 42, "x"), 4);
  EXPECT_EQ(q::ftell(f), 15);
  EXPECT_EQ(q::fclose(f), 0);
  EXPECT_EQ(m.data, "hello world42-x");
}

TEST(StdioTest, LargeWritesBypassTheBufferAndKeepOrder) {
  MemFile m;
  q::File* f = open_mem(&m, q::kCanWrite);
  std::string expected;
  std::mt19937 rng(1);
  for (int i = 0; i < 300; ++i) {
    const std::string chunk(rng() % 9000, static_cast<char>('a' + i % 26));
    ASSERT_EQ(q::fwrite(chunk.data(), 1, chunk.size(), f), chunk.size());
    expected += chunk;
  }
  EXPECT_EQ(q::fclose(f), 0);
  EXPECT_EQ(m.data, expected);
}

TEST(StdioTest, LineBufferingFlushesAtNewline) {
  MemFile m;
  q::File* f = open_mem(&m, q::kCanWrite);
  ASSERT_EQ(q::setvbuf(f, nullptr, _IOLBF, 0), 0);
  q::fputs("no newline", f);
  EXPECT_EQ(m.writes, 0);
  q::fputs(" now\n", f);
  EXPECT_EQ(m.data, "no newline now\n");
  EXPECT_EQ(q::setvbuf(f, nullptr, 99, 0), EOF);
  q::fclose(f);
}

TEST(StdioTest, UnbufferedStreamsWriteAtOnce) {
  MemFile m;
  q::File* f = open_mem(&m, q::kCanWrite);
  q::setbuf(f, nullptr);
  q::fputc('a', f);
  EXPECT_EQ(m.data, "a");
  q::fclose(f);
}

TEST(StdioTest, ReadingLinesCharsAndBlocks) {
  MemFile m;
  m.data = "line one\nline two\nlast";
  q::File* f = open_mem(&m, q::kCanRead);
  char buf[64];
  EXPECT_STREQ(q::fgets(buf, sizeof(buf), f), "line one\n");
  EXPECT_EQ(q::fgetc(f), 'l');
  EXPECT_EQ(q::ungetc('L', f), 'L');
  EXPECT_EQ(q::ftell(f), 9);
  EXPECT_STREQ(q::fgets(buf, 5, f), "Line");  // n - 1 characters
  EXPECT_STREQ(q::fgets(buf, sizeof(buf), f), " two\n");
  EXPECT_EQ(q::fread(buf, 1, sizeof(buf), f), 4u);
  EXPECT_EQ(memcmp(buf, "last", 4), 0);
  EXPECT_FALSE(q::ferror(f));
  EXPECT_TRUE(q::feof(f));
  EXPECT_EQ(q::fgets(buf, sizeof(buf), f), nullptr);
  EXPECT_EQ(q::fgetc(f), EOF);
  q::clearerr(f);
  EXPECT_FALSE(q::feof(f));
  q::rewind(f);
  EXPECT_EQ(q::fgetc(f), 'l');
  EXPECT_EQ(q::fseek(f, -4, SEEK_END), 0);
  EXPECT_STREQ(q::fgets(buf, sizeof(buf), f), "last");
  EXPECT_EQ(q::fseek(f, 0, 42), -1);
  EXPECT_EQ(q::fgets(buf, 0, f), nullptr);  // no room even for the terminator
  q::fclose(f);
}

TEST(StdioTest, SwitchingFromReadingToWritingKeepsThePosition) {
  MemFile m;
  m.data = "abcdef";
  q::File* f = open_mem(&m, q::kCanRead | q::kCanWrite);
  EXPECT_EQ(q::fgetc(f), 'a');
  EXPECT_EQ(q::fseek(f, 0, SEEK_CUR), 0);
  EXPECT_EQ(q::fputc('X', f), 'X');
  EXPECT_EQ(q::fseek(f, 0, SEEK_CUR), 0);
  EXPECT_EQ(q::fgetc(f), 'c');
  q::fclose(f);
  EXPECT_EQ(m.data, "aXcdef");
}

TEST(StdioTest, BackendErrorsSetTheErrorFlagAndErrno) {
  MemFile m;
  m.fail_with = QRV_EIO;
  q::File* f = open_mem(&m, q::kCanRead | q::kCanWrite);
  q::set_errno(0);
  EXPECT_EQ(q::fgetc(f), EOF);
  EXPECT_TRUE(q::ferror(f));
  EXPECT_EQ(q::get_errno(), QRV_EIO);
  q::clearerr(f);
  q::fputs("x", f);
  EXPECT_EQ(q::fflush(f), EOF);
  EXPECT_TRUE(q::ferror(f));
  EXPECT_EQ(q::fprintf(f, "%s", "more"), 4);  // buffered; fails at the flush
  m.fail_with = 0;
  q::fclose(f);
  MemFile ro;
  q::File* r = open_mem(&ro, q::kCanRead);
  q::set_errno(0);
  EXPECT_EQ(q::fputc('x', r), EOF);  // not open for writing
  EXPECT_EQ(q::get_errno(), QRV_EBADF);
  q::fclose(r);
}

TEST(StdioTest, FopenFdopenRejectBadModesAndReportMissingServers) {
  q::set_errno(0);
  EXPECT_EQ(q::fopen("/x", "q"), nullptr);
  EXPECT_EQ(q::get_errno(), QRV_EINVAL);
  EXPECT_EQ(q::fopen("/x", "r"), nullptr);  // open() has no I/O server yet
  EXPECT_EQ(q::get_errno(), QRV_ENOSYS);
  EXPECT_EQ(q::fdopen(-1, "r"), nullptr);
  EXPECT_EQ(q::get_errno(), QRV_EBADF);
  q::File* f = q::fdopen(5, "w+");
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(q::fileno(f), 5);
  q::fputs("x", f);
  EXPECT_EQ(q::fclose(f), EOF);  // flush and close reach no server
}

std::string g_console;
// A process whose fds 1 and 2 are no connections (no console driver): its
// writes there go to the kernel's debug console.
long console_kernel(long number, const long args[6]) {
  if (number == __KER_MSG_SENDV) return -QRV_EBADF;
  if (number == __KER_CONNECT_SERVER_INFO) return -QRV_EINVAL;
  if (number != __KER_DEBUG_CONSOLE_WRITE) return -QRV_ENOSYS;
  g_console.append(reinterpret_cast<const char*>(args[0]), static_cast<size_t>(args[1]));
  return 0;
}

TEST(StdioTest, StandardStreamsReachTheConsole) {
  g_console.clear();
  q::set_host_kernel(console_kernel);
  EXPECT_EQ(q::printf("%s %d", "out", 1), 5);
  EXPECT_EQ(g_console, "");  // stdout is line buffered
  EXPECT_EQ(q::puts("!"), 0);
  EXPECT_EQ(g_console, "out 1!\n");
  EXPECT_EQ(q::fputs("err", q::stderr), 0);  // stderr is unbuffered
  EXPECT_EQ(g_console, "out 1!\nerr");
  q::set_errno(QRV_ENOENT);
  q::perror("open");
  EXPECT_EQ(g_console, "out 1!\nerropen: No such file or directory\n");
  EXPECT_EQ(q::dprintf(2, "[%05.1f]", 2.25), 7);
  EXPECT_EQ(g_console.substr(g_console.size() - 7), "[002.2]");
  EXPECT_EQ(q::putchar('z'), 'z');
  EXPECT_EQ(q::fflush(nullptr), 0);
  EXPECT_EQ(g_console.back(), 'z');
  q::set_host_kernel(nullptr);
  EXPECT_EQ(q::dprintf(7, "x"), -1);
}

TEST(PrintfTest, SnprintfMatchesGlibcIncludingTruncation) {
  char mine[32], ref[32];
  memset(mine, '#', sizeof(mine));
  memset(ref, '#', sizeof(ref));
  for (size_t n : {size_t{0}, size_t{1}, size_t{4}, size_t{17}, size_t{18}, size_t{32}}) {
    EXPECT_EQ(q::snprintf(mine, n, "%d-%s-%5.2f|%c%%", -123, "abc", 2.5, 'z'),
              ::snprintf(ref, n, "%d-%s-%5.2f|%c%%", -123, "abc", 2.5, 'z'));
    EXPECT_EQ(memcmp(mine, ref, sizeof(mine)), 0) << n;  // bytes past the terminator untouched
  }
  EXPECT_EQ(q::snprintf(nullptr, 0, "%s", "count only"), 10);  // NULL allowed when n == 0
}

TEST(PrintfTest, RandomIntegersAndStringsMatchGlibc) {
  std::mt19937_64 rng(7);
  const char* const kFormats[] = {"%d", "%5d", "%-5d|", "%+d", "% d", "%05d", "%.3d", "%x", "%#o", "%u"};
  for (int iter = 0; iter < 20000; ++iter) {
    const char* fmt = kFormats[rng() % (sizeof(kFormats) / sizeof(kFormats[0]))];
    const int v = static_cast<int>(rng());
    char mine[64], ref[64];
    ASSERT_EQ(q::sprintf(mine, fmt, v), ::sprintf(ref, fmt, v));
    ASSERT_STREQ(mine, ref);
  }
}

TEST(PrintfTest, AsprintfAllocatesWithQrvMalloc) {
  char* out = nullptr;
  EXPECT_EQ(q::asprintf(&out, "%s=%d", "answer", 42), 9);
  ASSERT_NE(out, nullptr);
  EXPECT_STREQ(out, "answer=42");
  EXPECT_GE(q::malloc_usable_size(out), 10u);
  q::free(out);
  EXPECT_EQ(q::asprintf(&out, "%s", ""), 0);
  EXPECT_STREQ(out, "");
  q::free(out);
  std::string big(100000, 'q');
  EXPECT_EQ(q::asprintf(&out, "<%s>", big.c_str()), 100002);
  EXPECT_EQ(strlen(out), 100002u);
  q::free(out);
}

TEST(PrintfTest, MalformedFormatsFailCleanly) {
  char buf[16];
  q::set_errno(0);
  EXPECT_EQ(q::snprintf(buf, sizeof(buf), "%1$d", 5), -1);
  EXPECT_EQ(q::get_errno(), QRV_EINVAL);
  EXPECT_EQ(buf[0], '\0');  // the buffer still holds a string
  char* out = reinterpret_cast<char*>(0x1);
  EXPECT_EQ(q::asprintf(&out, "%Q"), -1);
}

}  // namespace

namespace {

TEST(PrintfTest, HugeWidthsOverflowLikeGlibc) {
  char mine[16], ref[16];
  const std::string fmt = "%2147483647d%d";  // not a literal: GCC would reject the call
  errno = 0;
  q::set_errno(0);
  const int rm = q::snprintf(mine, sizeof(mine), fmt.c_str(), 1, 2);
  const int rr = ::snprintf(ref, sizeof(ref), fmt.c_str(), 1, 2);
  EXPECT_EQ(rm, rr);
  EXPECT_EQ(q::get_errno(), errno);
  EXPECT_EQ(q::snprintf(mine, sizeof(mine), "%2147483646d", 1), 2147483646);
  EXPECT_STREQ(mine, "               ");  // truncated to 15 spaces
}

}  // namespace
