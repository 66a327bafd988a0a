import Foundation

/// `Tests/Golden/kernels.csv`: which fixture set of golden runs (a folder under `Tests/Golden/runs`)
/// holds the bytes of each OpenBLAS kernel (`openblas_get_corename`). Kernels whose runs give the
/// same bytes share one set (OpenBLAS 0.3.21's `Zen` and `Haswell` run the same AVX2 code).
struct GoldenKernels {
    private let fixtureSets: [String: String]

    init(file: URL) throws {
        var fixtureSets: [String: String] = [:]
        let lines = try String(contentsOf: file, encoding: .utf8).split(separator: "\n").dropFirst()
        for line in lines where !line.isEmpty {
            let fields = line.split(separator: ",").map(String.init)
            guard fields.count == 2 else {
                throw CocoaError(.fileReadCorruptFile, userInfo: [NSLocalizedDescriptionKey:
                    "\(file.path): `\(line)` is not `kernel,fixture_set`"])
            }
            fixtureSets[fields[0]] = fields[1]
        }
        self.fixtureSets = fixtureSets
    }

    /// The fixture set of `kernel`, or nil when no golden runs were made on it.
    func fixtureSet(of kernel: String) -> String? { fixtureSets[kernel] }
}
