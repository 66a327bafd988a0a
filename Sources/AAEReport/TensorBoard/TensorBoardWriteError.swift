/// An event file that could not be written.
public struct TensorBoardWriteError: Error, CustomStringConvertible {
    public let path: String
    public let reason: String

    public var description: String {
        "cannot write the TensorBoard event file \(path): \(reason)"
    }
}
