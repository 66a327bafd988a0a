#ifndef ALLOCATION_COUNTER_H
#define ALLOCATION_COUNTER_H
#include <stdint.h>

/// Totals of heap allocations made by the whole process since it started.
typedef struct {
    uint64_t calls;
    uint64_t bytes;
} aae_allocation_totals;

/// The allocations counted so far (malloc, calloc, realloc and aligned allocation).
aae_allocation_totals aae_allocation_totals_now(void);

#endif
