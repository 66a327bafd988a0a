import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A file-system error of Foundation as one line — what failed, on which path, and the
/// fix — instead of the `Error Domain=NSCocoaErrorDomain Code=… UserInfo={…}` dump that
/// is its description on Linux.
///
/// Every place where a Foundation error can reach the user (the command line's last
/// resort, a sweep's failed run, a file that cannot be read) describes it through here.
public enum FileErrorMessage {
    /// Paths longer than this are shown shortened, their middle elided.
    static let shownPathLength = 160

    /// The line for `error` when it is a file-system error of Foundation (a `CocoaError`
    /// or an `NSError` of the Cocoa or POSIX domain), else nil. `path` is used when the
    /// error does not name its file.
    public static func line(for error: Error, path: String? = nil) -> String? {
        let error = error as NSError
        guard error.domain == NSCocoaErrorDomain || error.domain == NSPOSIXErrorDomain else { return nil }
        let posix = posixCode(of: error)
        let file = error.userInfo[NSFilePathErrorKey] as? String
            ?? (error.userInfo[NSURLErrorKey] as? URL)?.path ?? path
        let action: String
        switch error.domain == NSCocoaErrorDomain ? error.code : 0 {
        case CocoaError.fileNoSuchFile.rawValue, CocoaError.fileReadNoSuchFile.rawValue: action = "cannot find"
        case 256..<512: action = "cannot read"
        case 512..<768: action = "cannot write"
        default: action = "cannot access"
        }
        let subject = file.map { "\(action) \(shown($0))" } ?? action
        return "\(subject): \(reason(posix: posix, cocoa: error, path: file))"
    }

    /// Only what went wrong and the fix, for a message that names the operation and the
    /// path itself; the error's own description when it is not a file error.
    public static func reason(for error: Error, path: String? = nil) -> String {
        let original = error, error = error as NSError
        guard error.domain == NSCocoaErrorDomain || error.domain == NSPOSIXErrorDomain else { return "\(original)" }
        let posix = posixCode(of: error)
        return reason(posix: posix, cocoa: error,
                      path: error.userInfo[NSFilePathErrorKey] as? String ?? (error.userInfo[NSURLErrorKey] as? URL)?.path ?? path)
    }

    /// `line(for:)`, else the error's own description.
    public static func describe(_ error: Error, path: String? = nil) -> String {
        line(for: error, path: path) ?? "\(error)"
    }

    /// What went wrong and what to do, from the POSIX error where there is one.
    private static func reason(posix: Int32?, cocoa error: NSError, path: String?) -> String {
        switch posix {
        case ENOENT?:
            return "no such file or folder; check the path"
        case EACCES?, EPERM?:
            return "permission denied; choose a folder you may write to (e.g. with --out) or change its permissions"
        case EROFS?:
            return "Read-only file system; choose a folder on a writable disk (e.g. with --out)"
        case ENOSPC?, EDQUOT?:
            return "no space left on the device; free some space or choose another disk (e.g. with --out)"
        case ENAMETOOLONG?:
            return nameTooLong
        case ENOTDIR?:
            let file = path.flatMap(firstFileAmongFolders)
            return "\(file.map { "\(shown($0)) is" } ?? "a part of the path is") a file, not a folder; choose another path"
        case EISDIR?:
            return "it is a folder, not a file; name a file"
        case EEXIST?:
            return "it already exists; remove it or choose another path"
        case let code?:
            return String(cString: strerror(code))
        case nil:
            break
        }
        switch error.code {
        case CocoaError.fileWriteInvalidFileName.rawValue:
            return nameTooLong
        case CocoaError.fileNoSuchFile.rawValue, CocoaError.fileReadNoSuchFile.rawValue:
            return "no such file or folder; check the path"
        case CocoaError.fileReadNoPermission.rawValue, CocoaError.fileWriteNoPermission.rawValue:
            return "permission denied; choose another path or change its permissions"
        case CocoaError.fileWriteOutOfSpace.rawValue:
            return "no space left on the device; free some space or choose another disk"
        case CocoaError.fileWriteVolumeReadOnly.rawValue:
            return "the file system is read-only; choose a folder on a writable disk"
        case CocoaError.fileReadCorruptFile.rawValue, CocoaError.fileReadUnknownStringEncoding.rawValue,
             CocoaError.fileReadInapplicableStringEncoding.rawValue:
            return "the file is not readable text; check that it is the file you meant"
        default:
            return "file error \(error.code); check the path and its permissions"
        }
    }

    /// The POSIX error of `error` or of the error under it, if any.
    private static func posixCode(of error: NSError) -> Int32? {
        if error.domain == NSPOSIXErrorDomain { return Int32(error.code) }
        guard let underlying = error.userInfo[NSUnderlyingErrorKey] else { return nil }
        if let posix = underlying as? POSIXError { return posix.code.rawValue }
        guard let nested = underlying as? Error else { return nil }
        let bridged = nested as NSError
        return bridged.domain == NSPOSIXErrorDomain ? Int32(bridged.code) : nil
    }

    private static let nameTooLong = "a name in the path is longer than 255 bytes (or the whole path longer than "
        + "4096); shorten it"

    /// The first existing prefix of `path` that is a file rather than a folder.
    private static func firstFileAmongFolders(_ path: String) -> String? {
        var prefix = path.hasPrefix("/") ? "" : "."
        for component in path.split(separator: "/") {
            prefix += "/\(component)"
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: prefix, isDirectory: &isFolder) else { return nil }
            if !isFolder.boolValue { return prefix }
        }
        return nil
    }

    /// `path`, with its middle elided when it is longer than `shownPathLength`.
    public static func shown(_ path: String) -> String {
        guard path.count > shownPathLength else { return path }
        let keep = shownPathLength / 2 - 2
        return "\(path.prefix(keep))…\(path.suffix(keep)) (\(path.utf8.count) bytes)"
    }
}
