/// The value of a layer argument.
public enum LayerArgument: Sendable, Equatable, CustomStringConvertible {
    case number(Double)
    case flag(Bool)
    /// A feature count, literal or symbolic (`latent`, `input`).
    case size(SizeExpression)

    public var description: String {
        switch self {
        case .number(let value): return value.formatted
        case .flag(let value): return String(value)
        case .size(let size): return size.description
        }
    }
}
