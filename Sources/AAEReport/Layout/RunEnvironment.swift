import Foundation

/// What a run was computed with, saved as `environment.csv` in its folder:
/// the aae-run version, the threads, and the BLAS library and kernel.
///
/// The thread count is a speed setting (results do not depend on it); the
/// kernel is not: OpenBLAS's kernels for different instruction sets (and
/// their block sizes) sum the products in other orders, so two runs computed
/// with different kernels may differ in their last bits, which `aae-run diff` says.
public struct RunEnvironment: Equatable, Sendable {
    public static let fileName = RunFolderLayout.environmentFileName
    static let columns = ["aae_run_version", "threads", "blas", "blas_kernel"]

    public var version: String
    public var threads: Int
    /// The BLAS library's build, e.g. `OpenBLAS 0.3.21 NO_LAPACKE DYNAMIC_ARCH NO_AFFINITY Zen MAX_THREADS=64`.
    public var blas: String
    /// The kernel the BLAS library chose for this machine (or OPENBLAS_CORETYPE), e.g. `Zen` or `SkylakeX`.
    public var blasKernel: String

    public init(version: String, threads: Int, blas: String, blasKernel: String) {
        self.version = version
        self.threads = threads
        self.blas = blas.trimmingCharacters(in: .whitespaces)
        self.blasKernel = blasKernel.trimmingCharacters(in: .whitespaces)
    }

    public func write(in directory: URL) throws {
        try CSVTable(header: Self.columns, rows: [[version, String(threads), blas, blasKernel]])
            .write(to: directory.appendingPathComponent(Self.fileName))
    }

    /// The environment recorded in `directory`; nil when there is none or it cannot be read.
    public static func read(in directory: URL) -> RunEnvironment? {
        guard let table = try? CSVTable.read(from: directory.appendingPathComponent(fileName)),
              table.header == columns, let row = table.rows.first, let threads = Int(row[1]) else { return nil }
        return RunEnvironment(version: row[0], threads: threads, blas: row[2], blasKernel: row[3])
    }
}
