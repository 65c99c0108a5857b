/* QRV libc: malloc.h (the allocator's extras; the C functions are in stdlib.h). */
#ifndef _MALLOC_H
#define _MALLOC_H

#include <stdlib.h>

__BEGIN_DECLS
size_t malloc_usable_size(void* p);
__END_DECLS

#endif /* _MALLOC_H */
