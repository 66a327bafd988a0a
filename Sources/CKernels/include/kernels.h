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

/// The patch matrix of NHWC images for a convolution: row `(n, oy, ox)` holds the
/// `kernel_height × kernel_width × channels` input values under the window at
/// output position (oy, ox) of image n, in (ky, kx, channel) order, zero where the
/// window lies in the padding. `x` is `images × height × width × channels`;
/// `patches` is `images · output_height · output_width` rows of
/// `kernel_height · kernel_width · channels`.
void aae_im2col(const float *restrict x, float *restrict patches, size_t images, size_t height, size_t width,
                size_t channels, size_t kernel_height, size_t kernel_width, size_t stride_height, size_t stride_width,
                size_t pad_top, size_t pad_left, size_t output_height, size_t output_width);

/// The adjoint of `aae_im2col`: adds every patch value to the input value it was
/// taken from (padding positions are dropped).
void aae_col2im(const float *restrict patches, float *restrict x, size_t images, size_t height, size_t width,
                size_t channels, size_t kernel_height, size_t kernel_width, size_t stride_height, size_t stride_width,
                size_t pad_top, size_t pad_left, size_t output_height, size_t output_width);

/// For a convolution computed products first: `products` holds, for every input
/// position (n, iy, ix), the `kernel_height · kernel_width · filters` products of
/// its channels with each kernel position's weights, in (ky, kx, filter) order.
/// Adds to each output value (n, oy, ox, f) the products of the input positions
/// under its window, each at its own kernel position.
void aae_window_sum(const float *restrict products, float *restrict y, size_t images, size_t height, size_t width,
                    size_t filters, size_t kernel_height, size_t kernel_width, size_t stride_height,
                    size_t stride_width, size_t pad_top, size_t pad_left, size_t output_height, size_t output_width);

/// The adjoint of `aae_window_sum`: copies each output gradient to the product
/// slots it was summed from. Slots under no window are left as they are (zero them first).
void aae_window_spread(const float *restrict dy, float *restrict products, size_t images, size_t height, size_t width,
                       size_t filters, size_t kernel_height, size_t kernel_width, size_t stride_height,
                       size_t stride_width, size_t pad_top, size_t pad_left, size_t output_height, size_t output_width);

#endif
