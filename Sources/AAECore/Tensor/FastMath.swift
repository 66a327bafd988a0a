/// Vectorisable `exp` and `log` for the activation and loss loops.
///
/// The C library's `expf` and `tanhf` are scalar calls that the compiler cannot
/// vectorise; on a decoder's 128 × 784 outputs they cost as much as a matrix
/// product. These are the Cephes single-precision polynomials (relative error
/// about 2e-7 over the normal range) written as straight-line code, so loops
/// over them compile to SIMD instructions.
public enum FastMath {
    /// `eˣ`, with `x` clamped to [−87.3, 88.7], the range where the result is a normal `Float`.
    @inline(__always)
    public static func exp(_ value: Float) -> Float {
        let x = min(max(value, -87.33654), 88.72283)
        // Adding 1.5 · 2²³ rounds x·log₂e to the nearest integer n and leaves n in
        // the low mantissa bits, with no float-to-integer conversion to block SIMD.
        let shifted = x * 1.442695041 + 12_582_912
        let n = shifted - 12_582_912
        let r = x - n * 0.693359375 + n * 2.12194440e-4
        var p: Float = 1.9875691500e-4
        p = p * r + 1.3981999507e-3
        p = p * r + 8.3334519073e-3
        p = p * r + 4.1665795894e-2
        p = p * r + 1.6666665459e-1
        p = p * r + 5.0000001201e-1
        let y = p * r * r + r + 1
        // 2ⁿ as 2ⁿ⁻¹ · 2, so that n = 128 (x near the top of the range) stays finite;
        // n = −126 gives 0, flushing results below 1.2e-38 to zero.
        let scale = Float(bitPattern: (shifted.bitPattern &- 0x4B40_0000 &+ 126) << 23)
        return y * scale * 2
    }

    /// The natural logarithm of a positive, finite, normal `value`.
    @inline(__always)
    public static func log(_ value: Float) -> Float {
        let bits = value.bitPattern
        var exponent = Float(Int32(bitPattern: (bits >> 23) & 0xFF) &- 126)
        var m = Float(bitPattern: (bits & 0x007F_FFFF) | 0x3F00_0000)
        if m < 0.707106781186547524 {
            exponent -= 1
            m = m + m - 1
        } else {
            m -= 1
        }
        let z = m * m
        var y: Float = 7.0376836292e-2
        y = y * m - 1.1514610310e-1
        y = y * m + 1.1676998740e-1
        y = y * m - 1.2420140846e-1
        y = y * m + 1.4249322787e-1
        y = y * m - 1.6668057665e-1
        y = y * m + 2.0000714765e-1
        y = y * m - 2.4999993993e-1
        y = y * m + 3.3333331174e-1
        y = y * m * z
        y += -2.12194440e-4 * exponent
        y += -0.5 * z
        return m + y + 0.693359375 * exponent
    }

    /// `tanh(x) = sign(x) · (1 − e^(−2|x|)) / (1 + e^(−2|x|))`.
    @inline(__always)
    public static func tanh(_ x: Float) -> Float {
        let e = exp(-2 * Swift.abs(x))
        let magnitude = (1 - e) / (1 + e)
        return x < 0 ? -magnitude : magnitude
    }

    /// The logistic function `1 / (1 + e^(−x))`.
    @inline(__always)
    public static func sigmoid(_ x: Float) -> Float {
        1 / (1 + exp(-x))
    }

    /// `log(1 + e^(−|x|))`, the stable tail of softplus and of cross-entropy from logits.
    @inline(__always)
    public static func logOnePlusExpNegativeAbs(_ x: Float) -> Float {
        log(1 + exp(-Swift.abs(x)))
    }
}
