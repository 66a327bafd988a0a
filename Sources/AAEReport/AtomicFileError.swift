import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Why an atomic write failed; the message names the file and the failing system call.
public enum AtomicFileError: Error, CustomStringConvertible, Equatable, Sendable {
    /// The parent directory did not exist and could not be created.
    case cannotCreateDirectory(path: String, reason: String)
    /// A system call failed; `reason` is `strerror(errno)`.
    case systemCallFailed(call: String, path: String, reason: String)

    static func systemCall(_ call: String, path: String) -> AtomicFileError {
        .systemCallFailed(call: call, path: path, reason: String(cString: strerror(errno)))
    }

    public var description: String {
        switch self {
        case .cannotCreateDirectory(let path, let reason):
            return "\(FileErrorMessage.shown(path)): cannot create the folder: \(reason)"
        case .systemCallFailed(let call, let path, let reason):
            return "\(FileErrorMessage.shown(path)): \(call) failed: \(reason)"
        }
    }
}
