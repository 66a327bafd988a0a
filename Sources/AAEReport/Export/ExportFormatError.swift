/// Why bytes are not a file of the interchange formats this project writes
/// (safetensors, .npy): what is wrong, in one line.
public struct ExportFormatError: Error, Equatable, CustomStringConvertible {
    public let description: String

    public init(_ description: String) { self.description = description }
}
