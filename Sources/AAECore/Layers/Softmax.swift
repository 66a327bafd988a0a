/// The softmax of each example's features as a layer: a categorical head
/// `q(y|x)`, whose outputs are positive and sum to 1.
public final class Softmax: Layer {
    public let outputFeatures: Int

    public init(features: Int) {
        outputFeatures = features
    }

    public func callAsFunction(_ input: Variable) -> Variable { input.softmax() }

    /// `softmax`, without arguments.
    public static let definition = LayerDefinition(name: "softmax", arguments: [],
                                                   footprint: { _, inputs in .elementwise(features: inputs) }) {
        _, inputs, _ in Softmax(features: inputs)
    }
}
