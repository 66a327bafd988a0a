import Dispatch
import Foundation

/// Exact t-SNE (van der Maaten & Hinton, 2008): a 2-D embedding of points that keeps
/// each point's neighbours near it, for looking at codes wider than two values.
///
/// The steps follow van der Maaten's reference implementation (bhtsne with θ = 0): the
/// points are centred and divided by their largest absolute value; each point's Gaussian
/// affinities are found by bisection on the precision until their perplexity matches the
/// target; the affinities are symmetrised and normalised; then gradient descent with
/// momentum (0.5, then 0.8 from iteration 250), per-coordinate gains (+0.2 when the
/// gradient changes sign, ×0.8 otherwise, at least 0.01), learning rate 200 and early
/// exaggeration (×12 for the first 250 iterations), from a N(0, 10⁻⁴) start drawn from
/// the generator passed in, the embedding re-centred after every step.
///
/// Input distances are one `sgemm` (`SquaredDistances`); the exact O(N²) gradient is
/// computed row by row in 8-wide SIMD, rows split over `Parallelism.workers` threads.
/// Every row is computed the same way whatever the thread count and the row sums are
/// added in row order, so the same points and generator give the same embedding.
public struct TSNE: Sendable {
    /// The target perplexity: about the number of neighbours each point attends to.
    /// Clamped to (N − 1) / 3 for small sets, as the affinities need that many neighbours.
    public var perplexity: Double
    /// Gradient steps.
    public var iterations: Int
    public var learningRate: Float = 200
    public var earlyExaggeration: Float = 12
    /// The iterations with early exaggeration and the low momentum.
    public var exaggerationIterations = 250

    public init(perplexity: Double = 30, iterations: Int = 1_000) {
        precondition(perplexity > 0, "perplexity must be positive")
        precondition(iterations > 0, "t-SNE needs at least one iteration")
        self.perplexity = perplexity
        self.iterations = iterations
    }

    /// The 2-D embedding of the `points.count / dimension` row-major points, row-major
    /// (x, y per point); nil when `shouldStop` returned true (it is asked before every
    /// iteration). Fewer than two points are all placed at the origin.
    public func embed(_ points: [Float], dimension: Int, random: inout RandomGenerator,
                      shouldStop: () -> Bool = { false }) -> [Float]? {
        precondition(dimension > 0 && points.count % dimension == 0, "points are not rows of \(dimension) values")
        let count = points.count / dimension
        guard count > 1 else { return [Float](repeating: 0, count: 2 * count) }
        let affinities = Self.affinities(Self.normalised(points, dimension: dimension), dimension: dimension,
                                         perplexity: min(perplexity, max(Double(count - 1) / 3, 1)))
        var xs = (0..<count).map { _ in random.normal(std: 1e-4) }
        var ys = (0..<count).map { _ in random.normal(std: 1e-4) }
        var velocity = [Float](repeating: 0, count: 2 * count)
        var gains = [Float](repeating: 1, count: 2 * count)
        var gradient = [Float](repeating: 0, count: 2 * count)
        for iteration in 0..<iterations {
            if shouldStop() { return nil }
            let early = iteration < exaggerationIterations
            affinities.withUnsafeBufferPointer { p in
                Self.gradient(p: p.baseAddress!, xs: xs, ys: ys, exaggeration: early ? earlyExaggeration : 1,
                              into: &gradient)
            }
            let momentum: Float = early ? 0.5 : 0.8
            for i in 0..<count {
                for axis in 0..<2 {
                    let index = 2 * i + axis
                    let sameSign = gradient[index].signum == velocity[index].signum
                    gains[index] = max(sameSign ? gains[index] * 0.8 : gains[index] + 0.2, 0.01)
                    velocity[index] = momentum * velocity[index] - learningRate * gains[index] * gradient[index]
                }
                xs[i] += velocity[2 * i]
                ys[i] += velocity[2 * i + 1]
            }
            Self.centre(&xs)
            Self.centre(&ys)
        }
        return (0..<2 * count).map { $0 % 2 == 0 ? xs[$0 / 2] : ys[$0 / 2] }
    }

    /// `points` minus their mean, divided by the largest absolute value left (bhtsne's
    /// normalisation), so that the bisection starts at a sensible scale.
    public static func normalised(_ points: [Float], dimension: Int) -> [Float] {
        let count = points.count / dimension
        var mean = [Double](repeating: 0, count: dimension)
        for (index, value) in points.enumerated() { mean[index % dimension] += Double(value) }
        for j in 0..<dimension { mean[j] /= Double(count) }
        var centred = points.enumerated().map { Float(Double($0.element) - mean[$0.offset % dimension]) }
        let largest = centred.reduce(0) { max($0, abs($1)) }
        if largest > 0 { centred = centred.map { $0 / largest } }
        return centred
    }

    /// The symmetric joint affinities `P` (row-major `N × N`, summing to 1, zero diagonal):
    /// the conditional affinities `p(j | i)`, then `(p(j | i) + p(i | j)) / 2N`.
    public static func affinities(_ points: [Float], dimension: Int, perplexity: Double) -> [Float] {
        let count = points.count / dimension
        var p = conditionalAffinities(points, dimension: dimension, perplexity: perplexity)
        let scale = Float(1 / (2 * Double(count)))
        for i in 0..<count {
            for j in (i + 1)..<count {
                let symmetric = (p[i * count + j] + p[j * count + i]) * scale
                p[i * count + j] = symmetric
                p[j * count + i] = symmetric
            }
        }
        return p
    }

    /// Each point's conditional affinities `p(j | i)` (row `i` of a row-major `N × N`
    /// matrix, summing to 1, zero diagonal), with the precision bisected to `perplexity`.
    public static func conditionalAffinities(_ points: [Float], dimension: Int, perplexity: Double) -> [Float] {
        let count = points.count / dimension
        var p = SquaredDistances.matrix(points, points, dimension: dimension)
        let target = Foundation.log(perplexity)
        p.withUnsafeMutableBufferPointer { buffer in
            let base = buffer.baseAddress!
            forEachRowChunk(count) { rows in
                var row = [Double](repeating: 0, count: count)
                for i in rows {
                    bisect(base + i * count, count: count, skipping: i, target: target, scratch: &row)
                }
            }
        }
        return p
    }

    /// Replaces the squared distances of one row by that point's conditional affinities
    /// (summing to 1, 0 at `skipping`), bisecting the precision β until the entropy is
    /// within 10⁻⁵ of `target` (natural log of the perplexity) or 200 steps have passed.
    private static func bisect(_ row: UnsafeMutablePointer<Float>, count: Int, skipping self: Int,
                                              target: Double, scratch: inout [Double]) {
        var beta = 1.0, low = -Double.infinity, high = Double.infinity
        var sum = 0.0
        for _ in 0..<200 {
            sum = 0
            var weighted = 0.0
            for j in 0..<count {
                let value = j == self ? 0 : Foundation.exp(-beta * Double(row[j]))
                scratch[j] = value
                sum += value
                weighted += Double(row[j]) * value
            }
            sum = max(sum, Double.leastNormalMagnitude)
            let entropy = Foundation.log(sum) + beta * weighted / sum
            let difference = entropy - target
            if abs(difference) < 1e-5 { break }
            if difference > 0 {
                low = beta
                beta = high.isInfinite ? beta * 2 : (beta + high) / 2
            } else {
                high = beta
                beta = low.isInfinite ? beta / 2 : (beta + low) / 2
            }
        }
        for j in 0..<count { row[j] = Float(scratch[j] / sum) }
    }

    /// The t-SNE gradient (without the constant factor 4, as bhtsne) at the embedding
    /// `xs`, `ys` for affinities `p` multiplied by `exaggeration`, into `gradient` (x, y per point).
    static func gradient(p: UnsafePointer<Float>, xs: [Float], ys: [Float], exaggeration: Float,
                         into gradient: inout [Float]) {
        let count = xs.count
        var attraction = [Float](repeating: 0, count: 2 * count)
        var repulsion = [Float](repeating: 0, count: 2 * count)
        var rowSums = [Double](repeating: 0, count: count)
        xs.withUnsafeBufferPointer { xs in
            ys.withUnsafeBufferPointer { ys in
                attraction.withUnsafeMutableBufferPointer { attraction in
                    repulsion.withUnsafeMutableBufferPointer { repulsion in
                        rowSums.withUnsafeMutableBufferPointer { rowSums in
                            let x = xs.baseAddress!, y = ys.baseAddress!
                            let attract = attraction.baseAddress!, repel = repulsion.baseAddress!
                            let sums = rowSums.baseAddress!
                            forEachRowChunk(count) { rows in
                                for i in rows {
                                    gradientRow(i, p: p + i * count, x: x, y: y, count: count,
                                                exaggeration: exaggeration, attraction: attract + 2 * i,
                                                repulsion: repel + 2 * i, sum: sums + i)
                                }
                            }
                        }
                    }
                }
            }
        }
        let normaliser = Float(1 / max(rowSums.reduce(0, +), Double.leastNormalMagnitude))
        for index in 0..<2 * count { gradient[index] = attraction[index] - repulsion[index] * normaliser }
    }

    /// One row of the gradient: `Σⱼ pᵢⱼ qᵢⱼ (yᵢ − yⱼ)` into `attraction`, `Σⱼ qᵢⱼ² (yᵢ − yⱼ)`
    /// into `repulsion` and `Σⱼ≠ᵢ qᵢⱼ` into `sum`, with `qᵢⱼ = 1 / (1 + ‖yᵢ − yⱼ‖²)`.
    @inline(__always)
    private static func gradientRow(_ i: Int, p: UnsafePointer<Float>, x: UnsafePointer<Float>,
                                    y: UnsafePointer<Float>, count: Int, exaggeration: Float,
                                    attraction: UnsafeMutablePointer<Float>, repulsion: UnsafeMutablePointer<Float>,
                                    sum: UnsafeMutablePointer<Double>) {
        typealias Lanes = SIMD8<Float>
        let xi = Lanes(repeating: x[i]), yi = Lanes(repeating: y[i])
        var attractX = Lanes(), attractY = Lanes(), repelX = Lanes(), repelY = Lanes(), qSum = Lanes()
        let one = Lanes(repeating: 1)
        var j = 0
        while j + 8 <= count {
            let dx = xi - UnsafeRawPointer(x + j).loadUnaligned(as: Lanes.self)
            let dy = yi - UnsafeRawPointer(y + j).loadUnaligned(as: Lanes.self)
            let q = one / (one + dx * dx + dy * dy)
            let pq = UnsafeRawPointer(p + j).loadUnaligned(as: Lanes.self) * q
            let qq = q * q
            attractX += pq * dx
            attractY += pq * dy
            repelX += qq * dx
            repelY += qq * dy
            qSum += q
            j += 8
        }
        var ax = attractX.sum(), ay = attractY.sum(), rx = repelX.sum(), ry = repelY.sum()
        var total = Double(qSum.sum())
        while j < count {
            let dx = x[i] - x[j], dy = y[i] - y[j]
            let q = 1 / (1 + dx * dx + dy * dy)
            ax += p[j] * q * dx
            ay += p[j] * q * dy
            rx += q * q * dx
            ry += q * q * dy
            total += Double(q)
            j += 1
        }
        attraction[0] = exaggeration * ax
        attraction[1] = exaggeration * ay
        repulsion[0] = rx
        repulsion[1] = ry
        sum.pointee = total - 1
    }

    /// Runs `body` over `0..<count` rows in `Parallelism.workers` contiguous chunks.
    private static func forEachRowChunk(_ count: Int, _ body: (Range<Int>) -> Void) {
        let chunks = min(max(Parallelism.workers, 1), count)
        guard chunks > 1 else { return body(0..<count) }
        let size = (count + chunks - 1) / chunks
        DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
            let start = chunk * size
            if start < count { body(start..<min(start + size, count)) }
        }
    }

    private static func centre(_ values: inout [Float]) {
        let mean = Float(values.reduce(0.0) { $0 + Double($1) } / Double(values.count))
        for index in values.indices { values[index] -= mean }
    }
}

private extension Float {
    /// −1, 0 or 1, as the reference implementation's `sign`.
    var signum: Float { self > 0 ? 1 : (self < 0 ? -1 : 0) }
}
