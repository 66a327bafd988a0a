import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes files so that readers only ever see the old contents or the complete new ones.
///
/// Results (CSV logs, figures) are rewritten many times during a run; an interrupted run
/// must not leave a truncated file behind. The bytes go to a uniquely named temporary file
/// in the target's directory, are flushed to disk with `fsync`, and the temporary file is
/// then `rename(2)`d over the target, which POSIX guarantees to be atomic within a file system.
/// The new file gets mode 0644.
public enum AtomicFile {
    /// Atomically replaces (or creates) the file at `url` with `data`, creating missing
    /// parent directories first.
    public static func write(_ data: Data, to url: URL) throws {
        let target = url.standardizedFileURL
        let directory = target.deletingLastPathComponent()
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        } catch {
            throw AtomicFileError.cannotCreateDirectory(path: directory.path,
                                                        reason: FileErrorMessage.reason(for: error, path: directory.path))
        }

        let template = directory.appendingPathComponent(".\(target.lastPathComponent).tmp-XXXXXX").path
        var templateBytes = Array(template.utf8CString)
        let descriptor = templateBytes.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard descriptor >= 0 else { throw AtomicFileError.systemCall("mkstemp", path: template) }
        let temporaryPath = String(cString: templateBytes)

        var isOpen = true
        var isRenamed = false
        defer {
            if isOpen { _ = close(descriptor) }
            if !isRenamed { _ = unlink(temporaryPath) }
        }

        try writeAll(data, to: descriptor, path: temporaryPath)
        guard fchmod(descriptor, 0o644) == 0 else { throw AtomicFileError.systemCall("fchmod", path: temporaryPath) }
        guard fsync(descriptor) == 0 else { throw AtomicFileError.systemCall("fsync", path: temporaryPath) }
        isOpen = false
        guard close(descriptor) == 0 else { throw AtomicFileError.systemCall("close", path: temporaryPath) }
        guard rename(temporaryPath, target.path) == 0 else {
            throw AtomicFileError.systemCall("rename", path: target.path)
        }
        isRenamed = true
        syncDirectory(directory.path)
    }

    /// Atomically replaces (or creates) the file at `url` with the UTF-8 bytes of `string`.
    public static func write(_ string: String, to url: URL) throws {
        try write(Data(string.utf8), to: url)
    }
}

/// Writes every byte of `data`, retrying after partial writes and signal interruptions.
private func writeAll(_ data: Data, to descriptor: Int32, path: String) throws {
    try data.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) in
        var offset = 0
        while offset < buffer.count {
            let written = write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                throw AtomicFileError.systemCall("write", path: path)
            }
            offset += written
        }
    }
}

/// Flushes the directory entry so the rename itself survives a crash; best effort, since
/// some file systems refuse `fsync` on directories and the data is already safe.
private func syncDirectory(_ path: String) {
    let descriptor = open(path, O_RDONLY)
    guard descriptor >= 0 else { return }
    _ = fsync(descriptor)
    _ = close(descriptor)
}
