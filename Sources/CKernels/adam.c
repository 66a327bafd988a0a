#include "kernels.h"
#include "multiversion.h"

AAE_MULTIVERSION
void aae_adam_update(float *restrict theta, const float *restrict gradient, float *restrict first_moment,
                     float *restrict second_moment, size_t count, float step_size, float beta1, float beta2,
                     float epsilon) {
    const float one_minus_beta1 = 1.0f - beta1, one_minus_beta2 = 1.0f - beta2;
    for (size_t i = 0; i < count; i++) {
        const float g = gradient[i];
        const float m = beta1 * first_moment[i] + one_minus_beta1 * g;
        const float v = beta2 * second_moment[i] + one_minus_beta2 * g * g;
        first_moment[i] = m;
        second_moment[i] = v;
        theta[i] = theta[i] - step_size * m / (__builtin_sqrtf(v) + epsilon);
    }
}
