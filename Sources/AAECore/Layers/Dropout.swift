/// Inverted dropout: drops each feature with probability `rate` while training.
public final class Dropout: Layer {
    public let rate: Float
    public let outputFeatures: Int

    public init(rate: Float, features: Int) {
        precondition(rate >= 0 && rate < 1, "dropout rate \(rate) is outside [0, 1)")
        self.rate = rate
        self.outputFeatures = features
    }

    public func callAsFunction(_ input: Variable) -> Variable { input.dropout(rate: rate) }

    /// `dropout <rate>`, a rate in [0, 1).
    public static let definition = LayerDefinition(name: "dropout", arguments: [
        .init(name: "rate", kind: .number(0...1, openUpper: true), defaultValue: nil),
    ], footprint: { _, inputs in footprint(features: inputs) }) { arguments, inputs, _ in
        Dropout(rate: arguments.number("rate"), features: inputs)
    }

    /// The footprint of dropout: the output, its gradient and the mask per example.
    public static func footprint(features: Int) -> LayerFootprint {
        .elementwise(features: features, buffers: 3)
    }
}
