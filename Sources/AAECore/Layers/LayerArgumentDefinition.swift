/// An argument of a layer kind: its name, what it accepts and its default
/// (nil: the argument is required).
public struct LayerArgumentDefinition: Sendable {
    /// What an argument accepts.
    public enum Kind: Sendable {
        /// A feature count: a positive integer, `latent`, `input` or `labels`.
        case size
        /// A number in a range; `openUpper` excludes the upper bound.
        case number(ClosedRange<Double>, openUpper: Bool)
        case flag
    }

    public let name: String
    public let kind: Kind
    public let defaultValue: LayerArgument?

    public init(name: String, kind: Kind, defaultValue: LayerArgument?) {
        self.name = name
        self.kind = kind
        self.defaultValue = defaultValue
    }
}
