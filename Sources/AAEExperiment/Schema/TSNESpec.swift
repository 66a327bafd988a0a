/// The settings of the t-SNE embedding the latent scatter draws with
/// `report.projection: tsne`: `report.tsne: {perplexity: 30, iterations: 1000}`.
public struct TSNESpec: Sendable, Equatable {
    /// The effective number of neighbours each point's affinities spread over
    /// (5 to 50 in van der Maaten & Hinton's experience).
    public var perplexity: Double
    /// Gradient steps; the first 250 with early exaggeration.
    public var iterations: Int

    public init(perplexity: Double = 30, iterations: Int = 1_000) {
        self.perplexity = perplexity
        self.iterations = iterations
    }

    /// Perplexity 30, 1,000 iterations, as van der Maaten's reference implementation.
    public static let `default` = TSNESpec()
}

extension TSNESpec {
    static func read(_ node: ConfigNode) -> TSNESpec? {
        guard let fields = node.fields(["perplexity", "iterations"]) else { return nil }
        let perplexity = fields.optional("perplexity", Self.default.perplexity) {
            $0.double(in: 1...1_000)
        }
        let iterations = fields.optional("iterations", Self.default.iterations) { $0.int(in: 1...100_000) }
        return TSNESpec(perplexity: perplexity, iterations: iterations)
    }

    /// The flow-style YAML of the settings, as `aae-run show` writes them.
    var flowYAML: String {
        "{perplexity: \(YAMLScalar.number(perplexity)), iterations: \(iterations)}"
    }
}
