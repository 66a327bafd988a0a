/// A vector of unsigned-byte class labels exactly as stored in an IDX file (magic 0x00000801).
public struct IDXLabels: Equatable, Sendable {
    public let labels: [UInt8]

    public var count: Int { labels.count }

    public init(labels: [UInt8]) {
        self.labels = labels
    }
}
