/* QRV libc: declaration helpers shared by the public headers. */
#ifndef _SYS_CDEFS_H
#define _SYS_CDEFS_H

#ifdef __cplusplus
#define __BEGIN_DECLS extern "C" {
#define __END_DECLS }
#define __QRV_RESTRICT __restrict
#define __QRV_NORETURN [[noreturn]]
#else
#define __BEGIN_DECLS
#define __END_DECLS
#define __QRV_RESTRICT restrict
#define __QRV_NORETURN _Noreturn
#endif

#endif /* _SYS_CDEFS_H */
