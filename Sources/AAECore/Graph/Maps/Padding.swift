/// How a window (a kernel, a pool) meets the edges of a map, as in Keras:
/// `valid` keeps only windows inside the map, `same` pads it with zeros so that
/// the output has `⌈input / stride⌉` positions (the extra row or column of
/// padding, when the total is odd, goes at the bottom and right).
public enum Padding: String, Sendable, CaseIterable {
    case valid
    case same

    /// The words a layer argument accepts.
    public static var words: [String] { allCases.map(\.rawValue) }
}
