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

#endif
