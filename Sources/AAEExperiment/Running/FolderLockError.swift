import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Why a results folder could not be locked: another process holds it, the
/// lock file cannot be made, or the filesystem does not do file locks.
public struct FolderLockError: Error, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }

    /// The error of a `flock` that failed with `errno` because the filesystem
    /// of `directory` has no working locks (ENOLCK, ENOSYS, EOPNOTSUPP: an NFS
    /// mount without a lock daemon, a FUSE or Lustre mount without `flock`);
    /// nil for any other errno.
    public static func locksUnsupported(directory: URL, errno code: Int32) -> FolderLockError? {
        let names: [Int32: String] = [ENOLCK: "ENOLCK", ENOSYS: "ENOSYS", EOPNOTSUPP: "EOPNOTSUPP"]
        guard let name = names[code] else { return nil }
        return FolderLockError("\(directory.path): the filesystem refuses file locks (\(name): \(String(cString: strerror(code)))); "
                               + "aae-run locks each run folder so that two processes never write one: put the results "
                               + "on a shared filesystem where locks work (NFS with its lock service, Lustre mounted "
                               + "with -o flock, GPFS, BeeGFS), e.g. with --out")
    }
}
