#include "kernels.h"
#include "multiversion.h"
#include "rectifier.h"

AAE_MULTIVERSION
void aae_column_sums(const float *restrict dy, const float *restrict y, float slope, size_t rows, size_t columns,
                     size_t stride, float *restrict sums) {
    if (y) {
        for (size_t r = 0; r < rows; r++) {
            const float *restrict gradient = dy + r * stride, *restrict output = y + r * stride;
            for (size_t c = 0; c < columns; c++) sums[c] += gradient[c] * aae_rectifier_factor(output[c], slope);
        }
    } else {
        for (size_t r = 0; r < rows; r++) {
            const float *restrict gradient = dy + r * stride;
            for (size_t c = 0; c < columns; c++) sums[c] += gradient[c];
        }
    }
}
