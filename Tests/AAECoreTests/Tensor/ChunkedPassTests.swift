import AAECore
import XCTest

/// A chunked pass covers each item exactly once, in one piece without a pool
/// and in one chunk per thread with one, and its split never changes a value.
final class ChunkedPassTests: XCTestCase {
    /// Adds one to each item of its range and records each chunk's first item.
    private final class Marking: ChunkedPass {
        var chunks = PassChunks()
        let visits: UnsafeMutablePointer<Int>
        let count: Int
        private(set) var chunkStarts = Set<Int>()
        private let lock = NSLock()

        init(count: Int) {
            self.count = count
            visits = .allocate(capacity: count)
            visits.initialize(repeating: 0, count: count)
        }
        deinit { visits.deallocate() }

        func perform(range: Range<Int>) {
            for item in range { visits[item] += 1 }
            lock.lock()
            chunkStarts.insert(range.lowerBound)
            lock.unlock()
        }
    }

    func testEveryItemIsVisitedOnceInOneChunkPerThread() {
        for threads in [1, 2, 3, 4] {
            let pool = WorkerPool(threads: threads)
            defer { pool.shutDown() }
            for count in [1, 7, 1000, 100_003] {
                let pass = Marking(count: count)
                pool.bind { pass.run(count: count, minimumChunk: 10) }
                XCTAssertEqual(Array(UnsafeBufferPointer(start: pass.visits, count: count)),
                               Array(repeating: 1, count: count), "\(count) items on \(threads) threads")
                XCTAssertEqual(pass.chunkStarts.count, min(threads, max(1, count / 10)),
                               "\(count) items on \(threads) threads")
            }
        }
    }

    func testAPassBelowTwoMinimumChunksRunsInOnePieceOnTheCallingThread() {
        let pool = WorkerPool(threads: 4)
        defer { pool.shutDown() }
        let pass = Marking(count: 19)
        pool.bind { pass.run(count: 19, minimumChunk: 10) }
        XCTAssertEqual(pass.chunkStarts, [0])
    }

    /// A convolutional network large enough that its activations, patch gathers and
    /// scatters, window sums, bias rows and bias gradients (a fused rectifier's too) are
    /// all split: the same bits on 1 and 4 threads.
    func testAConvolutionalNetworkGivesTheSameBitsOnOneAndFourThreads() throws {
        let (images, side, channels) = (8, 28, 16)
        let same = try XCTUnwrap(ConvolutionGeometry(height: side, width: side, channels: channels, kernel: (3, 3),
                                                     stride: (1, 1), padding: .same))
        let up = ConvolutionGeometry.transposed(height: side, width: side, channels: channels, kernel: (3, 3),
                                                stride: (2, 2), padding: .same)
        let down = try XCTUnwrap(ConvolutionGeometry(height: 2 * side, width: 2 * side, channels: channels,
                                                     kernel: (3, 3), stride: (2, 2), padding: .same))
        var random = RandomGenerator(seed: 7)
        let parameters = [
            randomParameter("x", shape: [images, side * side * channels], random: &random),
            randomParameter("k1", shape: [3, 3, channels, channels], random: &random),
            randomParameter("b1", shape: [channels], random: &random),
            randomParameter("k2", shape: [3, 3, channels, channels], random: &random),
            randomParameter("b2", shape: [channels], random: &random),
            randomParameter("k3", shape: [3, 3, channels, 1], random: &random),
            randomParameter("b3", shape: [1], random: &random),
        ]
        func run(threads: Int) -> [[Float]] {
            valuesAndGradients(onThreads: threads, of: parameters) { p in
                let hidden = p[0].conv2d(kernel: p[1], bias: p[2], geometry: same).leakyRelu(alpha: 0.2)
                let upsampled = hidden.conv2dTranspose(kernel: p[3], bias: p[4], geometry: up,
                                                       rectifier: .leaky(slope: 0.2)).tanh()
                let output = upsampled.conv2d(kernel: p[5], bias: p[6], geometry: down)
                return (output.squared().sum(), [output, upsampled])
            }
        }
        XCTAssertEqual(run(threads: 1), run(threads: 4))
    }
}
