#ifndef AAE_KERNELS_H
#define AAE_KERNELS_H
#include <stddef.h>

/// Numeric loops that the Swift compiler does not vectorise well (per-lane
/// square roots and divisions): written in C, compiled once per instruction
/// set (AVX-512, AVX2, baseline) and chosen at load time on x86-64 Linux.
/// Contraction into fused multiply-adds is off, so every version gives the
/// same bits.

/// One Adam update of `count` parameters, Keras' formula:
/// m ← β₁m + (1−β₁)g;  v ← β₂v + (1−β₂)g·g;  θ ← θ − stepSize·m / (√v + ε).
void aae_adam_update(float *restrict theta, const float *restrict gradient, float *restrict first_moment,
                     float *restrict second_moment, size_t count, float step_size, float beta1, float beta2,
                     float epsilon);

/// y = tanh(x), elementwise.
void aae_tanh(const float *restrict x, float *restrict y, size_t count);

/// y = 1 / (1 + e^(−x)), elementwise.
void aae_sigmoid(const float *restrict x, float *restrict y, size_t count);

/// y = x for x > 0, else αx.
void aae_leaky_relu(const float *restrict x, float *restrict y, size_t count, float alpha);

/// dx (+)= dy · (1 for x > 0, else α); adds when `accumulate` is nonzero.
void aae_leaky_relu_backward(const float *restrict x, const float *restrict dy, float *restrict dx, size_t count,
                             float alpha, int accumulate);

/// terms = max(z, 0) − z·t + log(1 + e^(−|z|)): binary cross-entropy of targets t against logits z.
void aae_sigmoid_cross_entropy(const float *restrict z, const float *restrict t, float *restrict terms, size_t count);

/// dz (+)= scale · (σ(z) − t), the gradient of `scale` · Σ terms with respect to the logits.
void aae_sigmoid_cross_entropy_backward(const float *restrict z, const float *restrict t, float *restrict dz,
                                        size_t count, float scale, int accumulate);

#endif
