import AAEReport
import Foundation

/// `Tests/Golden/kernels.csv`: which fixture set of golden runs (a folder under `Tests/Golden/runs`)
/// holds the bytes of each OpenBLAS kernel (`openblas_get_corename`). Kernels whose runs give the
/// same bytes share one set (OpenBLAS 0.3.21's `Zen` and `Haswell` run the same AVX2 code).
struct GoldenKernels {
    private let fixtureSets: [String: String]

    init(file: URL) throws {
        let table = try CSVTable.read(from: file)
        let kernels = table.column(named: "kernel") ?? []
        let sets = table.column(named: "fixture_set") ?? []
        fixtureSets = Dictionary(zip(kernels, sets), uniquingKeysWith: { first, _ in first })
    }

    /// The fixture set of `kernel`, or nil when no golden runs were made on it.
    func fixtureSet(of kernel: String) -> String? { fixtureSets[kernel] }
}
