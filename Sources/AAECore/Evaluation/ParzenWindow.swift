import Foundation

/// The Parzen-window log-likelihood that the GAN and adversarial autoencoder
/// papers report for generative models of MNIST (Breuleux et al., 2011;
/// Goodfellow et al., 2014; Makhzani et al., 2016).
///
/// A model's samples `s₁…s_N` are turned into a density by centring an
/// isotropic Gaussian of standard deviation `σ` on each,
/// `log p(x) = logsumexpᵢ(−‖x − sᵢ‖² / 2σ²) − log N − (D/2)·log(2πσ²)`, and the
/// mean of `log p` over held-out data is the score. `σ` is chosen from a grid
/// (by default `logspace(−1, 0, 10)`, as in the GAN code) to maximise the mean
/// on a validation set; the score is then the mean over a separate test set
/// with its standard error. The value depends on the data's scale: the papers
/// use pixels in `[0, 1]`.
///
/// Distances come from `sgemm` over blocks of points (`BlockedSquaredDistances`);
/// each point's log-sum-exp is in Double, relative to its nearest sample, for
/// every `σ` in one pass, and skips terms below `e⁻⁴⁰` of the largest (a relative
/// error under `10⁻¹¹` for up to a million samples). Points are processed on all cores.
public enum ParzenWindow {
    /// The outcome of a Parzen-window evaluation.
    public struct Result: Equatable, Sendable {
        /// The bandwidth chosen on the validation set.
        public let sigma: Double
        /// The mean log-likelihood of the test points, in nats.
        public let meanLogLikelihood: Double
        /// The standard error of that mean: the sample standard deviation of
        /// the test log-likelihoods over `√n` (NaN for a single test point).
        public let standardError: Double
        /// The grid searched.
        public let sigmas: [Double]
        /// The mean validation log-likelihood for each bandwidth of `sigmas`.
        public let validationMeanLogLikelihoods: [Double]
    }

    /// `count` values spaced evenly in log scale from `10^from` to `10^to`, like NumPy's `logspace`.
    public static func logspace(from start: Double, to end: Double, count: Int) -> [Double] {
        precondition(count >= 1, "count must be positive")
        guard count > 1 else { return [pow(10, start)] }
        return (0..<count).map { pow(10, start + (end - start) * Double($0) / Double(count - 1)) }
    }

    /// The bandwidths the GAN paper's evaluation code searches: `logspace(−1, 0, 10)`.
    public static let defaultSigmas = logspace(from: -1, to: 0, count: 10)

    /// Chooses `σ` from `sigmas` by the mean log-likelihood of `validation` and
    /// reports the mean log-likelihood of `test` under it, with its standard error.
    /// All data are rows of `dimension` values, row-major. Ties between
    /// bandwidths go to the earlier one in `sigmas`.
    public static func evaluate(samples: [Float], validation: [Float], test: [Float], dimension: Int,
                                sigmas: [Double] = defaultSigmas) -> Result {
        precondition(!validation.isEmpty && !test.isEmpty, "validation and test points are needed")
        let validationScores = logLikelihoods(samples: samples, points: validation, dimension: dimension,
                                              sigmas: sigmas)
        let validationMeans = validationScores.map { $0.reduce(0, +) / Double($0.count) }
        var best = 0
        for index in validationMeans.indices where validationMeans[index] > validationMeans[best] { best = index }
        let sigma = sigmas[best]
        let testScores = logLikelihoods(samples: samples, points: test, dimension: dimension, sigmas: [sigma])[0]
        let (mean, standardError) = meanAndStandardError(testScores)
        return Result(sigma: sigma, meanLogLikelihood: mean, standardError: standardError,
                      sigmas: sigmas, validationMeanLogLikelihoods: validationMeans)
    }

    /// The mean of `values` and its standard error, `s/√n` with the sample
    /// standard deviation `s` (denominator `n − 1`); NaN for one value.
    public static func meanAndStandardError(_ values: [Double]) -> (mean: Double, standardError: Double) {
        precondition(!values.isEmpty, "no values")
        let n = Double(values.count)
        let mean = values.reduce(0, +) / n
        guard values.count > 1 else { return (mean, .nan) }
        let squares = values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) }
        return (mean, (squares / (n - 1) / n).squareRoot())
    }

    /// The Parzen-window log-likelihood of each row of `points` for each bandwidth:
    /// `result[s][i]` is `log p(pointᵢ)` with `σ = sigmas[s]`.
    public static func logLikelihoods(samples: [Float], points: [Float], dimension: Int,
                                      sigmas: [Double]) -> [[Double]] {
        precondition(dimension > 0 && samples.count % dimension == 0 && points.count % dimension == 0,
                     "data are not rows of \(dimension) values")
        precondition(!sigmas.isEmpty && sigmas.allSatisfy { $0 > 0 && $0.isFinite }, "bandwidths must be positive")
        let sampleCount = samples.count / dimension, pointCount = points.count / dimension
        precondition(sampleCount > 0, "no samples")

        // Increasing kernel scales 1/2σ², so a term too small for one scale is
        // too small for every later one.
        let order = sigmas.indices.sorted { sigmas[$0] > sigmas[$1] }
        let scales = order.map { 1 / (2 * sigmas[$0] * sigmas[$0]) }
        let offsets = order.map { index -> Double in
            -log(Double(sampleCount)) - Double(dimension) / 2 * log(2 * Double.pi * sigmas[index] * sigmas[index])
        }
        let bandwidthCount = sigmas.count
        var ordered = [Double](repeating: 0, count: bandwidthCount * pointCount)
        guard pointCount > 0 else { return Array(repeating: [], count: bandwidthCount) }

        samples.withUnsafeBufferPointer { s in
            points.withUnsafeBufferPointer { p in
                ordered.withUnsafeMutableBufferPointer { out in
                    let output = out.baseAddress!
                    BlockedSquaredDistances.forEachBlock(
                        queries: p.baseAddress!, queryCount: pointCount, references: s.baseAddress!,
                        referenceCount: sampleCount, dimension: dimension
                    ) { blockStart, rows, distances in
                        Parallelism.forEachChunk(count: rows, minimumPerWorker: 4) { chunk in
                            logSumExp(distances: distances, rows: chunk, sampleCount: sampleCount,
                                      scales: scales, offsets: offsets,
                                      into: output + blockStart * bandwidthCount)
                        }
                    }
                }
            }
        }
        var result = [[Double]](repeating: [], count: bandwidthCount)
        for (position, index) in order.enumerated() {
            result[index] = (0..<pointCount).map { ordered[$0 * bandwidthCount + position] }
        }
        return result
    }

    /// The log-likelihood of each row in `rows` of the distance block for every
    /// scale, written row-major at `output` (one row of `scales.count` values per point).
    private static func logSumExp(distances: UnsafePointer<Float>, rows: Range<Int>, sampleCount: Int,
                                  scales: [Double], offsets: [Double], into output: UnsafeMutablePointer<Double>) {
        let cutoff = 40.0
        let bandwidthCount = scales.count
        var sums = [Double](repeating: 0, count: bandwidthCount)
        scales.withUnsafeBufferPointer { scale in
            sums.withUnsafeMutableBufferPointer { sum in
                for row in rows {
                    let d = distances + row * sampleCount
                    var nearest = d[0]
                    for j in 1..<sampleCount { nearest = Swift.min(nearest, d[j]) }
                    let base = Double(nearest)
                    for b in 0..<bandwidthCount { sum[b] = 0 }
                    for j in 0..<sampleCount {
                        let excess = Double(d[j]) - base
                        for b in 0..<bandwidthCount {
                            let exponent = excess * scale[b]
                            if exponent > cutoff { break }
                            sum[b] += exp(-exponent)
                        }
                    }
                    for b in 0..<bandwidthCount {
                        output[row * bandwidthCount + b] = -base * scale[b] + log(sum[b]) + offsets[b]
                    }
                }
            }
        }
    }
}
