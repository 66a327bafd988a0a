/// Fills every row of an output with a bias before a product adds to it
/// (sgemm's beta = 1), rows shared out in fixed chunks over the run's threads
/// when there are many. Made once by its operation and reused every step.
final class BiasRows: ChunkedPass {
    var chunks = PassChunks()
    private var output: UnsafeMutablePointer<Float>?
    private var bias: UnsafePointer<Float>?
    private var columns = 0

    /// `output[r, c] = bias[c]` for each of `rows` rows of `columns` values.
    func fill(_ output: UnsafeMutablePointer<Float>, rows: Int, with bias: UnsafePointer<Float>, columns: Int) {
        self.output = output
        self.bias = bias
        self.columns = columns
        run(count: rows, minimumChunk: ElementwiseChunking.minimumItems(valuesPerItem: columns))
    }

    func perform(range: Range<Int>) {
        guard let output, let bias else { return }
        for row in range {
            let target = output + row * columns
            for column in 0..<columns { target[column] = bias[column] }
        }
    }
}
