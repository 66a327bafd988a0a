/// A record file whose checksums do not match its bytes.
public enum TFRecordError: Error, Equatable, CustomStringConvertible {
    /// The length of the record at `offset` does not match its CRC.
    case corruptLength(offset: Int)
    /// The data of the record at `offset` does not match its CRC.
    case corruptData(offset: Int)

    public var description: String {
        switch self {
        case .corruptLength(let offset): "the record at byte \(offset) has a length that fails its CRC-32C"
        case .corruptData(let offset): "the record at byte \(offset) has data that fails its CRC-32C"
        }
    }
}
