#include "fast_math.h"
#include "kernels.h"
#include "multiversion.h"

AAE_MULTIVERSION
void aae_sigmoid_cross_entropy(const float *restrict z, const float *restrict t, float *restrict terms, size_t count) {
    for (size_t i = 0; i < count; i++) {
        const float positive = (0.0f >= z[i]) ? 0.0f : z[i];
        terms[i] = positive - z[i] * t[i] + aae_fast_log_one_plus_exp_negative_abs(z[i]);
    }
}

AAE_MULTIVERSION
void aae_sigmoid_cross_entropy_backward(const float *restrict z, const float *restrict t, float *restrict dz,
                                        size_t count, float scale, int accumulate) {
    if (accumulate) {
        for (size_t i = 0; i < count; i++) dz[i] += scale * (aae_fast_sigmoid(z[i]) - t[i]);
    } else {
        for (size_t i = 0; i < count; i++) dz[i] = scale * (aae_fast_sigmoid(z[i]) - t[i]);
    }
}
