/* QRV libc: assert.h. Deliberately without an include guard (C17 7.2). */
#include <sys/cdefs.h>

#undef assert
#ifdef NDEBUG
#define assert(e) ((void)0)
#else
__BEGIN_DECLS
__QRV_NORETURN void __qrv_assert_fail(const char* expr, const char* file, int line, const char* func);
__END_DECLS
#define assert(e) ((e) ? (void)0 : __qrv_assert_fail(#e, __FILE__, __LINE__, __func__))
#endif

#if !defined(__cplusplus) && !defined(static_assert)
#define static_assert _Static_assert
#endif
