#include "fast_math.h"
#include "kernels.h"
#include "multiversion.h"
#include "rectifier.h"

AAE_MULTIVERSION
void aae_tanh(const float *restrict x, float *restrict y, size_t count) {
    for (size_t i = 0; i < count; i++) y[i] = aae_fast_tanh(x[i]);
}

AAE_MULTIVERSION
void aae_sigmoid(const float *restrict x, float *restrict y, size_t count) {
    for (size_t i = 0; i < count; i++) y[i] = aae_fast_sigmoid(x[i]);
}

AAE_MULTIVERSION
void aae_leaky_relu(const float *restrict x, float *restrict y, size_t count, float alpha) {
    for (size_t i = 0; i < count; i++) y[i] = x[i] > 0 ? x[i] : alpha * x[i];
}

AAE_MULTIVERSION
void aae_leaky_relu_backward(const float *restrict x, const float *restrict dy, float *restrict dx, size_t count,
                             float alpha, int accumulate) {
    if (accumulate) {
        for (size_t i = 0; i < count; i++) dx[i] += dy[i] * (x[i] > 0 ? 1.0f : alpha);
    } else {
        for (size_t i = 0; i < count; i++) dx[i] = dy[i] * (x[i] > 0 ? 1.0f : alpha);
    }
}

AAE_MULTIVERSION
void aae_rectify(float *values, size_t count, int rectifier, float slope) {
    aae_rectify_values(values, count, rectifier, slope);
}

AAE_MULTIVERSION
void aae_rectified_gradient(const float *restrict dy, const float *restrict y, float slope, float *restrict dx,
                            size_t count) {
    aae_copy_rectified(dx, dy, y, slope, count);
}
