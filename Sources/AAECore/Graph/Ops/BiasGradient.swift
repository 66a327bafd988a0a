/// The gradient of a bias added to every row: the column sums of the output's
/// gradient, assigned on the bias's first contribution of a pass and added after.
enum BiasGradient {
    static func add(columnSumsOf dy: UnsafePointer<Float>, rows: Int, columns: Int, into bias: GraphNode,
                    _ db: UnsafeMutablePointer<Float>) {
        if !bias.gradientWritten {
            db.update(repeating: 0, count: columns)
            bias.gradientWritten = true
        }
        for r in 0..<rows {
            let row = dy + r * columns
            for c in 0..<columns { db[c] += row[c] }
        }
    }
}
