import Dispatch

/// How the evaluation's large passes (nearest neighbours, Parzen windows,
/// t-SNE) are split: over as many threads as the calling thread's
/// `WorkerPool` has, on Dispatch's threads (they run a few times a run, where
/// its hand-off cost does not matter).
///
/// The split changes which core computes an element, never how, so results
/// do not depend on it. A run's own pool sets the count; a thread without one
/// (a sweep's run at one thread, a test) works alone.
public enum Parallelism {
    /// The number of chunks large elementwise passes are split into.
    public static var workers: Int { WorkerPool.current?.threadCount ?? 1 }

    /// Runs `body(range)` over `0..<count` in `workers` contiguous chunks, in
    /// parallel when `count` is large enough to pay for the hand-off.
    @inline(__always)
    public static func forEachChunk(count: Int, minimumPerWorker: Int = 32_768, _ body: (Range<Int>) -> Void) {
        let chunks = min(workers, max(1, count / minimumPerWorker))
        guard chunks > 1 else { return body(0..<count) }
        let size = (count + chunks - 1) / chunks
        DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
            let start = chunk * size
            body(start..<min(start + size, count))
        }
    }
}
