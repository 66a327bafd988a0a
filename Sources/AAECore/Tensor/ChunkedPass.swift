/// How a `ChunkedPass` is cut: `count` independent items in chunks of `size`.
public struct PassChunks {
    public var count = 0
    public var size = 1
    public init() {}

    /// The number of chunks.
    public var chunkCount: Int { (count + size - 1) / max(size, 1) }

    /// The items of chunk `index`.
    public func range(of index: Int) -> Range<Int> {
        let start = index * size
        return start..<min(start + size, count)
    }
}

/// A pass over independent items — the elements of an elementwise function, the
/// images of a patch gather — that the calling thread's `WorkerPool` shares out
/// in one chunk per thread. Every item is computed by the same code whichever
/// chunk it falls in and whichever thread takes that chunk, so the split never
/// changes a bit, and the chunks can follow the thread count.
///
/// A conforming object is made once with its operation and reused every step,
/// so sharing the pass out allocates nothing.
public protocol ChunkedPass: ParallelTasks {
    var chunks: PassChunks { get set }
    /// Carries out items `range`, which no other chunk touches.
    func perform(range: Range<Int>)
}

extension ChunkedPass {
    public func perform(_ index: Int) { perform(range: chunks.range(of: index)) }

    /// Carries out items `0..<count`: split evenly over the pool's threads into
    /// chunks of at least `minimumChunk` items when that gives two or more,
    /// else in one piece on the calling thread.
    public func run(count: Int, minimumChunk: Int) {
        if let pool = WorkerPool.current, pool.isAvailable {
            let chunkCount = min(pool.threadCount, count / max(minimumChunk, 1))
            if chunkCount > 1 {
                chunks.count = count
                chunks.size = (count + chunkCount - 1) / chunkCount
                pool.run(self, count: chunks.chunkCount)
                return
            }
        }
        if count > 0 { perform(range: 0..<count) }
    }
}

/// The smallest chunks worth handing to another thread. A pass over values
/// that sit in the calling core's cache (a dense layer's activations) runs
/// faster there than split; splitting pays for passes larger than a core's L2
/// cache (the feature maps of a convolutional network).
public enum ElementwiseChunking {
    /// Values per chunk at least for an elementwise pass (512 KiB of floats, half this machine's L2 per core).
    public static let minimumValues = 1 << 17
    /// Values per chunk at least for a pass over one chunk of a convolution's batch: a
    /// patch gather or scatter, whose buffer is at most `PatchMatrix.capacityValues` and
    /// whose copies cost more per value than an activation, or a pass over values its
    /// product or gather has just brought into cache.
    public static let minimumCachedValues = 1 << 15

    /// Items per chunk at least, for a pass whose items are `valuesPerItem` values each (an image's pixels, a row).
    public static func minimumItems(valuesPerItem: Int, minimumValues: Int = minimumValues) -> Int {
        max(1, minimumValues / max(valuesPerItem, 1))
    }
}
