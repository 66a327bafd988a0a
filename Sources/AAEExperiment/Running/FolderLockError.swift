/// Why a results folder could not be locked: another process holds it, or the
/// lock file cannot be made.
public struct FolderLockError: Error, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}
