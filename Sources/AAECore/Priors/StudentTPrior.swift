import Foundation

/// Independent Student's t distributions, `scale·t(ν)`, in every dimension: a
/// heavy-tailed alternative to the normal prior, for asking whether an AAE's
/// codes follow a prior whose tails are not Gaussian (the paper's Section 2
/// allows any prior it can sample; `ν → ∞` recovers `N(0, scale²)`).
///
/// A sample is `scale·z / √(χ²/ν)` with `z` standard normal. For integer
/// `ν ≤ 32` the `χ²` is a sum of `ν` squared normals; otherwise it is
/// `2·Gamma(ν/2)` by Marsaglia–Tsang. Samples beyond the largest finite
/// `Float` (possible only for `ν` far below 1) are clamped to it.
public struct StudentTPrior: Prior {
    public let dimension: Int
    /// The degrees of freedom `ν` (> 0); smaller is heavier-tailed.
    public let degreesOfFreedom: Double
    /// The scale the standard t samples are multiplied by (> 0).
    public let scale: Float

    /// The largest integer `ν` whose `χ²` is drawn as a sum of squared normals.
    static let largestSummedDegreesOfFreedom = 32.0

    public init(dimension: Int, degreesOfFreedom: Double = 3, scale: Float = 1) {
        precondition(degreesOfFreedom > 0, "degrees of freedom must be positive")
        precondition(scale > 0, "scale must be positive")
        self.dimension = dimension
        self.degreesOfFreedom = degreesOfFreedom
        self.scale = scale
    }

    public func sample(rows: Int, into destination: UnsafeMutablePointer<Float>, random: inout RandomGenerator) {
        let nu = degreesOfFreedom
        let summed = nu == nu.rounded() && nu <= Self.largestSummedDegreesOfFreedom
        let scale = Double(scale), limit = Double(Float.greatestFiniteMagnitude)
        for i in 0..<(rows * dimension) {
            let z = random.nextNormal()
            var chiSquared = 0.0
            if summed {
                for _ in 0..<Int(nu) {
                    let w = random.nextNormal()
                    chiSquared += w * w
                }
            } else {
                chiSquared = random.nextChiSquared(degreesOfFreedom: nu)
            }
            let t = scale * z / (chiSquared / nu).squareRoot()
            destination[i] = Float(t.isNaN ? 0 : min(max(t, -limit), limit))
        }
    }

    public func marginalCDF(_ x: Double, dimension index: Int) -> Double? {
        SpecialFunctions.studentTCDF(x / Double(scale), degreesOfFreedom: degreesOfFreedom)
    }
}
