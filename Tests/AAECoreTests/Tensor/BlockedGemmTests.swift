import AAECore
import CBLAS
import XCTest

/// `BLAS.gemm` cuts products into blocks from their shape alone: the same bits
/// on any number of threads, and the product a plain sgemm call computes.
final class BlockedGemmTests: XCTestCase {
    /// Shapes on both sides of the cut-off, cut along rows and along columns,
    /// with sizes that leave a short last block.
    private let shapes: [(m: Int, n: Int, k: Int)] = [
        (100, 1000, 784), (784, 1000, 100), (100, 784, 1000), (1000, 100, 300), (37, 53, 29), (1, 700, 600),
    ]

    private func random(_ count: Int, seed: UInt64) -> [Float] {
        var generator = RandomGenerator(seed: seed)
        var values = [Float](repeating: 0, count: count)
        values.withUnsafeMutableBufferPointer { generator.fillUniform($0.baseAddress!, count: count, low: -1, high: 1) }
        return values
    }

    /// `C = 0.5·op(A)·op(B) + 0.25·C` by `BLAS.gemm` on `threads` threads.
    private func blocked(_ a: [Float], _ b: [Float], _ c: [Float], m: Int, n: Int, k: Int,
                         transposeA: Bool, transposeB: Bool, threads: Int) -> [Float] {
        let pool = WorkerPool(threads: threads)
        defer { pool.shutDown() }
        var c = c
        pool.bind {
            c.withUnsafeMutableBufferPointer { c in
                BLAS.gemm(transposeA: transposeA, transposeB: transposeB, m: m, n: n, k: k, alpha: 0.5,
                          a: a, b: b, beta: 0.25, c: c.baseAddress!)
            }
        }
        return c
    }

    func testABlockedProductIsTheSameOnOneTwoThreeAndFourThreads() {
        for (m, n, k) in shapes {
            for transposeA in [false, true] {
                for transposeB in [false, true] {
                    let a = random(m * k, seed: 1), b = random(k * n, seed: 2), c = random(m * n, seed: 3)
                    let one = blocked(a, b, c, m: m, n: n, k: k, transposeA: transposeA, transposeB: transposeB,
                                      threads: 1)
                    for threads in [2, 3, 4] {
                        XCTAssertEqual(one, blocked(a, b, c, m: m, n: n, k: k, transposeA: transposeA,
                                                    transposeB: transposeB, threads: threads),
                                       "\(m)×\(n)×\(k) transposes \(transposeA) \(transposeB) on \(threads) threads")
                    }
                }
            }
        }
    }

    func testABlockedProductIsClosetoOnePlainSgemmCall() {
        for (m, n, k) in shapes {
            for transposeA in [false, true] {
                for transposeB in [false, true] {
                    let a = random(m * k, seed: 4), b = random(k * n, seed: 5), c = random(m * n, seed: 6)
                    let result = blocked(a, b, c, m: m, n: n, k: k, transposeA: transposeA, transposeB: transposeB,
                                         threads: 2)
                    var plain = c
                    cblas_sgemm(CblasRowMajor, transposeA ? CblasTrans : CblasNoTrans,
                                transposeB ? CblasTrans : CblasNoTrans, blasint(m), blasint(n), blasint(k), 0.5,
                                a, blasint(transposeA ? m : k), b, blasint(transposeB ? k : n), 0.25, &plain,
                                blasint(n))
                    let largest = zip(result, plain).map { abs($0 - $1) }.max() ?? 0
                    XCTAssertLessThanOrEqual(largest, 1e-5 * Float(k), "\(m)×\(n)×\(k) \(transposeA) \(transposeB)")
                }
            }
        }
    }

    func testTwoProductsMadeTogetherEachGiveWhatTheyGiveAlone() {
        let (m, n, k) = (100, 1000, 784)
        let a = random(m * k, seed: 7), b = random(k * n, seed: 8), dy = random(m * n, seed: 9)
        var alone = (dx: [Float](repeating: 0, count: m * k), dw: [Float](repeating: 0, count: k * n))
        var together = alone
        func gradients(_ dx: UnsafeMutablePointer<Float>, _ dw: UnsafeMutablePointer<Float>) -> (GemmCall, GemmCall) {
            (GemmCall(transposeA: false, transposeB: true, m: m, n: k, k: n, a: dy, b: b, c: dx),
             GemmCall(transposeA: true, transposeB: false, m: k, n: n, k: m, a: a, b: dy, c: dw))
        }
        let pool = WorkerPool(threads: 2)
        defer { pool.shutDown() }
        pool.bind {
            alone.dx.withUnsafeMutableBufferPointer { dx in
                alone.dw.withUnsafeMutableBufferPointer { dw in
                    let (first, second) = gradients(dx.baseAddress!, dw.baseAddress!)
                    BLAS.gemm(first)
                    BLAS.gemm(second)
                }
            }
            together.dx.withUnsafeMutableBufferPointer { dx in
                together.dw.withUnsafeMutableBufferPointer { dw in
                    let (first, second) = gradients(dx.baseAddress!, dw.baseAddress!)
                    BLAS.gemm(first, second)
                }
            }
        }
        XCTAssertEqual(alone.dx, together.dx)
        XCTAssertEqual(alone.dw, together.dw)
    }

    func testTheBlocksDependOnTheShapeAloneAndCoverIt() {
        let large = GemmBlocking(m: 100, n: 4096, k: 784)
        XCTAssertTrue(large.alongColumns)
        XCTAssertEqual(large.count, GemmBlocking.maximumCount)
        XCTAssertEqual(large.size % GemmBlocking.granularity, 0)
        XCTAssertGreaterThanOrEqual(large.size * large.count, 4096)
        XCTAssertLessThan(large.size * (large.count - 1), 4096)
        XCTAssertFalse(GemmBlocking(m: 1000, n: 100, k: 784).alongColumns)
        XCTAssertEqual(GemmBlocking(m: 32, n: 32, k: 32).count, 1, "a small product is one call")
    }

    func testEveryBlockKeepsAtLeastTheMinimumSide() {
        let layer = GemmBlocking(m: 128, n: 512, k: 784)
        XCTAssertEqual(layer.count, 4, "a 512-wide layer's product is cut in four, not eight")
        XCTAssertEqual(layer.size, GemmBlocking.minimumSide)
        XCTAssertEqual(GemmBlocking(m: 128, n: 250, k: 100_000).count, 1,
                       "a side under twice the minimum is not cut, however much work it has")
        for side in [512, 784, 1024, 2048, 3136, 25088] {
            let blocking = GemmBlocking(m: side, n: 64, k: 288)
            XCTAssertGreaterThanOrEqual(side - blocking.size * (blocking.count - 1), 1)
            XCTAssertGreaterThanOrEqual(blocking.size, GemmBlocking.minimumSide, "\(side) rows")
        }
    }
}
