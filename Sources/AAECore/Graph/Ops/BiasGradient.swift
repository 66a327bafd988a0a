import CKernels

/// The gradient of a bias added to every row: the column sums of the output's
/// gradient, assigned on the bias's first contribution of a pass and added after.
/// Each column is summed over the rows in order; columns are shared out in fixed
/// chunks over the run's threads when the rows are many (a feature map's pixels),
/// so the split changes no bit. Made once by its operation and reused every step.
final class BiasGradient: ChunkedPass {
    var chunks = PassChunks()
    private var dy: UnsafePointer<Float>?
    private var rectifierOutput: UnsafePointer<Float>?
    private var slope: Float = 0
    private var rows = 0
    private var columns = 0
    private var sums: UnsafeMutablePointer<Float>?

    /// `db += Σ_r dy[r, ·]` over `rows` rows of `columns` values. `inCache`: the rows
    /// were just read or written (a chunk of a convolution's gradient), so a split
    /// pays for fewer of them.
    func add(columnSumsOf dy: UnsafePointer<Float>, rows: Int, columns: Int, into bias: GraphNode,
             _ db: UnsafeMutablePointer<Float>, inCache: Bool = false) {
        sum(dy, rectifierOutput: nil, slope: 0, rows: rows, columns: columns, into: bias, db, inCache: inCache)
    }

    /// The same for a bias added before `rectifier`, whose output is `y`: the column
    /// sums of `dy · rectifier′`, with the bits of the rectifier's backward pass and then `add`.
    func add(columnSumsOf dy: UnsafePointer<Float>, rectifiedBy rectifier: Rectifier, output y: UnsafePointer<Float>,
             rows: Int, columns: Int, into bias: GraphNode, _ db: UnsafeMutablePointer<Float>, inCache: Bool = false) {
        sum(dy, rectifierOutput: y, slope: rectifier.slope, rows: rows, columns: columns, into: bias, db,
            inCache: inCache)
    }

    /// `db`, set to zero first on the bias's first contribution of a pass: for sums
    /// added to it chunk by chunk elsewhere (`aae_column_sums`).
    func zeroedIfFirst(_ bias: GraphNode, _ db: UnsafeMutablePointer<Float>) -> UnsafeMutablePointer<Float> {
        if !bias.gradientWritten {
            db.update(repeating: 0, count: bias.value.count)
            bias.gradientWritten = true
        }
        return db
    }

    private func sum(_ dy: UnsafePointer<Float>, rectifierOutput: UnsafePointer<Float>?, slope: Float, rows: Int,
                     columns: Int, into bias: GraphNode, _ db: UnsafeMutablePointer<Float>, inCache: Bool) {
        _ = zeroedIfFirst(bias, db)
        self.dy = dy
        self.rectifierOutput = rectifierOutput
        self.slope = slope
        self.rows = rows
        self.columns = columns
        sums = db
        let minimumValues = inCache ? ElementwiseChunking.minimumCachedValues : ElementwiseChunking.minimumValues
        run(count: columns, minimumChunk: ElementwiseChunking.minimumItems(valuesPerItem: rows,
                                                                           minimumValues: minimumValues))
    }

    func perform(range: Range<Int>) {
        guard let dy, let sums else { return }
        let first = range.lowerBound
        aae_column_sums(dy + first, rectifierOutput.map { $0 + first }, slope, rows, range.count, columns,
                        sums + first)
    }
}
