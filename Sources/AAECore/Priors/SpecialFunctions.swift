import Foundation

/// The special functions that the priors' exact marginal CDFs are made of.
///
/// Public so that tests can pin them against tabulated values; the priors are
/// their only callers in the engine.
public enum SpecialFunctions {
    /// The regularized incomplete beta function `I_x(a, b)` for `a, b > 0` and
    /// `x` in `[0, 1]` (values outside are clamped).
    ///
    /// Evaluated with the continued fraction of Numerical Recipes (Press et al.,
    /// §6.4) by the modified Lentz method, on whichever of `I_x(a, b)` and
    /// `1 − I_{1−x}(b, a)` converges faster.
    public static func regularizedIncompleteBeta(_ x: Double, a: Double, b: Double) -> Double {
        precondition(a > 0 && b > 0, "the incomplete beta function needs a, b > 0")
        if x <= 0 { return 0 }
        if x >= 1 { return 1 }
        let logFront = lgamma(a + b) - lgamma(a) - lgamma(b) + a * log(x) + b * log1p(-x)
        let front = exp(logFront)
        if x < (a + 1) / (a + b + 2) {
            return front * betaContinuedFraction(x, a: a, b: b) / a
        }
        return 1 - front * betaContinuedFraction(1 - x, a: b, b: a) / b
    }

    /// The cumulative distribution of Student's t with `degreesOfFreedom` (> 0)
    /// at `t`: `1 − ½·I_{ν/(ν+t²)}(ν/2, ½)` for `t ≥ 0`, mirrored for `t < 0`.
    public static func studentTCDF(_ t: Double, degreesOfFreedom nu: Double) -> Double {
        precondition(nu > 0, "degrees of freedom must be positive")
        if t.isInfinite { return t > 0 ? 1 : 0 }
        let tail = 0.5 * regularizedIncompleteBeta(nu / (nu + t * t), a: nu / 2, b: 0.5)
        return t >= 0 ? 1 - tail : tail
    }

    /// The cumulative distribution of `N(mean, std²)` at `x`.
    public static func normalCDF(_ x: Double, mean: Double = 0, std: Double = 1) -> Double {
        0.5 * erfc(-(x - mean) / (std * 2.0.squareRoot()))
    }

    /// The continued fraction of `I_x(a, b)` (Numerical Recipes' `betacf`),
    /// converged to double precision.
    private static func betaContinuedFraction(_ x: Double, a: Double, b: Double) -> Double {
        let tiny = 1e-300, epsilon = 1e-15
        let maxIterations = 10_000
        let qab = a + b, qap = a + 1, qam = a - 1
        var c = 1.0
        var d = 1 - qab * x / qap
        if abs(d) < tiny { d = tiny }
        d = 1 / d
        var h = d
        for m in 1...maxIterations {
            let m = Double(m), m2 = 2 * m
            var aa = m * (b - m) * x / ((qam + m2) * (a + m2))
            d = 1 + aa * d
            if abs(d) < tiny { d = tiny }
            c = 1 + aa / c
            if abs(c) < tiny { c = tiny }
            d = 1 / d
            h *= d * c
            aa = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2))
            d = 1 + aa * d
            if abs(d) < tiny { d = tiny }
            c = 1 + aa / c
            if abs(c) < tiny { c = tiny }
            d = 1 / d
            let delta = d * c
            h *= delta
            if abs(delta - 1) < epsilon { break }
        }
        return h
    }
}
