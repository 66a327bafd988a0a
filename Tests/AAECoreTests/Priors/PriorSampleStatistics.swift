import AAECore
import Foundation

/// Summaries of prior samples that the prior tests compare with the prior's
/// own description (moments, marginal CDF).
enum PriorSampleStatistics {
    /// Coordinate `index` of every row of row-major `values`.
    static func column(_ values: [Float], dimension: Int, index: Int) -> [Double] {
        stride(from: index, to: values.count, by: dimension).map { Double(values[$0]) }
    }

    static func mean(_ values: [Double]) -> Double {
        values.reduce(0, +) / Double(values.count)
    }

    static func variance(_ values: [Double]) -> Double {
        let mean = mean(values)
        return values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(values.count - 1)
    }

    /// The Kolmogorov–Smirnov distance between the empirical distribution of
    /// `values` and `cdf`.
    static func kolmogorovSmirnov(_ values: [Double], cdf: (Double) -> Double) -> Double {
        let sorted = values.sorted(), n = Double(sorted.count)
        var distance = 0.0
        for (i, x) in sorted.enumerated() {
            let f = cdf(x)
            distance = max(distance, f - Double(i) / n, Double(i + 1) / n - f)
        }
        return distance
    }

    /// The largest KS distance over all code dimensions between `prior`'s own
    /// samples and its marginal CDFs.
    static func worstMarginalKS(_ prior: some Prior, rows: Int, seed: UInt64) -> Double {
        var random = RandomGenerator(seed: seed)
        let values = prior.samples(rows: rows, random: &random)
        return (0..<prior.dimension).map { index in
            kolmogorovSmirnov(column(values, dimension: prior.dimension, index: index)) {
                prior.marginalCDF($0, dimension: index)!
            }
        }.max()!
    }
}
