/// A distribution over codes that an adversarial autoencoder matches its codes to.
///
/// Adding a prior is one type conforming to this protocol plus one line in the
/// experiment format's prior registry.
public protocol Prior {
    /// The number of code dimensions a sample has.
    var dimension: Int { get }
    /// Writes `rows` samples, each of `dimension` values, row-major at `destination`.
    func sample(rows: Int, into destination: UnsafeMutablePointer<Float>, random: inout RandomGenerator)
    /// The cumulative distribution of code dimension `index`, when it has a closed
    /// form; used to measure how closely codes match the prior.
    func marginalCDF(_ x: Double, dimension index: Int) -> Double?
}

extension Prior {
    public func marginalCDF(_ x: Double, dimension index: Int) -> Double? { nil }

    /// `rows` samples as a row-major array.
    public func samples(rows: Int, random: inout RandomGenerator) -> [Float] {
        var values = [Float](repeating: 0, count: rows * dimension)
        values.withUnsafeMutableBufferPointer { sample(rows: rows, into: $0.baseAddress!, random: &random) }
        return values
    }
}
