#include <string.h>

#include "kernels.h"
#include "multiversion.h"
#include "rectifier.h"

/// The patches of `x` (or, with `rectified_by` set, of `x · aae_rectifier_factor(rectified_by, slope)`,
/// the gradient before a rectifier whose output is `rectified_by`). The window rows of one
/// output position: for each kernel row, the `kernel_width` pixels it covers are adjacent
/// in NHWC memory, so an inner window row is one copy.
static inline __attribute__((always_inline)) void
gather_patches(const float *restrict x, const float *restrict rectified_by, float slope, float *restrict patches,
               size_t images, size_t height, size_t width, size_t channels, size_t kernel_height,
               size_t kernel_width, size_t stride_height, size_t stride_width, size_t pad_top, size_t pad_left,
               size_t output_height, size_t output_width) {
    const size_t run = kernel_width * channels;
    float *restrict out = patches;
    for (size_t n = 0; n < images; n++) {
        const size_t image_offset = n * height * width * channels;
        const float *restrict image = x + image_offset;
        const float *restrict rectifier = rectified_by ? rectified_by + image_offset : NULL;
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
                    const size_t row = (size_t)iy * width * channels;
                    if (inside) {
                        const size_t start = row + (size_t)left * channels;
                        aae_copy_rectified(out, image + start, rectifier ? rectifier + start : NULL, slope, run);
                        continue;
                    }
                    for (size_t kx = 0; kx < kernel_width; kx++) {
                        const long ix = left + (long)kx;
                        float *restrict destination = out + kx * channels;
                        if (ix < 0 || ix >= (long)width) {
                            for (size_t c = 0; c < channels; c++) destination[c] = 0;
                        } else {
                            const size_t start = row + (size_t)ix * channels;
                            aae_copy_rectified(destination, image + start, rectifier ? rectifier + start : NULL,
                                               slope, channels);
                        }
                    }
                }
            }
        }
    }
}

AAE_MULTIVERSION
void aae_im2col(const float *restrict x, float *restrict patches, size_t images, size_t height, size_t width,
                size_t channels, size_t kernel_height, size_t kernel_width, size_t stride_height, size_t stride_width,
                size_t pad_top, size_t pad_left, size_t output_height, size_t output_width) {
    gather_patches(x, NULL, 0, patches, images, height, width, channels, kernel_height, kernel_width, stride_height,
                   stride_width, pad_top, pad_left, output_height, output_width);
}

AAE_MULTIVERSION
void aae_im2col_rectified(const float *restrict dy, const float *restrict y, float slope, float *restrict patches,
                          size_t images, size_t height, size_t width, size_t channels, size_t kernel_height,
                          size_t kernel_width, size_t stride_height, size_t stride_width, size_t pad_top,
                          size_t pad_left, size_t output_height, size_t output_width) {
    gather_patches(dy, y, slope, patches, images, height, width, channels, kernel_height, kernel_width, stride_height,
                   stride_width, pad_top, pad_left, output_height, output_width);
}

/// The first and last window positions along one axis whose window covers input
/// position `position`, or an empty range (first > last).
static inline __attribute__((always_inline)) void
covering_windows(size_t position, size_t pad, size_t kernel, size_t stride, size_t outputs, long *first, long *last) {
    const long shifted = (long)position + (long)pad;
    const long lowest = shifted - (long)kernel + 1;
    *first = lowest <= 0 ? 0 : (lowest + (long)stride - 1) / (long)stride;
    const long highest = shifted / (long)stride;
    *last = highest < (long)outputs - 1 ? highest : (long)outputs - 1;
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
void aae_col2im_assign(const float *restrict patches, const float *restrict bias, int rectifier, float slope,
                       float *restrict x, size_t images, size_t height, size_t width, size_t channels,
                       size_t kernel_height, size_t kernel_width, size_t stride_height, size_t stride_width,
                       size_t pad_top, size_t pad_left, size_t output_height, size_t output_width) {
    const size_t patch_size = kernel_height * kernel_width * channels;
    for (size_t n = 0; n < images; n++) {
        const float *restrict image_patches = patches + n * output_height * output_width * patch_size;
        float *restrict image = x + n * height * width * channels;
        for (size_t iy = 0; iy < height; iy++) {
            long first_y, last_y;
            covering_windows(iy, pad_top, kernel_height, stride_height, output_height, &first_y, &last_y);
            for (size_t ix = 0; ix < width; ix++) {
                long first_x, last_x;
                covering_windows(ix, pad_left, kernel_width, stride_width, output_width, &first_x, &last_x);
                float *restrict out = image + (iy * width + ix) * channels;
                for (size_t c = 0; c < channels; c++) out[c] = bias[c];
                for (long oy = first_y; oy <= last_y; oy++) {
                    const size_t ky = iy + pad_top - (size_t)oy * stride_height;
                    for (long ox = first_x; ox <= last_x; ox++) {
                        const size_t kx = ix + pad_left - (size_t)ox * stride_width;
                        const size_t row = (size_t)oy * output_width + (size_t)ox;
                        const float *restrict source = image_patches + row * patch_size
                                                     + (ky * kernel_width + kx) * channels;
                        for (size_t c = 0; c < channels; c++) out[c] += source[c];
                    }
                }
                aae_rectify_values(out, channels, rectifier, slope);
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
                        if (filters == 1) {
                            out[0] += source[0];
                        } else {
                            for (size_t f = 0; f < filters; f++) out[f] += source[f];
                        }
                    }
                }
            }
        }
    }
}

/// The output position whose window covers input row (or column) `at` at kernel
/// offset `offset`, or -1 when none does (`at` then lies in no such window's reach).
/// A stride of 1 (a products-first convolution's usual `same` window) needs no division.
static inline long covering_output(size_t at, size_t offset, size_t stride, size_t pad, size_t outputs) {
    const long shifted = (long)at + (long)pad - (long)offset;
    if (shifted < 0) return -1;
    if (stride == 1) return shifted < (long)outputs ? shifted : -1;
    if (shifted % (long)stride != 0) return -1;
    const long output = shifted / (long)stride;
    return output < (long)outputs ? output : -1;
}

AAE_MULTIVERSION
void aae_window_spread(const float *restrict dy, float *restrict products, size_t images, size_t height, size_t width,
                       size_t filters, size_t kernel_height, size_t kernel_width, size_t stride_height,
                       size_t stride_width, size_t pad_top, size_t pad_left, size_t output_height, size_t output_width) {
    float *restrict slot = products;
    for (size_t n = 0; n < images; n++) {
        const float *restrict image = dy + n * output_height * output_width * filters;
        for (size_t iy = 0; iy < height; iy++) {
            for (size_t ix = 0; ix < width; ix++) {
                for (size_t ky = 0; ky < kernel_height; ky++) {
                    const long oy = covering_output(iy, ky, stride_height, pad_top, output_height);
                    for (size_t kx = 0; kx < kernel_width; kx++, slot += filters) {
                        const long ox = oy < 0 ? -1 : covering_output(ix, kx, stride_width, pad_left, output_width);
                        const float *restrict gradient =
                            ox < 0 ? NULL : image + ((size_t)oy * output_width + (size_t)ox) * filters;
                        if (filters == 1) {
                            slot[0] = gradient ? gradient[0] : 0;
                        } else if (gradient) {
                            memcpy(slot, gradient, filters * sizeof(float));
                        } else {
                            memset(slot, 0, filters * sizeof(float));
                        }
                    }
                }
            }
        }
    }
}
