import Foundation

extension RandomGenerator {
    /// A `Gamma(shape, 1)` sample by Marsaglia and Tsang's squeeze method (2000,
    /// "A simple method for generating gamma variables"), built on the
    /// generator's own normals and uniforms so it stays reproducible.
    ///
    /// Shapes below 1 use the paper's boost: `Gamma(a) = Gamma(a + 1)·U^(1/a)`.
    mutating func nextGamma(shape: Double) -> Double {
        precondition(shape > 0, "the gamma shape must be positive")
        if shape < 1 {
            let boosted = nextGamma(shape: shape + 1)
            return boosted * pow(nextPositiveDouble(), 1 / shape)
        }
        let d = shape - 1.0 / 3.0
        let c = 1 / (9 * d).squareRoot()
        while true {
            let x = nextNormal()
            let base = 1 + c * x
            guard base > 0 else { continue }
            let v = base * base * base
            let u = nextPositiveDouble()
            let x2 = x * x
            if u < 1 - 0.0331 * x2 * x2 { return d * v }
            if log(u) < 0.5 * x2 + d * (1 - v + log(v)) { return d * v }
        }
    }

    /// A `χ²(degreesOfFreedom)` sample: `2·Gamma(ν/2)`.
    mutating func nextChiSquared(degreesOfFreedom nu: Double) -> Double {
        2 * nextGamma(shape: nu / 2)
    }

    /// A uniform `Double` in `(0, 1)`, safe to take the logarithm of.
    private mutating func nextPositiveDouble() -> Double {
        var u = nextDouble()
        while u <= 0 { u = nextDouble() }
        return u
    }
}
