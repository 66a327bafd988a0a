/// k-nearest-neighbour classification of codes by Euclidean distance.
///
/// The accuracy of a k-NN classifier on test codes, with training codes as
/// references, measures how well the code space separates classes without
/// assuming they are linearly separable. Each query takes the majority label of
/// its `k` nearest references; a tie between labels goes to the tied label of
/// the nearest neighbour, and references at equal distances are taken in index
/// order, so results are deterministic.
///
/// Distances come from `sgemm` over blocks of queries (`BlockedSquaredDistances`),
/// and the neighbour search over a block runs on all cores.
public enum NearestNeighbours {
    /// The predicted label of each query row.
    /// - Parameters:
    ///   - queries: `queryCount × dimension`, row-major.
    ///   - references: `referenceCount × dimension`, row-major.
    ///   - referenceLabels: one label per reference row.
    ///   - k: the number of neighbours that vote, at most the reference count.
    public static func classify<Label: Equatable>(
        queries: [Float], references: [Float], referenceLabels: [Label], dimension: Int, k: Int = 5
    ) -> [Label] {
        let neighbours = indices(queries: queries, references: references, dimension: dimension, k: k)
        precondition(referenceLabels.count == references.count / dimension, "one label per reference row")
        let width = Swift.min(k, referenceLabels.count)
        return stride(from: 0, to: neighbours.count, by: width).map { start in
            vote(neighbours[start..<(start + width)].map { referenceLabels[Int($0)] })
        }
    }

    /// The fraction of query rows whose predicted label (see `classify`) is their own.
    public static func accuracy<Label: Equatable>(
        queries: [Float], queryLabels: [Label], references: [Float], referenceLabels: [Label],
        dimension: Int, k: Int = 5
    ) -> Double {
        precondition(queryLabels.count == queries.count / dimension, "one label per query row")
        precondition(!queryLabels.isEmpty, "no queries")
        let predicted = classify(queries: queries, references: references, referenceLabels: referenceLabels,
                                 dimension: dimension, k: k)
        let correct = zip(predicted, queryLabels).reduce(0) { $0 + ($1.0 == $1.1 ? 1 : 0) }
        return Double(correct) / Double(queryLabels.count)
    }

    /// The indices of the `min(k, referenceCount)` nearest references of each
    /// query, nearest first, row-major (`queryCount × min(k, referenceCount)`).
    public static func indices(queries: [Float], references: [Float], dimension: Int, k: Int) -> [Int32] {
        precondition(dimension > 0 && queries.count % dimension == 0 && references.count % dimension == 0,
                     "data are not rows of \(dimension) values")
        precondition(k >= 1, "k must be at least 1")
        let queryCount = queries.count / dimension, referenceCount = references.count / dimension
        precondition(referenceCount > 0, "no references")
        precondition(referenceCount <= Int(Int32.max), "too many references")
        let width = Swift.min(k, referenceCount)
        var result = [Int32](repeating: 0, count: queryCount * width)
        guard queryCount > 0 else { return result }

        queries.withUnsafeBufferPointer { q in
            references.withUnsafeBufferPointer { r in
                result.withUnsafeMutableBufferPointer { out in
                    let output = out.baseAddress!
                    BlockedSquaredDistances.forEachBlock(
                        queries: q.baseAddress!, queryCount: queryCount, references: r.baseAddress!,
                        referenceCount: referenceCount, dimension: dimension
                    ) { blockStart, rows, distances in
                        Parallelism.forEachChunk(count: rows, minimumPerWorker: 16) { chunk in
                            selectNearest(distances: distances, rows: chunk, referenceCount: referenceCount,
                                          width: width, into: output + blockStart * width)
                        }
                    }
                }
            }
        }
        return result
    }

    /// For each row in `rows` of the distance block, writes the indices of its
    /// `width` smallest distances in ascending order (earlier index first on ties).
    private static func selectNearest(distances: UnsafePointer<Float>, rows: Range<Int>, referenceCount: Int,
                                      width: Int, into output: UnsafeMutablePointer<Int32>) {
        let bestDistances = UnsafeMutablePointer<Float>.allocate(capacity: width)
        let bestIndices = UnsafeMutablePointer<Int32>.allocate(capacity: width)
        defer {
            bestDistances.deallocate()
            bestIndices.deallocate()
        }
        for row in rows {
            let d = distances + row * referenceCount
            bestDistances.update(repeating: .infinity, count: width)
            bestIndices.update(repeating: 0, count: width)
            var worst = Float.infinity
            for j in 0..<referenceCount {
                let value = d[j]
                guard value < worst else { continue }
                var slot = width - 1
                while slot > 0 && bestDistances[slot - 1] > value {
                    bestDistances[slot] = bestDistances[slot - 1]
                    bestIndices[slot] = bestIndices[slot - 1]
                    slot -= 1
                }
                bestDistances[slot] = value
                bestIndices[slot] = Int32(j)
                worst = bestDistances[width - 1]
            }
            (output + row * width).update(from: bestIndices, count: width)
        }
    }

    /// The majority label of `labels` (nearest first); ties go to the label that
    /// occurs first, i.e. that of the nearest neighbour among the tied labels.
    static func vote<Label: Equatable>(_ labels: [Label]) -> Label {
        var best = labels[0], bestCount = 0
        for label in labels {
            let count = labels.reduce(0) { $0 + ($1 == label ? 1 : 0) }
            if count > bestCount {
                best = label
                bestCount = count
            }
        }
        return best
    }
}
