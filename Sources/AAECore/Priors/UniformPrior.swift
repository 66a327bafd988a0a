import Foundation

/// Independent uniform distributions on `[low, high)` in every dimension: a
/// bounded prior whose codes fill a box, as in the uniform-prior experiments
/// of popular AAE reimplementations (the paper allows any prior it can sample).
public struct UniformPrior: Prior {
    public let dimension: Int
    public let low: Float
    public let high: Float

    public init(dimension: Int, low: Float = -1, high: Float = 1) {
        precondition(high > low, "a uniform prior needs high > low")
        self.dimension = dimension
        self.low = low
        self.high = high
    }

    public func sample(rows: Int, into destination: UnsafeMutablePointer<Float>, random: inout RandomGenerator) {
        random.fillUniform(destination, count: rows * dimension, low: low, high: high)
    }

    public func marginalCDF(_ x: Double, dimension index: Int) -> Double? {
        let low = Double(low), high = Double(high)
        return min(max((x - low) / (high - low), 0), 1)
    }
}
