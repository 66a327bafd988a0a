/// A feature count as written: a number, or a name resolved when the model is
/// built (`latent` is the code size, `input` the example size, `labels` the
/// number of classes).
public enum SizeExpression: Sendable, Equatable, CustomStringConvertible {
    case literal(Int)
    case latent
    case input
    case labels

    public var description: String {
        switch self {
        case .literal(let value): return String(value)
        case .latent: return "latent"
        case .input: return "input"
        case .labels: return "labels"
        }
    }

    public func resolve(latent: Int, input: Int, labels: Int) -> Int {
        switch self {
        case .literal(let value): return value
        case .latent: return latent
        case .input: return input
        case .labels: return labels
        }
    }
}
