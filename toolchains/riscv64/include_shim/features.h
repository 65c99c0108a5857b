/* libstdc++'s os_defines.h for the Linux target includes <features.h> and asks
 * __GLIBC_PREREQ even in freestanding builds. QRV has no glibc: answer "no". */
#pragma once
#define __GLIBC_PREREQ(maj, min) 0
