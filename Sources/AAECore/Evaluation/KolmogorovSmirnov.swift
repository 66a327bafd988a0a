/// The one-sample Kolmogorov–Smirnov statistic `Dₙ = supₓ |Fₙ(x) − F(x)|`: the
/// largest gap between the empirical distribution of samples and a reference
/// CDF.
///
/// Applied to each code dimension against the prior's marginal, it measures how
/// well an adversarial autoencoder has shaped its aggregated posterior: near
/// `0` when the marginals match (about `0.87/√n` on average for `n` samples
/// of the right distribution), `2Φ(½) − 1 ≈ 0.383` for codes shifted by one
/// standard deviation of a normal prior, `1` for disjoint supports. It sees
/// marginals only, not the dependence between dimensions; MMD does.
public enum KolmogorovSmirnov {
    /// `Dₙ` of `samples` against `cdf`, the reference distribution function.
    public static func statistic(_ samples: [Double], cdf: (Double) -> Double) -> Double {
        precondition(!samples.isEmpty, "no samples")
        return statistic(sorted: samples.sorted(), cdf: cdf)!
    }

    /// `Dₙ` of `samples` against `cdf`.
    public static func statistic(_ samples: [Float], cdf: (Double) -> Double) -> Double {
        statistic(samples.map(Double.init), cdf: cdf)
    }

    /// `Dₙ` of each column of `codes` (`count × dimension`, row-major) against the
    /// prior's marginal CDF of that dimension; `nil` when the prior has none.
    public static func marginalStatistics(codes: [Float], dimension: Int, prior: some Prior) -> [Double]? {
        precondition(dimension > 0 && codes.count % dimension == 0, "codes are not rows of \(dimension) values")
        precondition(prior.dimension == dimension, "prior of dimension \(prior.dimension) for \(dimension)-D codes")
        let count = codes.count / dimension
        precondition(count > 0, "no codes")
        var statistics: [Double] = []
        statistics.reserveCapacity(dimension)
        for column in 0..<dimension {
            let values = (0..<count).map { Double(codes[$0 * dimension + column]) }.sorted()
            guard let distance = statistic(sorted: values, cdf: { prior.marginalCDF($0, dimension: column) })
            else { return nil }
            statistics.append(distance)
        }
        return statistics
    }

    /// The mean over code dimensions of `Dₙ` against the prior's marginal CDFs;
    /// `nil` when the prior has no closed-form marginal CDF.
    public static func meanMarginalKS(codes: [Float], dimension: Int, prior: some Prior) -> Double? {
        guard let statistics = marginalStatistics(codes: codes, dimension: dimension, prior: prior) else { return nil }
        return statistics.reduce(0, +) / Double(statistics.count)
    }

    /// `Dₙ` of ascending `sorted` samples; `nil` as soon as `cdf` has no value.
    /// Tied samples need no special case: the gaps computed at each copy are
    /// bounded by, and include, the true gaps at the jump.
    private static func statistic(sorted: [Double], cdf: (Double) -> Double?) -> Double? {
        let n = Double(sorted.count)
        var distance = 0.0
        for (i, x) in sorted.enumerated() {
            guard let f = cdf(x) else { return nil }
            distance = Swift.max(distance, Double(i + 1) / n - f, f - Double(i) / n)
        }
        return distance
    }
}
