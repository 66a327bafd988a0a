/// Why the results index could not be written.
public enum ResultsIndexError: Error, CustomStringConvertible, Equatable, Sendable {
    /// The results root does not exist or is not a folder.
    case notAFolder(path: String)

    public var description: String {
        switch self {
        case .notAFolder(let path):
            return "\(path): not a folder (expected the results folder, e.g. results)"
        }
    }
}
