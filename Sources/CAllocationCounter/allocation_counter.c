// Counts every heap allocation of the benchmark process by defining malloc and
// friends in the executable, which the dynamic linker prefers over the C
// library's, and forwarding to glibc's own entry points.
#include "allocation_counter.h"
#include <stddef.h>
#include <errno.h>

extern void *__libc_malloc(size_t size);
extern void *__libc_calloc(size_t count, size_t size);
extern void *__libc_realloc(void *pointer, size_t size);
extern void *__libc_memalign(size_t alignment, size_t size);
extern void __libc_free(void *pointer);

static uint64_t allocation_calls;
static uint64_t allocation_bytes;

static void count(size_t size) {
    __atomic_add_fetch(&allocation_calls, 1, __ATOMIC_RELAXED);
    __atomic_add_fetch(&allocation_bytes, size, __ATOMIC_RELAXED);
}

void *malloc(size_t size) { count(size); return __libc_malloc(size); }
void *calloc(size_t count_, size_t size) { count(count_ * size); return __libc_calloc(count_, size); }
void *realloc(void *pointer, size_t size) { count(size); return __libc_realloc(pointer, size); }
void free(void *pointer) { __libc_free(pointer); }
void *aligned_alloc(size_t alignment, size_t size) { count(size); return __libc_memalign(alignment, size); }
void *memalign(size_t alignment, size_t size) { count(size); return __libc_memalign(alignment, size); }

int posix_memalign(void **result, size_t alignment, size_t size) {
    count(size);
    void *pointer = __libc_memalign(alignment, size);
    if (pointer == NULL) return ENOMEM;
    *result = pointer;
    return 0;
}

aae_allocation_totals aae_allocation_totals_now(void) {
    aae_allocation_totals totals = {
        __atomic_load_n(&allocation_calls, __ATOMIC_RELAXED),
        __atomic_load_n(&allocation_bytes, __ATOMIC_RELAXED),
    };
    return totals;
}
