import CKernels
import Synchronization

/// Scratch memory for work done one chunk of a batch at a time (a convolution's
/// patch matrix, its products): a set of buffers per thread of the run's pool,
/// and the job that hands whole chunks to those threads.
///
/// A chunk done whole on one thread keeps its buffers in that core's cache from
/// the product that fills them to the pass that reads them, and costs one
/// hand-off instead of one per pass. Each chunk's work is the same code on
/// whichever thread takes it and writes memory no other chunk touches, except
/// its accumulations (a weight gradient summed over the chunks), which are made
/// in chunk order; so where a chunk runs changes no bit.
///
/// A graph built on its run's threads sizes buffers for each of them when it is
/// built; a pool with more threads than that (the benchmark's) adds the missing
/// ones at its first chunk job.
public final class ChunkScratch {
    /// The items (images) of the batch.
    public let batch: Int
    /// The items one chunk holds.
    public let itemsPerChunk: Int
    private let shapes: [[Int]]
    /// Each thread's buffers, of `shapes`.
    private var threads: [[Tensor]] = []
    private let job = ChunkJob()

    /// Chunks of `itemsPerChunk` of `batch` items, with buffers of `shapes` for each thread.
    public init(batch: Int, itemsPerChunk: Int, shapes: [[Int]]) {
        self.batch = batch
        self.itemsPerChunk = itemsPerChunk
        self.shapes = shapes
        reserveBuffers(threads: max(WorkerPool.current?.threadCount ?? 1, 1))
    }

    /// The buffers of the calling thread when it works alone (and of the pool's owner).
    public var buffers: [Tensor] { threads[0] }

    /// The first item of each chunk.
    public var chunks: StrideTo<Int> { stride(from: 0, to: batch, by: itemsPerChunk) }

    /// The number of chunks.
    public var chunkCount: Int { (batch + itemsPerChunk - 1) / itemsPerChunk }

    /// The items of the chunk that starts at `first`.
    public func items(from first: Int) -> Int { min(itemsPerChunk, batch - first) }

    /// Whether `forEachChunk` spreads the chunks over the calling thread's pool
    /// (two chunks or more, and a pool free to take them).
    public var spreadsChunks: Bool { chunkCount > 1 && WorkerPool.current?.isAvailable == true }

    /// Does `work` for every chunk, each whole on one thread with that thread's
    /// buffers: over the calling thread's pool when `spreadsChunks`, else in order here.
    public func forEachChunk(_ work: ChunkWork) {
        guard spreadsChunks, let pool = WorkerPool.current else {
            for first in chunks {
                work.perform(first: first, items: items(from: first), buffers: buffers)
                work.accumulate(first: first, items: items(from: first), buffers: buffers)
            }
            return
        }
        reserveBuffers(threads: pool.threadCount)
        job.scratch = self
        job.work = work
        job.accumulated.store(0, ordering: .relaxed)
        pool.run(job, count: chunkCount)
        job.work = nil
        job.scratch = nil
    }

    private func reserveBuffers(threads count: Int) {
        while threads.count < count { threads.append(shapes.map { Tensor(shape: $0) }) }
    }

    /// The tasks of `forEachChunk`: task `i` is chunk `i`, with the buffers of the
    /// thread that takes it. Tasks are taken in increasing order, so the chunk a
    /// task waits for to accumulate is already held by a running thread.
    private final class ChunkJob: ParallelTasks {
        unowned(unsafe) var scratch: ChunkScratch?
        unowned(unsafe) var work: ChunkWork?
        /// The chunks whose accumulations are done, all of those before the next.
        let accumulated = Atomic<Int>(0)

        func perform(_ index: Int) {
            guard let scratch, let work else { return }
            let first = index * scratch.itemsPerChunk, items = scratch.items(from: first)
            let buffers = scratch.threads[WorkerPool.threadSlot]
            work.perform(first: first, items: items, buffers: buffers)
            guard work.accumulates else { return }
            while accumulated.load(ordering: .acquiring) < index { aae_spin_pause() }
            work.accumulate(first: first, items: items, buffers: buffers)
            accumulated.store(index + 1, ordering: .releasing)
        }
    }
}

/// One chunk's share of an operation's work, done whole on one thread (`ChunkScratch.forEachChunk`).
public protocol ChunkWork: AnyObject {
    /// Does the part of the work of items `first..<first + items` that no other chunk
    /// depends on, with `buffers`, which no other thread uses meanwhile.
    func perform(first: Int, items: Int, buffers: [Tensor])
    /// Whether the work adds to sums over the chunks (`accumulate`).
    var accumulates: Bool { get }
    /// Adds the chunk's share to sums over all chunks (a bias's or a kernel's
    /// gradient), after `perform` with the same buffers and after every earlier chunk's.
    func accumulate(first: Int, items: Int, buffers: [Tensor])
}

extension ChunkWork {
    public var accumulates: Bool { false }
    public func accumulate(first: Int, items: Int, buffers: [Tensor]) {}
}
