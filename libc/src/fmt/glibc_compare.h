// Test-only: compare __qrv_vformat with glibc's snprintf on the same
// arguments, reporting mismatches through GoogleTest.
#pragma once

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <string>
#include <tuple>
#include <type_traits>

#include "gtest/gtest.h"
#include "libc/src/fmt/test_util.h"

namespace qrv::fmt::testing {

template <typename... Args>
inline std::string glibc_format(int* rc, const char* fmt, Args... args) {
  char small[512];
  *rc = snprintf(small, sizeof small, fmt, args...);
  if (*rc < 0) return {};
  if (static_cast<size_t>(*rc) < sizeof small) return std::string(small, static_cast<size_t>(*rc));
  std::string big(static_cast<size_t>(*rc) + 1, '\0');
  snprintf(big.data(), big.size(), fmt, args...);
  big.resize(static_cast<size_t>(*rc));
  return big;
}

// glibc drops digits in "%#g" when rounding carries into a new decade
// (printf("%#.3g", 999.5) gives "1.e+03"; C17 7.21.6.1 asks for "1.00e+03").
// For that one case the expectation is built from C's definition of %g on
// top of glibc's (correct) %e and %f.
template <typename T>
inline std::string glibc_alt_g(int* rc, const char* fmt, T v) {
  const std::string f(fmt);
  const size_t pct = f.find('%');
  const size_t conv_pos = f.find_first_of("gG", pct);
  const size_t dot = f.find('.', pct);
  const std::string len = std::is_same_v<T, long double> ? "L" : "";
  int prec = 6;
  if (dot != std::string::npos && dot < conv_pos) prec = atoi(f.c_str() + dot + 1);
  if (prec == 0) prec = 1;
  char buf[256];
  snprintf(buf, sizeof buf, ("%." + std::to_string(prec - 1) + len + "e").c_str(), v);
  const int x = atoi(strchr(buf, 'e') + 1);
  const std::string head =
      f.substr(0, dot != std::string::npos && dot < conv_pos ? dot : conv_pos - len.size());
  const bool upper = f[conv_pos] == 'G';
  std::string g;
  if (prec > x && x >= -4) {
    g = head + "." + std::to_string(prec - 1 - x) + len + (upper ? "F" : "f");
  } else {
    g = head + "." + std::to_string(prec - 1) + len + (upper ? "E" : "e");
  }
  g += f.substr(conv_pos + 1);
  return glibc_format(rc, g.c_str(), v);
}

template <typename... Args>
inline std::string glibc_expected(int* rc, const char* fmt, Args... args) {
  std::string want = glibc_format(rc, fmt, args...);
  if constexpr (sizeof...(Args) == 1) {
    using T = std::tuple_element_t<0, std::tuple<Args...>>;
    if constexpr (std::is_floating_point_v<T>) {
      const char* pct = strchr(fmt, '%');
      const char* conv = pct == nullptr ? nullptr : strpbrk(pct + 1, "gGfFeEaA");
      if (isfinite(args...) && conv != nullptr && (*conv == 'g' || *conv == 'G') &&
          memchr(pct, '#', static_cast<size_t>(conv - pct))) {
        return glibc_alt_g(rc, fmt, args...);
      }
    }
  }
  return want;
}

// Compares one call; returns false (after reporting) on a mismatch.
template <typename... Args>
inline bool same_as_glibc(const char* fmt, Args... args) {
  int rc = 0;
  const std::string want = glibc_expected(&rc, fmt, args...);
  const Captured got = qrv_format(fmt, args...);
  if (got.rc == rc && got.text == want) return true;
  ADD_FAILURE() << "format \"" << fmt << "\": glibc " << rc << " \"" << want << "\", qrv " << got.rc
                << " \"" << got.text << "\"";
  return false;
}

}  // namespace qrv::fmt::testing
