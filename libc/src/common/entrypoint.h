// How a libc function gets its names. Every public function is defined inside
// namespace qrv::libc through QRV_LIBC_FN; the board build (QRV_LIBC_PUBLIC_NAMES)
// also gives it its C name, the host build does not, so host tests link QRV's
// qrv::libc::memcpy next to glibc's memcpy and compare them.
#pragma once

#if QRV_LIBC_PUBLIC_NAMES
// The C symbol `name` is the definition; qrv::libc::name aliases it.
#define QRV_LIBC_FN(type, name, arglist)                           \
  decltype(::qrv::libc::name) __qrv_##name##_impl __asm__(#name);  \
  decltype(::qrv::libc::name) name [[gnu::alias(#name)]];          \
  type __qrv_##name##_impl arglist
#else
#define QRV_LIBC_FN(type, name, arglist) type name arglist
#endif

// Declares a public variable: C linkage on the board, namespaced on the host.
#if QRV_LIBC_PUBLIC_NAMES
#define QRV_LIBC_EXTERN_VAR extern "C"
#else
#define QRV_LIBC_EXTERN_VAR extern
#endif
