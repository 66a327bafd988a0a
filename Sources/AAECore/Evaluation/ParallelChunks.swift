import Foundation

/// Splits a loop over independent rows into contiguous chunks run on all cores.
///
/// The evaluation metrics spend their time in per-row work after each `sgemm`
/// (selecting neighbours, summing kernels); OpenBLAS parallelises the products
/// but not that. Each chunk writes only its own rows and every reduction over
/// rows happens afterwards in a fixed order, so results do not depend on the
/// number of cores or on scheduling.
enum ParallelChunks {
    /// Calls `body` once per chunk of `0..<count`, concurrently.
    static func forEach(count: Int, minimumChunkSize: Int = 1, _ body: (Range<Int>) -> Void) {
        guard count > 0 else { return }
        let workers = ProcessInfo.processInfo.activeProcessorCount
        let chunks = Swift.min(Swift.max(1, count / Swift.max(1, minimumChunkSize)), workers * 4)
        guard chunks > 1 else {
            body(0..<count)
            return
        }
        DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
            let lower = count * chunk / chunks, upper = count * (chunk + 1) / chunks
            if lower < upper { body(lower..<upper) }
        }
    }
}
