/// The top principal components of wide codes without their covariance matrix:
/// block subspace iteration with Rayleigh–Ritz, each iteration two thin products of
/// the centred codes on OpenBLAS (`X · V`, then `Xᵀ · W`).
///
/// The block holds the kept components plus `oversampling` more, so that it converges
/// at the rate of the gap to the first component it does not keep. It starts from a
/// fixed seeded block and stops when every kept direction has stopped turning (or
/// after `maximumIterations`), so the same codes always give the same result.
enum SubspaceIteration {
    /// Extra directions iterated beyond the kept ones.
    static let oversampling = 8
    /// The most iterations; each costs `4 · count · dimension · block` flops.
    static let maximumIterations = 150
    /// A kept direction has converged when `1 − |cos|` of its turn in one iteration is below this.
    static let tolerance = 1e-9
    /// The seed of the starting block.
    static let seed: UInt64 = 0x5CA7_7E12

    /// The top `components` variances (divisor `count − 1`) and unit directions of the
    /// centred row-major `centred` codes, and their total variance.
    static func topComponents(_ centred: [Float], count: Int, dimension: Int,
                              components: Int) -> (values: [Double], vectors: [[Double]], total: Double) {
        let divisor = Double(max(count - 1, 1))
        var total = 0.0
        for value in centred { total += Double(value) * Double(value) }
        total /= divisor
        let block = min(dimension, components + oversampling)
        var random = RandomGenerator(seed: seed)
        var basis = orthonormalColumns((0..<(dimension * block)).map { _ in random.nextNormal() },
                                       rows: dimension, columns: block)
        var ritzValues = [Double](repeating: 0, count: block)
        var ritzVectors = basis
        var previous: [Double]?
        for _ in 0..<maximumIterations {
            // W = X·V (count × block); the Ritz pairs of V come from WᵀW.
            let w = product(centred, rows: count, inner: dimension, basis.map(Float.init), columns: block)
            let gram = transposedProduct(w, rows: count, columns: block, w, columns: block)
            var symmetric = [Double](repeating: 0, count: block * block)
            for i in 0..<block {
                for j in 0..<block { symmetric[i * block + j] = (gram[i * block + j] + gram[j * block + i]) / 2 }
            }
            let (values, vectors) = PrincipalComponents.symmetricEigen(symmetric, dimension: block)
            let order = (0..<block).sorted { a, b in values[a] != values[b] ? values[a] > values[b] : a < b }
            ritzValues = order.map { max(values[$0], 0) / divisor }
            ritzVectors = multiply(basis, rows: dimension, columns: block, vectors, order: order)
            let rotatedW = multiply(w.map(Double.init), rows: count, columns: block, vectors, order: order)
            if let previous, (0..<components).allSatisfy({ column in
                var cosine = 0.0
                for row in 0..<dimension {
                    cosine += previous[row * block + column] * ritzVectors[row * block + column]
                }
                return 1 - abs(cosine) < tolerance
            }) { break }
            previous = ritzVectors
            // V ← orth(Xᵀ · W), the block multiplied once more by the covariance.
            let next = transposedProduct(centred, rows: count, columns: dimension, rotatedW.map(Float.init), columns: block)
            basis = orthonormalColumns(next, rows: dimension, columns: block)
        }
        let vectors = (0..<components).map { column in (0..<dimension).map { ritzVectors[$0 * block + column] } }
        return (Array(ritzValues.prefix(components)), vectors, total)
    }

    /// `A · B` for row-major `A` (`rows × inner`) and `B` (`inner × columns`), in Float on OpenBLAS.
    private static func product(_ a: [Float], rows: Int, inner: Int, _ b: [Float], columns: Int) -> [Float] {
        var c = [Float](repeating: 0, count: rows * columns)
        a.withUnsafeBufferPointer { a in
            b.withUnsafeBufferPointer { b in
                c.withUnsafeMutableBufferPointer { c in
                    BLAS.gemm(transposeA: false, transposeB: false, m: rows, n: columns, k: inner,
                              a: a.baseAddress!, b: b.baseAddress!, c: c.baseAddress!)
                }
            }
        }
        return c
    }

    /// `Aᵀ · B` for row-major `A` (`rows × columns`) and `B` (`rows × bColumns`), in Float on OpenBLAS.
    private static func transposedProduct(_ a: [Float], rows: Int, columns: Int, _ b: [Float],
                                          columns bColumns: Int) -> [Double] {
        var c = [Float](repeating: 0, count: columns * bColumns)
        a.withUnsafeBufferPointer { a in
            b.withUnsafeBufferPointer { b in
                c.withUnsafeMutableBufferPointer { c in
                    BLAS.gemm(transposeA: true, transposeB: false, m: columns, n: bColumns, k: rows,
                              a: a.baseAddress!, b: b.baseAddress!, c: c.baseAddress!)
                }
            }
        }
        return c.map(Double.init)
    }

    /// `M · Q` for row-major `M` (`rows × columns`) and the columns of the row-major
    /// square `Q` taken in `order`.
    private static func multiply(_ m: [Double], rows: Int, columns: Int, _ q: [Double], order: [Int]) -> [Double] {
        var result = [Double](repeating: 0, count: rows * columns)
        for row in 0..<rows {
            for (target, source) in order.enumerated() {
                var sum = 0.0
                for k in 0..<columns { sum += m[row * columns + k] * q[k * columns + source] }
                result[row * columns + target] = sum
            }
        }
        return result
    }

    /// The columns of row-major `matrix` made orthonormal by modified Gram–Schmidt (twice,
    /// for stability); a column in the span of the earlier ones is replaced by the first
    /// coordinate axis that is not.
    private static func orthonormalColumns(_ matrix: [Double], rows: Int, columns: Int) -> [Double] {
        var q = matrix
        func orthogonalise(_ column: Int) -> Double {
            for _ in 0..<2 {
                for earlier in 0..<column {
                    var dot = 0.0
                    for row in 0..<rows { dot += q[row * columns + earlier] * q[row * columns + column] }
                    for row in 0..<rows { q[row * columns + column] -= dot * q[row * columns + earlier] }
                }
            }
            var norm = 0.0
            for row in 0..<rows { norm += q[row * columns + column] * q[row * columns + column] }
            return norm.squareRoot()
        }
        var axis = 0
        for column in 0..<columns {
            var norm = orthogonalise(column)
            var originalNorm = 0.0
            for row in 0..<rows { originalNorm += matrix[row * columns + column] * matrix[row * columns + column] }
            while norm <= 1e-10 * max(originalNorm.squareRoot(), 1e-30), axis < rows {
                for row in 0..<rows { q[row * columns + column] = row == axis ? 1 : 0 }
                axis += 1
                norm = orthogonalise(column)
            }
            for row in 0..<rows { q[row * columns + column] /= norm }
        }
        return q
    }
}
