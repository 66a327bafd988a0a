/// Squared Euclidean distances between the rows of two row-major matrices.
///
/// Every metric that compares points pairwise (nearest neighbours, MMD, Parzen
/// windows) needs many distances. Written as `‖x‖² + ‖y‖² − 2·x·y`, all the
/// cross terms of a block are one `sgemm`, which is what makes thousands ×
/// thousands of 784-D distances take milliseconds rather than seconds. The
/// expansion cancels when two points nearly coincide: each value is clamped at
/// zero and carries an absolute error of about `2⁻²³·(‖x‖² + ‖y‖²)`.
public enum SquaredDistances {
    /// The squared Euclidean norm of each of the `rows` rows of `points`.
    public static func rowNorms(_ points: UnsafePointer<Float>, rows: Int, dimension: Int) -> [Float] {
        [Float](unsafeUninitializedCapacity: rows) { norms, initialized in
            for row in 0..<rows {
                let start = points + row * dimension
                var sum: Float = 0
                for j in 0..<dimension { sum += start[j] * start[j] }
                norms[row] = sum
            }
            initialized = rows
        }
    }

    /// Writes `‖qᵢ − rⱼ‖²` at `result[i·referenceCount + j]` for every query row `qᵢ`
    /// and reference row `rⱼ`, given the rows' squared norms (see `rowNorms`).
    public static func compute(
        queries: UnsafePointer<Float>, queryNorms: UnsafePointer<Float>, queryCount: Int,
        references: UnsafePointer<Float>, referenceNorms: UnsafePointer<Float>, referenceCount: Int,
        dimension: Int, into result: UnsafeMutablePointer<Float>
    ) {
        guard queryCount > 0, referenceCount > 0 else { return }
        if dimension > 0 {
            BLAS.gemm(transposeA: false, transposeB: true, m: queryCount, n: referenceCount, k: dimension,
                      alpha: -2, a: queries, b: references, beta: 0, c: result)
        } else {
            result.update(repeating: 0, count: queryCount * referenceCount)
        }
        for i in 0..<queryCount {
            let row = result + i * referenceCount
            let queryNorm = queryNorms[i]
            for j in 0..<referenceCount {
                row[j] = Swift.max(row[j] + queryNorm + referenceNorms[j], 0)
            }
        }
    }

    /// The `x.count/dimension × y.count/dimension` matrix of squared distances
    /// between the rows of `x` and those of `y`, row-major.
    public static func matrix(_ x: [Float], _ y: [Float], dimension: Int) -> [Float] {
        precondition(dimension > 0 && x.count % dimension == 0 && y.count % dimension == 0,
                     "data are not rows of \(dimension) values")
        let n = x.count / dimension, m = y.count / dimension
        var result = [Float](repeating: 0, count: n * m)
        x.withUnsafeBufferPointer { xs in
            y.withUnsafeBufferPointer { ys in
                guard let xBase = xs.baseAddress, let yBase = ys.baseAddress else { return }
                let xNorms = rowNorms(xBase, rows: n, dimension: dimension)
                let yNorms = rowNorms(yBase, rows: m, dimension: dimension)
                result.withUnsafeMutableBufferPointer { out in
                    compute(queries: xBase, queryNorms: xNorms, queryCount: n,
                            references: yBase, referenceNorms: yNorms, referenceCount: m,
                            dimension: dimension, into: out.baseAddress!)
                }
            }
        }
        return result
    }
}
