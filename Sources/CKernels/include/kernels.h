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

/// A rectifier over `count` values in place: relu (`rectifier` 1, `v > 0 ? v : 0`) or
/// leaky_relu (2, `v > 0 ? v : slope · v`), the bits of the separate activation passes.
void aae_rectify(float *values, size_t count, int rectifier, float slope);

/// dx = dy · (y > 0 ? 1 : slope): the gradient before a rectifier (relu, or leaky_relu
/// of slope ≥ 0) read from its output `y`, positive exactly where its input is.
void aae_rectified_gradient(const float *restrict dy, const float *restrict y, float slope, float *restrict dx,
                            size_t count);

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

/// `aae_im2col` of the gradient before a rectifier (relu or leaky_relu with a slope ≥ 0):
/// each value `dy · (y > 0 ? 1 : slope)`, where `y` is the rectifier's output, positive
/// exactly where its input is.
void aae_im2col_rectified(const float *restrict dy, const float *restrict y, float slope, float *restrict patches,
                          size_t images, size_t height, size_t width, size_t channels, size_t kernel_height,
                          size_t kernel_width, size_t stride_height, size_t stride_width, size_t pad_top,
                          size_t pad_left, size_t output_height, size_t output_width);

/// `aae_col2im` into images it first sets to `bias` (one value per channel), then a
/// rectifier on each result: none (`rectifier` 0), relu (1) or leaky_relu with `slope` (2).
/// Each value gathers its patch values in the order `aae_col2im` adds them, so the
/// result has the bits of a bias fill, `aae_col2im` and the rectifier in turn.
void aae_col2im_assign(const float *restrict patches, const float *restrict bias, int rectifier, float slope,
                       float *restrict x, size_t images, size_t height, size_t width, size_t channels,
                       size_t kernel_height, size_t kernel_width, size_t stride_height, size_t stride_width,
                       size_t pad_top, size_t pad_left, size_t output_height, size_t output_width);

/// `sums[c] += Σ_r dy[r, c]` over `columns` columns of rows `stride` values apart, rows
/// in order; with `y` set, `Σ_r dy[r, c] · (y[r, c] > 0 ? 1 : slope)`, the bias gradient
/// before a rectifier whose output is `y`.
void aae_column_sums(const float *restrict dy, const float *restrict y, float slope, size_t rows, size_t columns,
                     size_t stride, float *restrict sums);

/// For a convolution computed products first: `products` holds, for every input
/// position (n, iy, ix), the `kernel_height · kernel_width · filters` products of
/// its channels with each kernel position's weights, in (ky, kx, filter) order.
/// Adds to each output value (n, oy, ox, f) the products of the input positions
/// under its window, each at its own kernel position.
void aae_window_sum(const float *restrict products, float *restrict y, size_t images, size_t height, size_t width,
                    size_t filters, size_t kernel_height, size_t kernel_width, size_t stride_height,
                    size_t stride_width, size_t pad_top, size_t pad_left, size_t output_height, size_t output_width);

/// The adjoint of `aae_window_sum`: sets every product slot to the gradient of the
/// output it was summed into, or to zero when it was summed into none (a pixel
/// that kernel position reaches only from the padding). Each slot is written once, in order.
void aae_window_spread(const float *restrict dy, float *restrict products, size_t images, size_t height, size_t width,
                       size_t filters, size_t kernel_height, size_t kernel_width, size_t stride_height,
                       size_t stride_width, size_t pad_top, size_t pad_left, size_t output_height, size_t output_width);

#endif
