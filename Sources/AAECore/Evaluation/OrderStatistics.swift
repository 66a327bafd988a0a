/// Selection of order statistics in linear expected time, for medians of millions
/// of pairwise distances where a full sort would dominate the metric's cost.
enum OrderStatistics {
    /// Reorders `values` so that `values[k]` is the `k`-th smallest (from 0), every
    /// element before it is no larger and every element after it no smaller
    /// (Hoare's selection with a median-of-three pivot; deterministic).
    static func select(_ values: UnsafeMutableBufferPointer<Float>, k: Int) {
        precondition(values.indices.contains(k), "order \(k) outside 0..<\(values.count)")
        var low = 0, high = values.count - 1
        while high > low {
            let middle = low + (high - low) / 2
            if values[middle] < values[low] { values.swapAt(middle, low) }
            if values[high] < values[low] { values.swapAt(high, low) }
            if values[high] < values[middle] { values.swapAt(high, middle) }
            let pivot = values[middle]
            var i = low, j = high
            while i <= j {
                while values[i] < pivot { i += 1 }
                while values[j] > pivot { j -= 1 }
                if i <= j {
                    values.swapAt(i, j)
                    i += 1
                    j -= 1
                }
            }
            if k <= j {
                high = j
            } else if k >= i {
                low = i
            } else {
                return
            }
        }
    }

    /// The two middle values of `values` (equal when the count is odd), reordering it.
    static func middlePair(_ values: UnsafeMutableBufferPointer<Float>) -> (lower: Float, upper: Float) {
        precondition(!values.isEmpty, "no values")
        let upperIndex = values.count / 2
        select(values, k: upperIndex)
        let upper = values[upperIndex]
        guard values.count % 2 == 0 else { return (upper, upper) }
        var lower = values[0]
        for i in 1..<upperIndex { lower = Swift.max(lower, values[i]) }
        return (lower, upper)
    }
}
