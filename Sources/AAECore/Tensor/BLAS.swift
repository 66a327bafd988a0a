import CBLAS
import Dispatch

/// Matrix products on OpenBLAS, the physical floor of every training step.
///
/// OpenBLAS itself always runs on one thread (set once for the process): a
/// product is cut into blocks from its shape alone (`GemmBlocking`), each
/// block is one single-threaded sgemm call, and the blocks are spread over
/// the calling thread's `WorkerPool`. So a product gives the same bits on 1,
/// 2 or 8 threads, and the thread count is a speed setting only. Transposes
/// are passed to sgemm as flags and never materialised.
public enum BLAS {
    /// `C = alpha · op(A) · op(B) + beta · C` for row-major matrices, where
    /// `op(X)` is `X` or its transpose. `op(A)` is `m × k`, `op(B)` is `k × n`.
    @inline(__always)
    public static func gemm(
        transposeA: Bool, transposeB: Bool,
        m: Int, n: Int, k: Int,
        alpha: Float = 1,
        a: UnsafePointer<Float>, b: UnsafePointer<Float>,
        beta: Float = 0,
        c: UnsafeMutablePointer<Float>
    ) {
        gemm(GemmCall(transposeA: transposeA, transposeB: transposeB, m: m, n: n, k: k,
                      alpha: alpha, a: a, b: b, beta: beta, c: c))
    }

    /// One product, its blocks over the calling thread's pool.
    public static func gemm(_ call: GemmCall) {
        gemmRecorder?.calls.append(call)
        let start = gemmClock?.now()
        let blocking = call.blocking
        if blocking.count > 1, let pool = WorkerPool.current, pool.isAvailable {
            let batch = batches.value
            batch.set(call, blocking)
            pool.run(batch, count: batch.count)
        } else {
            for block in 0..<blocking.count { call.perform(block: block, of: blocking) }
        }
        if let start, let clock = gemmClock { clock.seconds += clock.now() - start }
    }

    /// Two independent products (such as a layer's input and weight
    /// gradients), whose blocks are spread over the pool together. Their
    /// outputs must not overlap; each gives the bits it gives alone.
    public static func gemm(_ first: GemmCall, _ second: GemmCall) {
        gemmRecorder?.calls.append(first)
        gemmRecorder?.calls.append(second)
        let start = gemmClock?.now()
        let firstBlocking = first.blocking, secondBlocking = second.blocking
        if first.work + second.work >= GemmBlocking.minimumWork, let pool = WorkerPool.current, pool.isAvailable {
            let batch = batches.value
            batch.set(first, firstBlocking, second, secondBlocking)
            pool.run(batch, count: batch.count)
        } else {
            for block in 0..<firstBlocking.count { first.perform(block: block, of: firstBlocking) }
            for block in 0..<secondBlocking.count { second.perform(block: block, of: secondBlocking) }
        }
        if let start, let clock = gemmClock { clock.seconds += clock.now() - start }
    }

    /// Records `call` for the benchmark's floor as `gemm` does, without computing it:
    /// for a product that a task then computes with `gemmOnThisThread`.
    public static func record(_ call: GemmCall) {
        gemmRecorder?.calls.append(call)
    }

    /// `call`'s blocks in order on the calling thread, neither recorded nor timed:
    /// the product as `gemm` computes it, bit for bit, inside a task that holds a
    /// whole chunk of work (its product recorded beforehand with `record`).
    public static func gemmOnThisThread(_ call: GemmCall) {
        let blocking = call.blocking
        for block in 0..<blocking.count { call.perform(block: block, of: blocking) }
    }

    /// The products given (a layer's input and weight gradients, either of which
    /// may be absent): side by side when both are.
    public static func gemmIfPresent(_ first: GemmCall?, _ second: GemmCall?) {
        switch (first, second) {
        case let (first?, second?): gemm(first, second)
        case let (first?, nil): gemm(first)
        case let (nil, second?): gemm(second)
        case (nil, nil): break
        }
    }

    /// Each thread's reusable description of the blocks it hands to its pool.
    private static let batches = ThreadLocalObject { GemmBatch() }

    /// OpenBLAS on one thread, for the whole process; read before the first product.
    static let singleThreaded: Void = openblas_set_num_threads(1)

    /// The BLAS library's build as it reports it: version, options and kernel family
    /// (`OpenBLAS 0.3.21 NO_LAPACKE DYNAMIC_ARCH NO_AFFINITY Zen MAX_THREADS=64`).
    public static var configuration: String { String(cString: openblas_get_config()) }

    /// The kernel OpenBLAS chose for this machine (or `OPENBLAS_CORETYPE` forced), e.g. `Zen`,
    /// `Haswell`, `SkylakeX`: runs on different kernels may differ in their last bits.
    public static var kernel: String { String(cString: openblas_get_corename()) }

    /// When set, every product is also recorded here: the benchmark replays a
    /// training step's products alone to measure the step's floor.
    public static var gemmRecorder: GemmRecorder?

    /// When set, the time spent inside products is added up here: the
    /// benchmark splits a step's time into its products and everything else.
    public static var gemmClock: GemmClock?
}

/// One matrix product: its shape and its operands, as `BLAS.gemm` makes it
/// (and as recorded for the benchmark's floor, to be made again alone on the same memory).
public struct GemmCall: Equatable {
    public let transposeA: Bool
    public let transposeB: Bool
    public let m: Int, n: Int, k: Int
    public let alpha: Float
    public let a: UnsafePointer<Float>
    public let b: UnsafePointer<Float>
    public let beta: Float
    public let c: UnsafeMutablePointer<Float>

    /// `C = alpha · op(A) · op(B) + beta · C`, `op(A)` `m × k`, `op(B)` `k × n`, all row-major.
    public init(transposeA: Bool, transposeB: Bool, m: Int, n: Int, k: Int, alpha: Float = 1,
                a: UnsafePointer<Float>, b: UnsafePointer<Float>, beta: Float = 0, c: UnsafeMutablePointer<Float>) {
        self.transposeA = transposeA
        self.transposeB = transposeB
        self.m = m; self.n = n; self.k = k
        self.alpha = alpha
        self.a = a; self.b = b
        self.beta = beta
        self.c = c
    }

    /// The product's multiply-adds.
    var work: Int { m * n * k }

    /// The blocks the product is cut into.
    var blocking: GemmBlocking { GemmBlocking(m: m, n: n, k: k) }

    /// Computes block `block` of C with one single-threaded sgemm call; the
    /// leading dimensions stay those of the whole matrices.
    func perform(block: Int, of blocking: GemmBlocking) {
        let lda = transposeA ? m : k, ldb = transposeB ? k : n
        let start = block * blocking.size
        var rows = m, columns = n, a = self.a, b = self.b, c = self.c
        if blocking.alongColumns {
            columns = min(blocking.size, n - start)
            b += transposeB ? start * k : start
            c += start
        } else {
            rows = min(blocking.size, m - start)
            a += transposeA ? start : start * k
            c += start * n
        }
        _ = BLAS.singleThreaded
        cblas_sgemm(
            CblasRowMajor,
            transposeA ? CblasTrans : CblasNoTrans,
            transposeB ? CblasTrans : CblasNoTrans,
            blasint(rows), blasint(columns), blasint(k),
            alpha, a, blasint(lda), b, blasint(ldb),
            beta, c, blasint(n))
    }
}

/// The blocks of one or two products, handed to a pool as one job.
final class GemmBatch: ParallelTasks {
    private var first: GemmCall?
    private var second: GemmCall?
    private var firstBlocking = GemmBlocking(m: 0, n: 0, k: 0)
    private var secondBlocking = GemmBlocking(m: 0, n: 0, k: 0)

    /// The number of blocks in all.
    private(set) var count = 0

    func set(_ call: GemmCall, _ blocking: GemmBlocking) {
        first = call
        firstBlocking = blocking
        second = nil
        count = blocking.count
    }

    func set(_ call: GemmCall, _ blocking: GemmBlocking, _ other: GemmCall, _ otherBlocking: GemmBlocking) {
        first = call
        firstBlocking = blocking
        second = other
        secondBlocking = otherBlocking
        count = blocking.count + otherBlocking.count
    }

    func perform(_ index: Int) {
        if index < firstBlocking.count {
            first?.perform(block: index, of: firstBlocking)
        } else {
            second?.perform(block: index - firstBlocking.count, of: secondBlocking)
        }
    }
}

/// Collects the products made while it is installed as `BLAS.gemmRecorder`.
public final class GemmRecorder {
    public var calls: [GemmCall] = []
    public init() {}
}

/// Adds up the wall time spent inside `BLAS.gemm` while it is installed as `BLAS.gemmClock`.
public final class GemmClock {
    public var seconds: Double = 0
    public init() {}

    /// A monotonic time in seconds.
    @inline(__always)
    public func now() -> Double {
        Double(DispatchTime.now().uptimeNanoseconds) * 1e-9
    }
}
