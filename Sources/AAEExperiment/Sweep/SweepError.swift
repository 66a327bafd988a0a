/// A sweep that cannot be planned or started, with the reason.
public struct SweepError: Error, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}
