import Foundation

/// An isotropic normal distribution, `N(mean, std²)` in every dimension: the
/// prior of the deterministic AAE of the seeds.
public struct NormalPrior: Prior {
    public let dimension: Int
    public let mean: Float
    public let std: Float

    public init(dimension: Int, mean: Float = 0, std: Float = 1) {
        precondition(std > 0, "std must be positive")
        self.dimension = dimension
        self.mean = mean
        self.std = std
    }

    public func sample(rows: Int, into destination: UnsafeMutablePointer<Float>, random: inout RandomGenerator) {
        random.fillNormal(destination, count: rows * dimension, mean: mean, std: std)
    }

    public func marginalCDF(_ x: Double, dimension index: Int) -> Double? {
        0.5 * erfc(-(x - Double(mean)) / (Double(std) * 2.0.squareRoot()))
    }
}
