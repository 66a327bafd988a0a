import Foundation

/// Everything that can go wrong while locating, reading or validating a data set.
///
/// Every message names the offending file or directory and what is wrong with it, so a
/// failed run can be fixed without a debugger; a missing file also says how to fetch it.
public enum DataError: Error, CustomStringConvertible, Equatable, Sendable {
    /// The file does not exist.
    case missingFile(path: String)
    /// The file exists but cannot be opened or read.
    case unreadable(path: String, reason: String)
    /// zlib rejected the compressed stream (bad header, bad data, checksum mismatch).
    case corruptGzip(path: String, reason: String)
    /// The compressed stream ends before its data does, typically an interrupted download.
    case truncatedGzip(path: String)
    /// The decompressed bytes are not the IDX file that was expected.
    case malformedIDX(path: String, problem: String)
    /// The files parse but do not form a usable data set (count mismatch, bad label, ...).
    case invalidDataset(path: String, problem: String)
    /// A data directory holds none of the expected MNIST files.
    case noDataset(directory: String)
    /// None of the folders a named data set is looked for in holds its files; `fix` says what provides them.
    case datasetNotFound(dataset: String, folders: [String], fix: String)

    /// How to obtain the data when it is not where it was looked for.
    public static let fetchHint = "run `make data` or pass --data-dir DIR / set AAE_DATA_DIR"

    /// The file or directory the error is about.
    public var path: String {
        switch self {
        case .missingFile(let path), .unreadable(let path, _), .corruptGzip(let path, _),
             .truncatedGzip(let path), .malformedIDX(let path, _), .invalidDataset(let path, _):
            return path
        case .noDataset(let directory):
            return directory
        case .datasetNotFound(_, let folders, _):
            return folders.first ?? ""
        }
    }

    public var description: String {
        switch self {
        case .missingFile(let path):
            return "\(path): file not found; \(Self.fetchHint)"
        case .unreadable(let path, let reason):
            return "\(path): cannot read file (\(reason))"
        case .corruptGzip(let path, let reason):
            return "\(path): corrupt gzip stream (\(reason)); delete it and \(Self.fetchHint)"
        case .truncatedGzip(let path):
            return "\(path): truncated gzip stream (the file ends before the compressed data does); delete it and \(Self.fetchHint)"
        case .malformedIDX(let path, let problem):
            return "\(path): not a valid IDX file: \(problem)"
        case .invalidDataset(let path, let problem):
            return "\(path): \(problem)"
        case .noDataset(let directory):
            return "\(directory): no MNIST files found (expected \(MNIST.testImagesName).gz and "
                + "\(MNIST.testLabelsName).gz, plus \(MNIST.trainImagesName).gz and "
                + "\(MNIST.trainLabelsName).gz for the official split); \(Self.fetchHint)"
        case .datasetNotFound(let dataset, let folders, let fix):
            return "\(dataset): no files found in \(folders.joined(separator: ", ")); \(fix)"
        }
    }
}
