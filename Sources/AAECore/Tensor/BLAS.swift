import CBLAS
import Dispatch

/// Matrix products on OpenBLAS, the physical floor of every training step.
///
/// Transposes are passed to `cblas_sgemm` as flags and never materialised.
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
        if let recorder = gemmRecorder {
            recorder.calls.append(GemmCall(transposeA: transposeA, transposeB: transposeB, m: m, n: n, k: k,
                                           alpha: alpha, a: a, b: b, beta: beta, c: c))
        }
        let lda = transposeA ? m : k
        let ldb = transposeB ? k : n
        let start = gemmClock?.now()
        cblas_sgemm(
            CblasRowMajor,
            transposeA ? CblasTrans : CblasNoTrans,
            transposeB ? CblasTrans : CblasNoTrans,
            blasint(m), blasint(n), blasint(k),
            alpha, a, blasint(lda), b, blasint(ldb),
            beta, c, blasint(n))
        if let start, let clock = gemmClock { clock.seconds += clock.now() - start }
    }

    /// When set, every product is also recorded here: the benchmark replays a
    /// training step's products alone to measure the step's floor.
    public static var gemmRecorder: GemmRecorder?

    /// When set, the time spent inside products is added up here: the
    /// benchmark splits a step's time into its products and everything else.
    public static var gemmClock: GemmClock?

    /// The number of threads OpenBLAS uses for one product.
    public static var threadCount: Int {
        get { Int(openblas_get_num_threads()) }
        set { openblas_set_num_threads(Int32(newValue)) }
    }
}

/// One matrix product as recorded for the benchmark's floor: its shape and
/// its operands, so that it can be made again alone on the same memory.
public struct GemmCall: Equatable {
    public let transposeA: Bool
    public let transposeB: Bool
    public let m: Int, n: Int, k: Int
    public let alpha: Float
    public let a: UnsafePointer<Float>
    public let b: UnsafePointer<Float>
    public let beta: Float
    public let c: UnsafeMutablePointer<Float>
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
