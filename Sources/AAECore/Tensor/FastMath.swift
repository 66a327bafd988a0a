import CKernels

/// Vectorisable `exp` and `log` for the activation and loss loops.
///
/// The C library's `expf` and `tanhf` are scalar calls that the compiler cannot
/// vectorise; on a decoder's 128 × 784 outputs they cost as much as a matrix
/// product. These are the Cephes single-precision polynomials (relative error
/// about 2e-7 over the normal range), defined once in CKernels' `fast_math.h`
/// so that Swift and the C kernels compute the same bits.
public enum FastMath {
    /// `eˣ`, with `x` clamped to [−87.3, 88.7], the range where the result is a normal `Float`.
    @inline(__always)
    public static func exp(_ value: Float) -> Float { aae_fast_exp(value) }

    /// The natural logarithm of a positive, finite, normal `value`.
    @inline(__always)
    public static func log(_ value: Float) -> Float { aae_fast_log(value) }

    /// `tanh(x) = sign(x) · (1 − e^(−2|x|)) / (1 + e^(−2|x|))`.
    @inline(__always)
    public static func tanh(_ x: Float) -> Float { aae_fast_tanh(x) }

    /// The logistic function `1 / (1 + e^(−x))`.
    @inline(__always)
    public static func sigmoid(_ x: Float) -> Float { aae_fast_sigmoid(x) }

    /// `log(1 + e^(−|x|))`, the stable tail of softplus and of cross-entropy from logits.
    @inline(__always)
    public static func logOnePlusExpNegativeAbs(_ x: Float) -> Float { aae_fast_log_one_plus_exp_negative_abs(x) }
}
