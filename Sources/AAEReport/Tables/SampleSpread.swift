/// The mean and the sample standard deviation of the finite values among some runs'
/// values of one metric, e.g. the runs of one sweep point over its seeds: what
/// `aae-run table`, a sweep's summary over seeds and its figures report as `mean ± sd`.
///
/// The standard deviation is the sample one, √(Σ (x − mean)² / (n − 1)), the estimate of
/// the seed-to-seed spread of a population of runs (numpy's `std(ddof=1)`); it is NaN for
/// fewer than two values, which are then reported without a spread. Non-finite values
/// (a diverged run's NaN) are left out of both.
public struct SampleSpread: Sendable, Equatable {
    /// The number of finite values.
    public let count: Int
    /// NaN when there is no finite value.
    public let mean: Double
    /// NaN for fewer than two finite values.
    public let standardDeviation: Double

    public init(_ values: [Double]) {
        let finite = values.filter(\.isFinite)
        count = finite.count
        let mean = finite.isEmpty ? .nan : finite.reduce(0, +) / Double(finite.count)
        self.mean = mean
        standardDeviation = finite.count > 1
            ? (finite.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(finite.count - 1)).squareRoot() : .nan
    }
}
