import AAECore
import XCTest

/// Work done a whole chunk per thread (`ChunkScratch`) covers each chunk once,
/// accumulates in chunk order whichever thread holds a chunk, and gives every
/// convolution the bits of its passes on one thread.
final class ChunkScratchTests: XCTestCase {
    /// Records each chunk it performs, and the order of its accumulations.
    private final class Recording: ChunkWork {
        private let lock = NSLock()
        private(set) var performed: [Int] = []
        private(set) var accumulated: [Int] = []
        var buffersSeen = Set<ObjectIdentifier>()

        var accumulates: Bool { true }

        func perform(first: Int, items: Int, buffers: [Tensor]) {
            // A little work, so that both threads take chunks.
            var sum: Float = 0
            for index in 0..<buffers[0].count { sum += Float(index % 7) }
            buffers[0].data[0] = sum
            lock.lock()
            performed.append(first)
            buffersSeen.insert(ObjectIdentifier(buffers[0]))
            lock.unlock()
        }

        func accumulate(first: Int, items: Int, buffers: [Tensor]) {
            lock.lock()
            accumulated.append(first)
            lock.unlock()
        }
    }

    func testEveryChunkIsPerformedOnceAndAccumulatedInChunkOrderOnAnyNumberOfThreads() {
        for threads in [1, 2, 3, 4] {
            let pool = WorkerPool(threads: threads)
            defer { pool.shutDown() }
            let scratch = pool.bind { ChunkScratch(batch: 101, itemsPerChunk: 4, shapes: [[4, 20_000]]) }
            let work = Recording()
            pool.bind { scratch.forEachChunk(work) }
            let firsts = Array(stride(from: 0, to: 101, by: 4))
            XCTAssertEqual(work.performed.sorted(), firsts, "\(threads) threads")
            XCTAssertEqual(work.accumulated, firsts, "\(threads) threads")
            XCTAssertLessThanOrEqual(work.buffersSeen.count, threads, "\(threads) threads")
        }
    }

    func testAPoolWithMoreThreadsThanTheScratchWasBuiltForGetsBuffersForEach() {
        let scratch = ChunkScratch(batch: 64, itemsPerChunk: 2, shapes: [[2, 50_000]])
        let pool = WorkerPool(threads: 3)
        defer { pool.shutDown() }
        let work = Recording()
        pool.bind { scratch.forEachChunk(work) }
        XCTAssertEqual(work.accumulated, Array(stride(from: 0, to: 64, by: 2)))
    }

    /// Convolutions of batches cut into several chunks, the last one short, each
    /// kind with and without a fused rectifier, an input gradient assigned and one
    /// added to: outputs and every gradient have the same bits on 1, 2 and 3 threads.
    func testConvolutionsCutIntoChunksGiveTheSameBitsOnOneTwoAndThreeThreads() throws {
        let (images, side, channels) = (7, 9, 3)
        let down = try XCTUnwrap(ConvolutionGeometry(height: side, width: side, channels: channels, kernel: (3, 3),
                                                     stride: (2, 2), padding: .same))
        let up = ConvolutionGeometry.transposed(height: down.outputHeight, width: down.outputWidth, channels: 4,
                                                kernel: (3, 3), stride: (2, 2), padding: .same)
        let toOne = try XCTUnwrap(ConvolutionGeometry(height: up.inputHeight, width: up.inputWidth, channels: 4,
                                                      kernel: (3, 3), stride: (1, 1), padding: .same))
        // Two images of patches per chunk: four chunks of 2, 2, 2 and 1.
        let capacity = 2 * down.outputPositions * down.patchSize
        var random = RandomGenerator(seed: 11)
        let parameters = [
            randomParameter("x", shape: [images, side * side * channels], random: &random),
            randomParameter("k1", shape: [3, 3, channels, 5], random: &random),
            randomParameter("b1", shape: [5], random: &random),
            randomParameter("k2", shape: [3, 3, channels, 5], random: &random),
            randomParameter("b2", shape: [5], random: &random),
            randomParameter("k3", shape: [3, 3, 4, 5], random: &random),
            randomParameter("b3", shape: [4], random: &random),
            randomParameter("k4", shape: [3, 3, 4, 5], random: &random),
            randomParameter("b4", shape: [4], random: &random),
            randomParameter("k5", shape: [3, 3, 4, 1], random: &random),
            randomParameter("b5", shape: [1], random: &random),
        ]
        func run(threads: Int) -> [[Float]] {
            valuesAndGradients(onThreads: threads, of: parameters) { p in
                // x feeds two convolutions: the first assigns its gradient, the second adds to it.
                let rectified = p[0].conv2d(kernel: p[1], bias: p[2], geometry: down, rectifier: .leaky(slope: 0.2),
                                            patchCapacity: capacity)
                let plain = p[0].conv2d(kernel: p[3], bias: p[4], geometry: down, patchCapacity: capacity)
                let upRectified = rectified.conv2dTranspose(kernel: p[5], bias: p[6], geometry: up,
                                                            rectifier: .relu, patchCapacity: capacity)
                let upPlain = plain.conv2dTranspose(kernel: p[7], bias: p[8], geometry: up, patchCapacity: capacity)
                let output = (upRectified + upPlain).conv2d(kernel: p[9], bias: p[10], geometry: toOne,
                                                            patchCapacity: 2 * toOne.inputHeight * toOne.inputWidth * 9)
                return (output.squared().sum(), [output, upRectified, rectified])
            }
        }
        let one = run(threads: 1)
        XCTAssertEqual(run(threads: 2), one)
        XCTAssertEqual(run(threads: 3), one)
    }
}
