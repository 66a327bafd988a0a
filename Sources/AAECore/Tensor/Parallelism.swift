import Dispatch

/// How many cores the evaluation's large passes (nearest neighbours, Parzen
/// windows) may use.
///
/// Matrix products are spread over cores by OpenBLAS. The split changes which
/// core computes an element, never how, so results do not depend on it. A
/// sweep running several runs side by side sets it to 1. Training steps do not
/// split their elementwise work: between products OpenBLAS's threads hold the
/// other cores, and a hand-off to them cost more than it saved (see `Adam`).
public enum Parallelism {
    /// The number of chunks large elementwise passes are split into.
    public static var workers: Int = 1

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
