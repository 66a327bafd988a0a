/// Principal component analysis of row-major codes: their mean, the top principal
/// directions and the fraction of the variance each explains.
///
/// Figures need a faithful 2-D view of wider codes (the latent scatter, the decoder
/// manifold), and the first two principal components are the linear view that keeps
/// most of the codes' spread. Codes of up to `exactDimensionLimit` values get every
/// eigenvector of their covariance (one `sgemm`) by cyclic Jacobi rotations in double
/// precision, exact to rounding. Wider codes (a 4096-D code's covariance would take
/// Jacobi hours) get only the kept directions, by `SubspaceIteration`: a few products
/// of the centred codes with a thin block on OpenBLAS, never a `dimension²` matrix.
/// Results are deterministic: components are ordered by decreasing variance (ties by
/// dimension) and each direction's sign is chosen so that its largest-magnitude entry
/// is positive (the first such entry on ties).
public struct PrincipalComponents: Sendable {
    /// The number of values in a code.
    public let dimension: Int
    /// The mean code, `dimension` values.
    public let mean: [Float]
    /// The principal directions, unit length, one row of `dimension` values each,
    /// in order of decreasing variance.
    public let directions: [[Float]]
    /// The variance of the codes along each direction (the covariance's eigenvalues,
    /// with divisor `n − 1`).
    public let variances: [Double]
    /// The fraction of the codes' total variance along each direction; 0 when the codes
    /// do not vary at all. Their sum is at most 1.
    public let explainedVarianceRatios: [Double]

    /// The number of components kept.
    public var componentCount: Int { directions.count }

    /// Fits the top `components` principal directions of `count = codes.count / dimension`
    /// codes stored row-major in `codes`.
    public init(codes: [Float], dimension: Int, components: Int) {
        precondition(dimension > 0 && codes.count % dimension == 0, "codes are not rows of \(dimension) values")
        let count = codes.count / dimension
        precondition(count > 0, "no codes")
        precondition(components >= 1 && components <= dimension,
                     "cannot keep \(components) components of \(dimension)-D codes")
        self.dimension = dimension

        var sums = [Double](repeating: 0, count: dimension)
        for row in 0..<count {
            for column in 0..<dimension { sums[column] += Double(codes[row * dimension + column]) }
        }
        let mean = sums.map { Float($0 / Double(count)) }
        self.mean = mean

        var centred = codes
        for row in 0..<count {
            for column in 0..<dimension { centred[row * dimension + column] -= mean[column] }
        }
        let (eigenvalues, eigenvectors, total) = dimension <= Self.exactDimensionLimit
            ? Self.exactComponents(centred, count: count, dimension: dimension, components: components)
            : SubspaceIteration.topComponents(centred, count: count, dimension: dimension, components: components)
        var directions: [[Float]] = []
        var variances: [Double] = []
        for (value, vector) in zip(eigenvalues, eigenvectors) {
            var direction = vector
            var largest = 0
            for i in 1..<dimension where abs(direction[i]) > abs(direction[largest]) { largest = i }
            if direction[largest] < 0 { direction = direction.map { -$0 } }
            directions.append(direction.map(Float.init))
            variances.append(max(value, 0))
        }
        self.directions = directions
        self.variances = variances
        self.explainedVarianceRatios = variances.map { total > 0 ? min($0 / total, 1) : 0 }
    }

    /// The coordinates of each row of `codes` along the kept directions, relative to
    /// the mean: `count × componentCount` values, row-major.
    public func project(_ codes: [Float]) -> [Float] {
        precondition(codes.count % dimension == 0, "codes are not rows of \(dimension) values")
        let count = codes.count / dimension
        guard count > 0 else { return [] }
        var centred = codes
        for row in 0..<count {
            for column in 0..<dimension { centred[row * dimension + column] -= mean[column] }
        }
        let basis = directions.flatMap { $0 }
        var result = [Float](repeating: 0, count: count * componentCount)
        centred.withUnsafeBufferPointer { x in
            basis.withUnsafeBufferPointer { b in
                result.withUnsafeMutableBufferPointer { out in
                    BLAS.gemm(transposeA: false, transposeB: true, m: count, n: componentCount, k: dimension,
                              a: x.baseAddress!, b: b.baseAddress!, c: out.baseAddress!)
                }
            }
        }
        return result
    }

    /// The code at `coordinates` along the kept directions: the mean plus
    /// `Σ coordinates[i] · directions[i]` (the inverse of `project` within the kept span).
    public func code(at coordinates: [Float]) -> [Float] {
        precondition(coordinates.count <= componentCount,
                     "\(coordinates.count) coordinates for \(componentCount) components")
        var code = mean
        for (coordinate, direction) in zip(coordinates, directions) {
            for i in 0..<dimension { code[i] += coordinate * direction[i] }
        }
        return code
    }

    /// Codes up to this width get their components from the full covariance by Jacobi
    /// rotations; wider ones by subspace iteration.
    public static let exactDimensionLimit = 64

    /// The top `components` eigenvalues (variances, divisor `count − 1`) and unit
    /// eigenvectors of the covariance of the centred `codes`, from the full matrix, and
    /// the total variance (the covariance's trace).
    static func exactComponents(_ centred: [Float], count: Int, dimension: Int,
                                components: Int) -> (values: [Double], vectors: [[Double]], total: Double) {
        var scatter = [Float](repeating: 0, count: dimension * dimension)
        centred.withUnsafeBufferPointer { x in
            scatter.withUnsafeMutableBufferPointer { c in
                BLAS.gemm(transposeA: true, transposeB: false, m: dimension, n: dimension, k: count,
                          a: x.baseAddress!, b: x.baseAddress!, c: c.baseAddress!)
            }
        }
        let divisor = Double(max(count - 1, 1))
        // Symmetrise: sgemm computes the two triangles separately.
        var covariance = [Double](repeating: 0, count: dimension * dimension)
        for i in 0..<dimension {
            for j in 0..<dimension {
                covariance[i * dimension + j] =
                    (Double(scatter[i * dimension + j]) + Double(scatter[j * dimension + i])) / (2 * divisor)
            }
        }
        let total = (0..<dimension).reduce(0.0) { $0 + max(covariance[$1 * dimension + $1], 0) }
        let (eigenvalues, eigenvectors) = symmetricEigen(covariance, dimension: dimension)
        let order = (0..<dimension).sorted { a, b in
            eigenvalues[a] != eigenvalues[b] ? eigenvalues[a] > eigenvalues[b] : a < b
        }.prefix(components)
        return (order.map { eigenvalues[$0] },
                order.map { index in (0..<dimension).map { eigenvectors[$0 * dimension + index] } }, total)
    }

    /// Eigenvalues and eigenvectors (as the columns of a row-major `dimension²` matrix)
    /// of the symmetric row-major `matrix`, by cyclic Jacobi rotations.
    ///
    /// Each rotation zeroes one off-diagonal pair; sweeps repeat until the off-diagonal
    /// mass is negligible against the diagonal, which takes under ten sweeps in practice.
    static func symmetricEigen(_ matrix: [Double], dimension n: Int) -> (values: [Double], vectors: [Double]) {
        var a = matrix
        var v = [Double](repeating: 0, count: n * n)
        for i in 0..<n { v[i * n + i] = 1 }
        for _ in 0..<100 {
            var offDiagonal = 0.0, diagonal = 0.0
            for i in 0..<n {
                diagonal += a[i * n + i] * a[i * n + i]
                for j in (i + 1)..<n { offDiagonal += a[i * n + j] * a[i * n + j] }
            }
            if offDiagonal <= 1e-24 * diagonal { break }
            for p in 0..<(n - 1) {
                for q in (p + 1)..<n {
                    let apq = a[p * n + q]
                    if apq == 0 { continue }
                    let theta = (a[q * n + q] - a[p * n + p]) / (2 * apq)
                    let t = (theta >= 0 ? 1.0 : -1.0) / (abs(theta) + (theta * theta + 1).squareRoot())
                    let c = 1 / (t * t + 1).squareRoot(), s = t * c
                    for k in 0..<n {
                        let akp = a[k * n + p], akq = a[k * n + q]
                        a[k * n + p] = c * akp - s * akq
                        a[k * n + q] = s * akp + c * akq
                    }
                    for k in 0..<n {
                        let apk = a[p * n + k], aqk = a[q * n + k]
                        a[p * n + k] = c * apk - s * aqk
                        a[q * n + k] = s * apk + c * aqk
                    }
                    for k in 0..<n {
                        let vkp = v[k * n + p], vkq = v[k * n + q]
                        v[k * n + p] = c * vkp - s * vkq
                        v[k * n + q] = s * vkp + c * vkq
                    }
                }
            }
        }
        return ((0..<n).map { a[$0 * n + $0] }, v)
    }
}
