/// The value of a layer argument.
public enum LayerArgument: Sendable, Equatable, CustomStringConvertible {
    case number(Double)
    case flag(Bool)
    /// A feature count, literal or symbolic (`latent`, `input`).
    case size(SizeExpression)
    /// A height and a width: a kernel (`3x3`), a stride (`2`, `2x1`), a pool size.
    case window(height: Int, width: Int)
    /// One of a fixed set of words (`same`, `valid`).
    case choice(String)
    /// A feature map's height, width and channels (`7x7x64`, written `[7, 7, 64]` too).
    case shape(height: Int, width: Int, channels: Int)

    public var description: String {
        switch self {
        case .number(let value): return value.formatted
        case .flag(let value): return String(value)
        case .size(let size): return size.description
        case .window(let height, let width): return "\(height)x\(width)"
        case .choice(let word): return word
        case .shape(let height, let width, let channels): return "\(height)x\(width)x\(channels)"
        }
    }
}
