// Test-only: parse with __qrv_strto{d,f,ld} and with glibc and compare value
// bits, end pointer and the ERANGE verdict, reporting through GoogleTest.
#pragma once

#include <errno.h>
#include <float.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <string>

#include "gtest/gtest.h"
#include "libc/src/fmt/strtod.h"

namespace qrv::fmt::testing {

template <typename T>
inline bool same_bits(T a, T b) {
  if (isnan(a) && isnan(b)) return signbit(a) == signbit(b);
  // Compare value bits only: x87 long double has padding bytes.
  return memcmp(&a, &b, sizeof(T) == 16 && LDBL_MANT_DIG == 64 ? 10 : sizeof(T)) == 0;
}

template <typename T>
struct Parsers;
template <>
struct Parsers<double> {
  static double glibc(const char* s, char** e) { return strtod(s, e); }
  static double qrv(const char* s, char** e, int* err) { return __qrv_strtod(s, e, err); }
};
template <>
struct Parsers<float> {
  static float glibc(const char* s, char** e) { return strtof(s, e); }
  static float qrv(const char* s, char** e, int* err) { return __qrv_strtof(s, e, err); }
};
template <>
struct Parsers<long double> {
  static long double glibc(const char* s, char** e) { return strtold(s, e); }
  static long double qrv(const char* s, char** e, int* err) { return __qrv_strtold(s, e, err); }
};

// Same value bits, same end, same ERANGE verdict as glibc.
template <typename T>
inline bool parses_like_glibc(const std::string& s) {
  char* want_end = nullptr;
  errno = 0;
  const T want = Parsers<T>::glibc(s.c_str(), &want_end);
  const bool want_erange = errno == ERANGE;
  char* got_end = nullptr;
  int err = -1;
  const T got = Parsers<T>::qrv(s.c_str(), &got_end, &err);
  const bool got_erange = err == QRV_FMT_ERANGE;
  if (same_bits(want, got) && want_end == got_end && want_erange == got_erange &&
      (err == 0 || got_erange)) {
    return true;
  }
  ADD_FAILURE() << "\"" << s.substr(0, 120) << (s.size() > 120 ? "...\"" : "\"") << " size "
                << sizeof(T) << ": glibc " << static_cast<double>(want) << " end+"
                << (want_end - s.c_str()) << " erange " << want_erange << "; qrv "
                << static_cast<double>(got) << " end+" << (got_end - s.c_str()) << " erange "
                << got_erange;
  return false;
}

inline bool all_types_like_glibc(const std::string& s) {
  return parses_like_glibc<double>(s) && parses_like_glibc<float>(s) &&
         parses_like_glibc<long double>(s);
}

}  // namespace qrv::fmt::testing
