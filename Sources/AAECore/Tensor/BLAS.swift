import CBLAS

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
        let lda = transposeA ? m : k
        let ldb = transposeB ? k : n
        cblas_sgemm(
            CblasRowMajor,
            transposeA ? CblasTrans : CblasNoTrans,
            transposeB ? CblasTrans : CblasNoTrans,
            blasint(m), blasint(n), blasint(k),
            alpha, a, blasint(lda), b, blasint(ldb),
            beta, c, blasint(n))
    }

    /// The number of threads OpenBLAS uses for one product.
    public static var threadCount: Int {
        get { Int(openblas_get_num_threads()) }
        set { openblas_set_num_threads(Int32(newValue)) }
    }
}
