// In-kernel tests: KTEST(suite, name) { ... } registers a case in the .ktest
// section; the ktest payload (//testing/ktest:payload) runs every case linked
// into the test image and ends with "N passed, N failed". Checks record a
// failure and go on, like GoogleTest's EXPECT_*.
#pragma once

#include <cstdint>

class Ktest {
 public:
  void check(bool ok, const char* expr, const char* file, int line);
  void check_eq(uint64_t a, uint64_t b, const char* ea, const char* eb, const char* file, int line);
  bool failed() const { return failures_ != 0; }

 private:
  uint32_t failures_ = 0;
};

struct KtestCase {
  const char* name;
  void (*fn)(Ktest& t);
};

#define QRV_KTEST_ID(suite, name) ktest_##suite##_##name
#define KTEST(suite, name)                                                          \
  static void QRV_KTEST_ID(suite, name)(Ktest & t);                                 \
  [[gnu::used, gnu::section(".ktest")]] static const KtestCase                      \
      QRV_KTEST_ID(suite, name##_case) = {#suite "." #name, QRV_KTEST_ID(suite, name)}; \
  static void QRV_KTEST_ID(suite, name)(Ktest & t)

#define KEXPECT(cond) t.check((cond), #cond, __FILE__, __LINE__)
#define KEXPECT_EQ(a, b) \
  t.check_eq(static_cast<uint64_t>(a), static_cast<uint64_t>(b), #a, #b, __FILE__, __LINE__)
