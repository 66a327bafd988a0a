import Foundation

/// What a path given to `aae-run diff` holds, which decides what is compared.
public enum ResultsKind: String, Equatable, Sendable, CustomStringConvertible {
    /// A folder with `metrics.csv` (and maybe `eval.csv`): one training run.
    case runFolder = "run folder"
    /// A folder with `summary.csv` and/or run folders: a sweep or an experiment's seeds.
    case sweepFolder = "sweep folder"
    /// Any other file, read as CSV.
    case csvFile = "CSV file"

    public var description: String { rawValue }

    /// The kind of `url`; a folder holding `summary.csv` is a sweep even if it also holds
    /// `metrics.csv`.
    ///
    /// - Throws: `DiffError.notFound` or `DiffError.notResults`.
    public static func of(_ url: URL) throws -> ResultsKind {
        let path = url.relativePath
        guard FileManager.default.fileExists(atPath: url.path) else { throw DiffError.notFound(path: path) }
        guard ResultsLayout.isDirectory(url) else { return .csvFile }
        if ResultsLayout.isFile(url.appendingPathComponent(ResultsLayout.summaryFile)) { return .sweepFolder }
        if ResultsLayout.isRunFolder(url) { return .runFolder }
        let runs = (try? ResultsLayout.runFolderNames(in: url)) ?? []
        if !runs.isEmpty { return .sweepFolder }
        throw DiffError.notResults(path: path)
    }
}
