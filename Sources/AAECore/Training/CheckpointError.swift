/// Why a checkpoint cannot be read or does not fit the run resuming from it.
public enum CheckpointError: Error, Equatable, CustomStringConvertible {
    /// The bytes do not start with the checkpoint signature.
    case notACheckpoint
    /// Written by a newer (or unknown) version of the format.
    case unsupportedVersion(UInt32)
    /// Fewer bytes than the header announces: the file was cut short.
    case truncated(expected: Int, found: Int)
    /// The bytes are complete but do not decode: damaged, or a checksum mismatch.
    case corrupt(String)
    /// The checkpoint is valid but belongs to another model or run.
    case mismatch(String)

    public var description: String {
        switch self {
        case .notACheckpoint:
            return "not a checkpoint (the file does not start with the checkpoint signature)"
        case .unsupportedVersion(let version):
            return "checkpoint format version \(version) is not supported (this build reads version \(Checkpoint.formatVersion))"
        case .truncated(let expected, let found):
            return "the checkpoint is truncated: \(found) of \(expected) bytes; it cannot be used "
                + "(delete it to start the run again)"
        case .corrupt(let reason):
            return "the checkpoint is damaged: \(reason)"
        case .mismatch(let reason):
            return "the checkpoint does not fit this run: \(reason)"
        }
    }
}
