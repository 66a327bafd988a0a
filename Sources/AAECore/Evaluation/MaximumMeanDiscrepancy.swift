import Foundation

/// The squared maximum mean discrepancy between two samples, by the unbiased
/// estimator of Gretton et al. (2012) with a Gaussian (RBF) kernel.
///
/// `MMD² = E k(x,x′) + E k(y,y′) − 2 E k(x,y)` is zero exactly when the two
/// distributions are equal, so between codes and prior samples it measures the
/// whole joint mismatch that an adversarial autoencoder tries to remove (the
/// KS statistic sees marginals only). The estimator averages over distinct
/// pairs only, so it is unbiased and may come out slightly negative when the
/// distributions agree.
///
/// The kernel is `k(a, b) = exp(−‖a − b‖² / (2σ²))`. Unless given, the bandwidth
/// is the median heuristic: `σ` is the median Euclidean distance between distinct
/// points of the pooled sample, i.e. `σ² = median²` (not `median²/2`).
///
/// Pairwise distances come from one `sgemm` over the pooled sample; kernel sums
/// are in Double. Inputs with more than `sampleLimit` rows are reduced to
/// `sampleLimit` evenly spaced rows (rows `⌊i·count/sampleLimit⌋`), which is
/// deterministic and keeps the cost at `(2·sampleLimit)²` kernel evaluations.
public enum MaximumMeanDiscrepancy {
    /// The default number of rows kept from each sample.
    public static let defaultSampleLimit = 2_000

    /// An MMD² estimate and what it was computed from.
    public struct Estimate: Equatable, Sendable {
        /// The unbiased estimate of MMD²; may be slightly negative.
        public let squared: Double
        /// The kernel bandwidth `σ` used.
        public let bandwidth: Double
        /// The number of rows of the first sample used (after the limit).
        public let xCount: Int
        /// The number of rows of the second sample used (after the limit).
        public let yCount: Int
    }

    /// Estimates MMD² between `x` (`n × dimension`) and `y` (`m × dimension`),
    /// both row-major, each reduced to at most `sampleLimit` rows. `bandwidth`
    /// is the kernel's `σ`; `nil` chooses it by the median heuristic.
    public static func estimate(
        x: [Float], y: [Float], dimension: Int,
        bandwidth: Double? = nil, sampleLimit: Int = defaultSampleLimit
    ) -> Estimate {
        precondition(dimension > 0 && x.count % dimension == 0 && y.count % dimension == 0,
                     "data are not rows of \(dimension) values")
        precondition(sampleLimit >= 2, "sampleLimit must be at least 2")
        if let bandwidth { precondition(bandwidth > 0, "bandwidth must be positive") }
        let xs = evenlySpacedRows(x, dimension: dimension, limit: sampleLimit)
        let ys = evenlySpacedRows(y, dimension: dimension, limit: sampleLimit)
        let n = xs.count / dimension, m = ys.count / dimension
        precondition(n >= 2 && m >= 2, "MMD needs at least two rows in each sample")

        let total = n + m
        let pooled = xs + ys
        let distances = SquaredDistances.matrix(pooled, pooled, dimension: dimension)
        let sigma = bandwidth ?? medianDistance(squaredDistances: distances, count: total)
        let gamma = 1 / (2 * sigma * sigma)

        var sumXX = 0.0, sumYY = 0.0, sumXY = 0.0
        distances.withUnsafeBufferPointer { d in
            for i in 0..<total {
                let row = d.baseAddress! + i * total
                var within = 0.0, across = 0.0
                let boundary = i < n ? n : total
                for j in (i + 1)..<boundary { within += exp(-gamma * Double(row[j])) }
                if i < n {
                    for j in n..<total { across += exp(-gamma * Double(row[j])) }
                    sumXX += within
                    sumXY += across
                } else {
                    sumYY += within
                }
            }
        }
        let nn = Double(n), mm = Double(m)
        let squared = 2 * sumXX / (nn * (nn - 1)) + 2 * sumYY / (mm * (mm - 1)) - 2 * sumXY / (nn * mm)
        return Estimate(squared: squared, bandwidth: sigma, xCount: n, yCount: m)
    }

    /// Estimates MMD² between `codes` and as many samples of `prior` (up to
    /// `sampleLimit`), drawn with `random`.
    public static func estimate(
        codes: [Float], dimension: Int, prior: some Prior, random: inout RandomGenerator,
        bandwidth: Double? = nil, sampleLimit: Int = defaultSampleLimit
    ) -> Estimate {
        precondition(prior.dimension == dimension, "prior of dimension \(prior.dimension) for \(dimension)-D codes")
        let rows = Swift.min(codes.count / dimension, sampleLimit)
        let samples = prior.samples(rows: rows, random: &random)
        return estimate(x: codes, y: samples, dimension: dimension, bandwidth: bandwidth, sampleLimit: sampleLimit)
    }

    /// The median heuristic's bandwidth for `points` (`count × dimension`): the
    /// median Euclidean distance between distinct rows (mean of the two middle
    /// distances for an even number of pairs), or `1` when it is zero.
    public static func medianHeuristicBandwidth(_ points: [Float], dimension: Int) -> Double {
        let count = points.count / dimension
        precondition(count >= 2, "the median heuristic needs at least two points")
        let distances = SquaredDistances.matrix(points, points, dimension: dimension)
        return medianDistance(squaredDistances: distances, count: count)
    }

    /// The median off-diagonal distance of a symmetric `count × count` matrix of
    /// squared distances, or `1` when zero.
    private static func medianDistance(squaredDistances distances: [Float], count: Int) -> Double {
        var pairs = [Float]()
        pairs.reserveCapacity(count * (count - 1) / 2)
        for i in 0..<count {
            pairs.append(contentsOf: distances[(i * count + i + 1)..<((i + 1) * count)])
        }
        let middle = pairs.withUnsafeMutableBufferPointer { OrderStatistics.middlePair($0) }
        let median = (Double(middle.lower).squareRoot() + Double(middle.upper).squareRoot()) / 2
        return median > 0 ? median : 1
    }

    /// At most `limit` rows of `data`: all of them, or rows `⌊i·count/limit⌋`.
    static func evenlySpacedRows(_ data: [Float], dimension: Int, limit: Int) -> [Float] {
        let count = data.count / dimension
        guard count > limit else { return data }
        var rows = [Float]()
        rows.reserveCapacity(limit * dimension)
        for i in 0..<limit {
            let row = i * count / limit
            rows.append(contentsOf: data[(row * dimension)..<((row + 1) * dimension)])
        }
        return rows
    }
}
