/// The squared distances from every query row to every reference row, a block of
/// query rows at a time, so that at most `capacity` distances are held whatever
/// the counts: the loop that nearest neighbours and Parzen windows share.
///
/// Each block's distances are one `sgemm` (see `SquaredDistances.compute`), from
/// row norms computed once for all rows.
public enum BlockedSquaredDistances {
    /// The number of distances held at once by default: a block is as many query
    /// rows of the reference count as fit, and at least one.
    public static let defaultCapacity = 1 << 22

    /// Calls `body` for each block of query rows, in order, with the block's first
    /// row, its number of rows and its `rows × referenceCount` distances, row-major,
    /// which are valid during the call; a block holds at most `capacity` distances
    /// (or one row). Queries and references are row-major rows of `dimension`
    /// values; there must be at least one reference.
    public static func forEachBlock(
        queries: UnsafePointer<Float>, queryCount: Int, references: UnsafePointer<Float>, referenceCount: Int,
        dimension: Int, capacity: Int = defaultCapacity,
        _ body: (_ start: Int, _ rows: Int, _ distances: UnsafePointer<Float>) -> Void
    ) {
        guard queryCount > 0 else { return }
        let blockRows = Swift.max(1, Swift.min(queryCount, capacity / referenceCount))
        let distances = UnsafeMutablePointer<Float>.allocate(capacity: blockRows * referenceCount)
        defer { distances.deallocate() }
        let queryNorms = SquaredDistances.rowNorms(queries, rows: queryCount, dimension: dimension)
        let referenceNorms = SquaredDistances.rowNorms(references, rows: referenceCount, dimension: dimension)
        queryNorms.withUnsafeBufferPointer { norms in
            for start in stride(from: 0, to: queryCount, by: blockRows) {
                let rows = Swift.min(blockRows, queryCount - start)
                SquaredDistances.compute(
                    queries: queries + start * dimension, queryNorms: norms.baseAddress! + start, queryCount: rows,
                    references: references, referenceNorms: referenceNorms, referenceCount: referenceCount,
                    dimension: dimension, into: distances)
                body(start, rows, distances)
            }
        }
    }
}
