/// An argument of a layer kind: its name, what it accepts and its default
/// (nil: the argument is required). A `keyword` argument is written after its
/// name in the short form (`conv2d 32 3x3 stride 2`), and may be left out
/// wherever it is; the others are written in order.
public struct LayerArgumentDefinition: Sendable {
    /// What an argument accepts.
    public enum Kind: Sendable {
        /// A feature count: a positive integer, `latent`, `input` or `labels`.
        case size
        /// A number in a range; `openUpper` excludes the upper bound.
        case number(ClosedRange<Double>, openUpper: Bool)
        case flag
        /// A height and a width, positive: `3x3`, or `3` for a square.
        case window
        /// One of the words listed.
        case choice([String])
        /// A map shape, three positive sizes: `7x7x64` or `[7, 7, 64]`.
        case shape
    }

    public let name: String
    public let kind: Kind
    public let defaultValue: LayerArgument?
    public let keyword: Bool

    public init(name: String, kind: Kind, defaultValue: LayerArgument?, keyword: Bool = false) {
        self.name = name
        self.kind = kind
        self.defaultValue = defaultValue
        self.keyword = keyword
    }

    /// `value` as the short form writes it: a square window is one number after
    /// a keyword (`stride 2`) and `3x3` otherwise.
    public func text(_ value: LayerArgument) -> String {
        if keyword, case .window(let height, let width) = value, height == width { return "\(height)" }
        return value.description
    }
}
