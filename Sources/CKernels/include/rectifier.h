#ifndef AAE_RECTIFIER_H
#define AAE_RECTIFIER_H
#include <stddef.h>

/// The factor a rectifier's derivative (relu, or leaky_relu of slope ≥ 0) puts on a
/// gradient, read from the rectifier's output `y`, positive exactly where its input
/// is: 1 where `y > 0`, else `slope`.
static inline __attribute__((always_inline)) float aae_rectifier_factor(float y, float slope) {
    return y > 0 ? 1.0f : slope;
}

/// `out[i] = source[i]`, or with `rectified_by` set `source[i] · aae_rectifier_factor(rectified_by[i], slope)`,
/// for `count` values.
static inline __attribute__((always_inline)) void
aae_copy_rectified(float *restrict out, const float *restrict source, const float *restrict rectified_by, float slope,
                   size_t count) {
    if (rectified_by) {
        for (size_t i = 0; i < count; i++) out[i] = source[i] * aae_rectifier_factor(rectified_by[i], slope);
    } else {
        for (size_t i = 0; i < count; i++) out[i] = source[i];
    }
}

/// A rectifier over `count` values in place: none (`rectifier` 0), relu (1, `v > 0 ? v : 0`)
/// or leaky_relu (2, `v > 0 ? v : slope · v`), the bits of the separate activation passes.
static inline __attribute__((always_inline)) void
aae_rectify_values(float *restrict values, size_t count, int rectifier, float slope) {
    if (rectifier == 1) {
        for (size_t i = 0; i < count; i++) values[i] = values[i] > 0 ? values[i] : 0.0f;
    } else if (rectifier == 2) {
        for (size_t i = 0; i < count; i++) values[i] = values[i] > 0 ? values[i] : slope * values[i];
    }
}

#endif
