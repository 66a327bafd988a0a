#ifndef AAE_FAST_MATH_H
#define AAE_FAST_MATH_H
#include <stdint.h>
#include <string.h>

/// Vectorisable `exp` and `log` for the activation and loss loops: the Cephes
/// single-precision polynomials (relative error about 2e-7 over the normal
/// range) as straight-line code. The C library's `expf` is a scalar call no
/// compiler vectorises. Swift's `FastMath` calls these, so both languages
/// compute the same bits.

static inline uint32_t aae_float_bits(float x) { uint32_t b; memcpy(&b, &x, sizeof b); return b; }
static inline float aae_bits_float(uint32_t b) { float x; memcpy(&x, &b, sizeof x); return x; }

/// eˣ, with x clamped to [−87.3, 88.7], the range where the result is a normal float.
static inline float aae_fast_exp(float value) {
    float x = (-87.33654f >= value) ? -87.33654f : value;
    x = (88.72283f < x) ? 88.72283f : x;
    // Adding 1.5 · 2²³ rounds x·log₂e to the nearest integer n and leaves n in
    // the low mantissa bits, with no float-to-integer conversion to block SIMD.
    const float shifted = x * 1.442695041f + 12582912.0f;
    const float n = shifted - 12582912.0f;
    const float r = x - n * 0.693359375f + n * 2.12194440e-4f;
    float p = 1.9875691500e-4f;
    p = p * r + 1.3981999507e-3f;
    p = p * r + 8.3334519073e-3f;
    p = p * r + 4.1665795894e-2f;
    p = p * r + 1.6666665459e-1f;
    p = p * r + 5.0000001201e-1f;
    const float y = p * r * r + r + 1.0f;
    // 2ⁿ as 2ⁿ⁻¹ · 2, so that n = 128 (x near the top of the range) stays finite;
    // n = −126 gives 0, flushing results below 1.2e-38 to zero.
    const float scale = aae_bits_float((aae_float_bits(shifted) - 0x4B400000u + 126u) << 23);
    return y * scale * 2.0f;
}

/// The natural logarithm of a positive, finite, normal value.
static inline float aae_fast_log(float value) {
    const uint32_t bits = aae_float_bits(value);
    float exponent = (float)((int32_t)((bits >> 23) & 0xFFu) - 126);
    float m = aae_bits_float((bits & 0x007FFFFFu) | 0x3F000000u);
    const int below = m < 0.707106781186547524f;
    exponent = below ? exponent - 1.0f : exponent;
    m = below ? m + m - 1.0f : m - 1.0f;
    const float z = m * m;
    float y = 7.0376836292e-2f;
    y = y * m - 1.1514610310e-1f;
    y = y * m + 1.1676998740e-1f;
    y = y * m - 1.2420140846e-1f;
    y = y * m + 1.4249322787e-1f;
    y = y * m - 1.6668057665e-1f;
    y = y * m + 2.0000714765e-1f;
    y = y * m - 2.4999993993e-1f;
    y = y * m + 3.3333331174e-1f;
    y = y * m * z;
    y += -2.12194440e-4f * exponent;
    y += -0.5f * z;
    return m + y + 0.693359375f * exponent;
}

/// tanh(x) = sign(x) · (1 − e^(−2|x|)) / (1 + e^(−2|x|)).
static inline float aae_fast_tanh(float x) {
    const float e = aae_fast_exp(-2.0f * __builtin_fabsf(x));
    const float magnitude = (1.0f - e) / (1.0f + e);
    return x < 0 ? -magnitude : magnitude;
}

/// The logistic function 1 / (1 + e^(−x)).
static inline float aae_fast_sigmoid(float x) { return 1.0f / (1.0f + aae_fast_exp(-x)); }

/// log(1 + e^(−|x|)), the stable tail of softplus and of cross-entropy from logits.
static inline float aae_fast_log_one_plus_exp_negative_abs(float x) {
    return aae_fast_log(1.0f + aae_fast_exp(-__builtin_fabsf(x)));
}

#endif
