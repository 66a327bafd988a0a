/// The grid of codes that `manifold.png` decodes: how many points along each axis and
/// which span of the plane they cover.
///
/// `report.manifold: {size: 15, range: [-3, 3]}`; both keys are optional.
public struct ManifoldGridSpec: Sendable, Equatable {
    /// Which values the grid spans along each axis of the code plane.
    public enum Span: Sendable, Equatable {
        /// The central 90% of the held-out codes (their 5th to 95th percentiles): the
        /// region the decoder was trained on, whatever the prior.
        case quantiles
        /// Fixed values on both axes, e.g. `[-3, 3]` as the seed notebooks draw a
        /// standard normal code.
        case fixed(low: Double, high: Double)
    }

    /// The number of grid points along each axis.
    public var size: Int
    public var span: Span

    public init(size: Int = 20, span: Span = .quantiles) {
        self.size = size
        self.span = span
    }

    /// 20 × 20 over the central 90% of the held-out codes.
    public static let `default` = ManifoldGridSpec()
    /// The grid sizes a manifold can have along each axis.
    static let sizes = 2...100
}

extension ManifoldGridSpec {
    static func read(_ node: ConfigNode) -> ManifoldGridSpec? {
        guard let fields = node.fields(["size", "range"]) else { return nil }
        let size = fields.optional("size", Self.default.size) { $0.int(in: sizes) }
        let span = fields.optional("range", Self.default.span, readSpan)
        return ManifoldGridSpec(size: size, span: span)
    }

    private static func readSpan(_ node: ConfigNode) -> Span? {
        if node.text == "quantiles" { return .quantiles }
        guard case .sequence = node.node else {
            node.error("expected `quantiles` or a range [low, high] such as [-3, 3], found \(node.found)")
            return nil
        }
        guard let elements = node.list(), elements.count == 2 else {
            node.error("expected a range of two numbers [low, high] such as [-3, 3]")
            return nil
        }
        guard let low = elements[0].double(), let high = elements[1].double() else { return nil }
        guard low < high else {
            node.error("a manifold range needs low < high, found [\(low.formatted), \(high.formatted)]")
            return nil
        }
        return .fixed(low: low, high: high)
    }

    /// The flow-style YAML of the grid, as `aae-run show` writes it.
    var flowYAML: String {
        let range: String
        switch span {
        case .quantiles: range = "quantiles"
        case .fixed(let low, let high): range = "[\(YAMLScalar.number(low)), \(YAMLScalar.number(high))]"
        }
        return "{size: \(size), range: \(range)}"
    }
}
