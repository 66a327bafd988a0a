import Foundation

/// The differences between two run folders, two sweep folders or two CSV files.
///
/// Answers "did this change alter the results, and where?" for `aae-run diff`: each CSV
/// file present on both sides is compared with `CSVDiff` (rows aligned by `step`, `run_id`
/// or `metric`), and files or run folders present on one side only are listed.
public struct ResultsDiff: Equatable, Sendable {
    /// What both paths hold.
    public var kind: ResultsKind
    /// The relative tolerance used for numeric cells.
    public var tolerance: Double
    /// Every CSV file compared, in order: summary first, then each run's metrics and eval.
    public var files: [FileDiff]
    /// Files and run folders (ending in `/`) present only under A, relative to A.
    public var onlyInA: [String]
    /// Files and run folders (ending in `/`) present only under B, relative to B.
    public var onlyInB: [String]
    /// The BLAS kernels of runs compared, when A's and B's differ (from their environment.csv):
    /// a reason, besides the code, why results may differ in their last bits. Not a difference.
    public var kernels: Kernels?

    /// The distinct BLAS kernels of each side's runs that differ from their counterpart's.
    public struct Kernels: Equatable, Sendable {
        public var a: [String]
        public var b: [String]
    }

    /// The total number of differences: one per changed cell, one-sided column, row, file or folder.
    public var differenceCount: Int {
        files.reduce(onlyInA.count + onlyInB.count) { $0 + $1.diff.differenceCount }
    }

    /// `.equal` when there is no difference within the tolerance, else `.different`.
    public var outcome: DiffOutcome {
        differenceCount == 0 ? .equal : .different
    }

    /// Compares what `a` and `b` hold, which must be of the same `ResultsKind`.
    ///
    /// - Throws: `DiffError` for a missing path, a folder that holds no results, kinds that
    ///   differ, an unreadable or malformed CSV file, or an invalid tolerance.
    public static func compare(_ a: URL, _ b: URL, tolerance: Double = 0) throws -> ResultsDiff {
        _ = try CellComparison(tolerance: tolerance)
        let kindA = try ResultsKind.of(a), kindB = try ResultsKind.of(b)
        guard kindA == kindB else {
            throw DiffError.mismatchedKinds(pathA: a.relativePath, kindA: kindA, pathB: b.relativePath, kindB: kindB)
        }
        var builder = Builder(a: a, b: b, tolerance: tolerance)
        switch kindA {
        case .csvFile:
            try builder.compareFiles(a, b, label: "\(a.relativePath) vs \(b.relativePath)")
        case .runFolder:
            try builder.compareRun(prefix: "", a, b)
        case .sweepFolder:
            try builder.compareSweep()
        }
        return ResultsDiff(kind: kindA, tolerance: tolerance, files: builder.files,
                           onlyInA: builder.onlyInA, onlyInB: builder.onlyInB, kernels: builder.differingKernels)
    }

    /// Collects file comparisons and one-sided entries while walking both trees.
    private struct Builder {
        let a: URL, b: URL
        let tolerance: Double
        var files: [FileDiff] = []
        var onlyInA: [String] = []
        var onlyInB: [String] = []
        /// The kernels of the runs on each side whose kernels differ from their counterpart's.
        var kernelsA: [String] = [], kernelsB: [String] = []

        var differingKernels: Kernels? {
            kernelsA.isEmpty ? nil : Kernels(a: NaturalOrder.sorted(Array(Set(kernelsA))),
                                             b: NaturalOrder.sorted(Array(Set(kernelsB))))
        }

        init(a: URL, b: URL, tolerance: Double) {
            self.a = a
            self.b = b
            self.tolerance = tolerance
        }

        mutating func compareSweep() throws {
            try compareOptionalFile(ResultsLayout.summaryFile, in: a, b)
            let runsA = try ResultsLayout.runFolderNames(in: a), runsB = try ResultsLayout.runFolderNames(in: b)
            let setA = Set(runsA), setB = Set(runsB)
            for name in NaturalOrder.sorted(Array(setA.union(setB))) {
                switch (setA.contains(name), setB.contains(name)) {
                case (true, true):
                    try compareRun(prefix: name + "/", a.appendingPathComponent(name, isDirectory: true),
                                   b.appendingPathComponent(name, isDirectory: true))
                case (true, false):
                    onlyInA.append(name + "/")
                default:
                    onlyInB.append(name + "/")
                }
            }
        }

        mutating func compareRun(prefix: String, _ runA: URL, _ runB: URL) throws {
            try compareFiles(runA.appendingPathComponent(ResultsLayout.metricsFile),
                             runB.appendingPathComponent(ResultsLayout.metricsFile),
                             label: prefix + ResultsLayout.metricsFile)
            try compareOptionalFile(ResultsLayout.evalFile, in: runA, runB, prefix: prefix)
            if let environmentA = RunEnvironment.read(in: runA), let environmentB = RunEnvironment.read(in: runB),
               environmentA.blasKernel != environmentB.blasKernel {
                kernelsA.append(environmentA.blasKernel)
                kernelsB.append(environmentB.blasKernel)
            }
        }

        /// Compares `name` if both folders have it, else records which side has it.
        mutating func compareOptionalFile(_ name: String, in folderA: URL, _ folderB: URL, prefix: String = "") throws {
            let fileA = folderA.appendingPathComponent(name), fileB = folderB.appendingPathComponent(name)
            switch (ResultsLayout.isFile(fileA), ResultsLayout.isFile(fileB)) {
            case (true, true): try compareFiles(fileA, fileB, label: prefix + name)
            case (true, false): onlyInA.append(prefix + name)
            case (false, true): onlyInB.append(prefix + name)
            case (false, false): break
            }
        }

        mutating func compareFiles(_ fileA: URL, _ fileB: URL, label: String) throws {
            let tableA = try Self.readTable(fileA), tableB = try Self.readTable(fileB)
            do {
                files.append(FileDiff(path: label, diff: try CSVDiff(tableA, tableB, tolerance: tolerance)))
            } catch let error as DiffError {
                throw DiffError.inFile(path: label, error)
            }
        }

        private static func readTable(_ url: URL) throws -> CSVTable {
            let text: String
            do {
                text = try String(contentsOf: url, encoding: .utf8)
            } catch {
                throw DiffError.malformedCSV(path: url.relativePath, reason: "cannot be read as UTF-8 text")
            }
            do {
                return try CSVTable.parse(text)
            } catch {
                throw DiffError.malformedCSV(path: url.relativePath, reason: FileErrorMessage.reason(for: error))
            }
        }
    }
}
