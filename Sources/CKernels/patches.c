#include <string.h>

#include "kernels.h"
#include "multiversion.h"

/// The window rows of one output position: for each kernel row, the `kernel_width`
/// pixels it covers are adjacent in NHWC memory, so an inner window row is one copy.
AAE_MULTIVERSION
void aae_im2col(const float *restrict x, float *restrict patches, size_t images, size_t height, size_t width,
                size_t channels, size_t kernel_height, size_t kernel_width, size_t stride_height, size_t stride_width,
                size_t pad_top, size_t pad_left, size_t output_height, size_t output_width) {
    const size_t run = kernel_width * channels;
    float *restrict out = patches;
    for (size_t n = 0; n < images; n++) {
        const float *restrict image = x + n * height * width * channels;
        for (size_t oy = 0; oy < output_height; oy++) {
            const long top = (long)(oy * stride_height) - (long)pad_top;
            for (size_t ox = 0; ox < output_width; ox++) {
                const long left = (long)(ox * stride_width) - (long)pad_left;
                const int inside = left >= 0 && left + (long)kernel_width <= (long)width;
                for (size_t ky = 0; ky < kernel_height; ky++, out += run) {
                    const long iy = top + (long)ky;
                    if (iy < 0 || iy >= (long)height) {
                        memset(out, 0, run * sizeof(float));
                        continue;
                    }
                    const float *restrict row = image + (size_t)iy * width * channels;
                    if (inside) {
                        const float *restrict source = row + (size_t)left * channels;
                        for (size_t i = 0; i < run; i++) out[i] = source[i];
                        continue;
                    }
                    for (size_t kx = 0; kx < kernel_width; kx++) {
                        const long ix = left + (long)kx;
                        float *restrict destination = out + kx * channels;
                        if (ix < 0 || ix >= (long)width) {
                            for (size_t c = 0; c < channels; c++) destination[c] = 0;
                        } else {
                            const float *restrict source = row + (size_t)ix * channels;
                            for (size_t c = 0; c < channels; c++) destination[c] = source[c];
                        }
                    }
                }
            }
        }
    }
}

AAE_MULTIVERSION
void aae_col2im(const float *restrict patches, float *restrict x, size_t images, size_t height, size_t width,
                size_t channels, size_t kernel_height, size_t kernel_width, size_t stride_height, size_t stride_width,
                size_t pad_top, size_t pad_left, size_t output_height, size_t output_width) {
    const size_t run = kernel_width * channels;
    const float *restrict in = patches;
    for (size_t n = 0; n < images; n++) {
        float *restrict image = x + n * height * width * channels;
        for (size_t oy = 0; oy < output_height; oy++) {
            const long top = (long)(oy * stride_height) - (long)pad_top;
            for (size_t ox = 0; ox < output_width; ox++) {
                const long left = (long)(ox * stride_width) - (long)pad_left;
                const int inside = left >= 0 && left + (long)kernel_width <= (long)width;
                for (size_t ky = 0; ky < kernel_height; ky++, in += run) {
                    const long iy = top + (long)ky;
                    if (iy < 0 || iy >= (long)height) continue;
                    float *restrict row = image + (size_t)iy * width * channels;
                    if (inside) {
                        float *restrict destination = row + (size_t)left * channels;
                        for (size_t i = 0; i < run; i++) destination[i] += in[i];
                        continue;
                    }
                    for (size_t kx = 0; kx < kernel_width; kx++) {
                        const long ix = left + (long)kx;
                        if (ix < 0 || ix >= (long)width) continue;
                        float *restrict destination = row + (size_t)ix * channels;
                        const float *restrict source = in + kx * channels;
                        for (size_t c = 0; c < channels; c++) destination[c] += source[c];
                    }
                }
            }
        }
    }
}

AAE_MULTIVERSION
void aae_window_sum(const float *restrict products, float *restrict y, size_t images, size_t height, size_t width,
                    size_t filters, size_t kernel_height, size_t kernel_width, size_t stride_height,
                    size_t stride_width, size_t pad_top, size_t pad_left, size_t output_height, size_t output_width) {
    const size_t slots = kernel_height * kernel_width * filters;
    for (size_t n = 0; n < images; n++) {
        const float *restrict image = products + n * height * width * slots;
        for (size_t oy = 0; oy < output_height; oy++) {
            const long top = (long)(oy * stride_height) - (long)pad_top;
            for (size_t ox = 0; ox < output_width; ox++) {
                const long left = (long)(ox * stride_width) - (long)pad_left;
                float *restrict out = y + ((n * output_height + oy) * output_width + ox) * filters;
                for (size_t ky = 0; ky < kernel_height; ky++) {
                    const long iy = top + (long)ky;
                    if (iy < 0 || iy >= (long)height) continue;
                    for (size_t kx = 0; kx < kernel_width; kx++) {
                        const long ix = left + (long)kx;
                        if (ix < 0 || ix >= (long)width) continue;
                        const float *restrict source =
                            image + ((size_t)iy * width + (size_t)ix) * slots + (ky * kernel_width + kx) * filters;
                        for (size_t f = 0; f < filters; f++) out[f] += source[f];
                    }
                }
            }
        }
    }
}

AAE_MULTIVERSION
void aae_window_spread(const float *restrict dy, float *restrict products, size_t images, size_t height, size_t width,
                       size_t filters, size_t kernel_height, size_t kernel_width, size_t stride_height,
                       size_t stride_width, size_t pad_top, size_t pad_left, size_t output_height, size_t output_width) {
    const size_t slots = kernel_height * kernel_width * filters;
    for (size_t n = 0; n < images; n++) {
        float *restrict image = products + n * height * width * slots;
        for (size_t oy = 0; oy < output_height; oy++) {
            const long top = (long)(oy * stride_height) - (long)pad_top;
            for (size_t ox = 0; ox < output_width; ox++) {
                const long left = (long)(ox * stride_width) - (long)pad_left;
                const float *restrict gradient = dy + ((n * output_height + oy) * output_width + ox) * filters;
                for (size_t ky = 0; ky < kernel_height; ky++) {
                    const long iy = top + (long)ky;
                    if (iy < 0 || iy >= (long)height) continue;
                    for (size_t kx = 0; kx < kernel_width; kx++) {
                        const long ix = left + (long)kx;
                        if (ix < 0 || ix >= (long)width) continue;
                        float *restrict target =
                            image + ((size_t)iy * width + (size_t)ix) * slots + (ky * kernel_width + kx) * filters;
                        for (size_t f = 0; f < filters; f++) target[f] = gradient[f];
                    }
                }
            }
        }
    }
}
