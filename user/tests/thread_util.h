// Helpers the thread test programs share: thread arguments as integers,
// sleeping and CLOCK_REALTIME deadlines in milliseconds, a busy window that
// lets a lost update happen, and starting and joining n threads.
#pragma once

#include <pthread.h>
#include <stdint.h>
#include <time.h>

namespace qrv_test {

inline void* as_ptr(intptr_t v) { return reinterpret_cast<void*>(v); }
inline intptr_t as_int(void* p) { return reinterpret_cast<intptr_t>(p); }

inline void pause_ms(long ms) {
  const struct timespec ts = {ms / 1000, (ms % 1000) * 1000000};
  nanosleep(&ts, nullptr);
}

inline uint64_t now_ns() {
  struct timespec ts;
  clock_gettime(CLOCK_REALTIME, &ts);
  return static_cast<uint64_t>(ts.tv_sec) * 1000000000u + static_cast<uint64_t>(ts.tv_nsec);
}

// CLOCK_REALTIME `ms` from now.
inline struct timespec in_ms(long ms) {
  const uint64_t t = now_ns() + static_cast<uint64_t>(ms) * 1000000u;
  return {static_cast<time_t>(t / 1000000000u), static_cast<long>(t % 1000000000u)};
}

inline void widen_window() {
  for (int d = 0; d < 100; ++d) asm volatile("");
}

inline void run_threads(int n, void* (*fn)(void*), pthread_t* t) {
  for (int i = 0; i < n; ++i) pthread_create(&t[i], nullptr, fn, as_ptr(i));
}

inline void join_threads(int n, pthread_t* t) {
  for (int i = 0; i < n; ++i) pthread_join(t[i], nullptr);
}

}  // namespace qrv_test
