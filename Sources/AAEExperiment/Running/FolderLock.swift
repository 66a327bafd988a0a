import AAEReport
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Keeps two aae-run processes from writing to one results folder at once (two
/// sweeps, a run and its `resume`, an `eval` and a sweep that is still
/// writing): an exclusive `flock(2)` on `<folder>/.aae-run.lock`, holding the
/// owner's process id.
///
/// The kernel drops the lock when its process ends, however it ends, so a
/// lock file left by a killed process never blocks the next one.
public final class FolderLock {
    public static let fileName = RunFolderLayout.lockFileName
    private var descriptor: Int32

    /// Takes the lock of `directory`.
    /// - Throws: `FolderLockError` naming the holder's process id when another
    ///   process holds it.
    public init(directory: URL) throws {
        let path = directory.appendingPathComponent(Self.fileName).path
        descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw FolderLockError("cannot create \(path): \(String(cString: strerror(errno)))")
        }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            let code = errno
            if let unsupported = FolderLockError.locksUnsupported(directory: directory, errno: code) {
                close(descriptor)
                descriptor = -1
                throw unsupported
            }
            let holder = Self.readProcessID(descriptor)
            close(descriptor)
            descriptor = -1
            let who = holder.map { "another aae-run (process \($0))" } ?? "another aae-run"
            throw FolderLockError("\(directory.path) is in use by \(who); wait for it to finish "
                                  + "(or, for a new run or sweep, write elsewhere with --out)")
        }
        let text = "\(getpid())\n"
        _ = ftruncate(descriptor, 0)
        _ = text.withCString { pwrite(descriptor, $0, strlen($0), 0) }
    }

    /// Releases the lock (also done when the lock is deallocated).
    public func release() {
        guard descriptor >= 0 else { return }
        _ = flock(descriptor, LOCK_UN)
        close(descriptor)
        descriptor = -1
    }

    deinit { release() }

    /// Takes the locks of `directories` in order, releasing those taken when one is refused.
    public static func all(_ directories: [URL]) throws -> [FolderLock] {
        var locks: [FolderLock] = []
        do {
            for directory in directories { locks.append(try FolderLock(directory: directory)) }
        } catch {
            locks.forEach { $0.release() }
            throw error
        }
        return locks
    }

    private static func readProcessID(_ descriptor: Int32) -> Int? {
        var buffer = [UInt8](repeating: 0, count: 32)
        let count = buffer.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, $0.count, 0) }
        guard count > 0 else { return nil }
        return Int(String(decoding: buffer[0..<count], as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
    }
}
