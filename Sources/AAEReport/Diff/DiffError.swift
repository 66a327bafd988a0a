/// Why two results could not be compared at all (as opposed to comparing as different).
///
/// `aae-run diff` reports these on one line of stderr and exits with status 2, so scripts
/// can tell "different" (1) from "could not tell" (2).
public enum DiffError: Error, CustomStringConvertible, Equatable, Sendable {
    /// Nothing exists at the path.
    case notFound(path: String)
    /// The path is a folder that is neither a run folder nor a sweep folder.
    case notResults(path: String)
    /// One side is, say, a run folder and the other a CSV file.
    case mismatchedKinds(pathA: String, kindA: ResultsKind, pathB: String, kindB: ResultsKind)
    /// A CSV file could not be read or parsed; `reason` says why.
    case malformedCSV(path: String, reason: String)
    /// The two tables share no column to align their rows by.
    case noCommonKeyColumn(headerA: [String], headerB: [String])
    /// The requested key column is missing from one of the tables.
    case missingKeyColumn(String)
    /// The tolerance is negative or not finite.
    case invalidTolerance(Double)
    /// An error about the file at `path` (relative to the compared folders).
    indirect case inFile(path: String, DiffError)

    public var description: String {
        switch self {
        case .notFound(let path):
            return "\(path): no such file or folder"
        case .notResults(let path):
            return "\(path): not a run folder (no \(ResultsLayout.metricsFile)), "
                + "sweep folder (no \(ResultsLayout.summaryFile) or run folders) or CSV file"
        case .mismatchedKinds(let pathA, let kindA, let pathB, let kindB):
            return "cannot compare \(pathA) (\(kindA)) with \(pathB) (\(kindB)): they must be of the same kind"
        case .malformedCSV(let path, let reason):
            return "\(path): \(reason)"
        case .noCommonKeyColumn(let headerA, let headerB):
            return "no common key column to align rows by (first columns "
                + "\"\(headerA.first ?? "")\" and \"\(headerB.first ?? "")\")"
        case .missingKeyColumn(let column):
            return "key column \"\(column)\" is missing from one of the tables"
        case .invalidTolerance(let tolerance):
            return "tolerance must be a finite number >= 0, got \(tolerance)"
        case .inFile(let path, let error):
            return "\(path): \(error)"
        }
    }
}
