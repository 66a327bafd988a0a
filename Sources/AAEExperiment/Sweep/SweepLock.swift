import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Keeps two sweeps from writing to one results folder at once: an exclusive
/// `flock(2)` on `<folder>/.sweep.lock`, holding the owner's process id.
///
/// The kernel drops the lock when its process ends, however it ends, so a
/// lock file left by a killed sweep never blocks the next one.
public final class SweepLock {
    public static let fileName = ".sweep.lock"
    private var descriptor: Int32

    /// Takes the lock of `directory`.
    /// - Throws: `SweepError` naming the holder's process id when another
    ///   sweep holds it.
    public init(directory: URL) throws {
        let path = directory.appendingPathComponent(Self.fileName).path
        descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw SweepError("cannot create \(path): \(String(cString: strerror(errno)))")
        }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            let holder = Self.readProcessID(descriptor)
            close(descriptor)
            descriptor = -1
            let who = holder.map { "another sweep (process \($0))" } ?? "another sweep"
            throw SweepError("\(directory.path) is in use by \(who); wait for it to finish, or write elsewhere with --out")
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

    private static func readProcessID(_ descriptor: Int32) -> Int? {
        var buffer = [UInt8](repeating: 0, count: 32)
        let count = buffer.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, $0.count, 0) }
        guard count > 0 else { return nil }
        return Int(String(decoding: buffer[0..<count], as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
    }
}
