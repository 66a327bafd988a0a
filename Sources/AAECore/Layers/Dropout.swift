/// Inverted dropout: drops each value with probability `rate` while training,
/// each feature of a vector or each value of a feature map (as Keras' `Dropout`).
public final class Dropout: Layer {
    public let rate: Float
    public let outputShape: FeatureShape

    public init(rate: Float, shape: FeatureShape) {
        precondition(rate >= 0 && rate < 1, "dropout rate \(rate) is outside [0, 1)")
        self.rate = rate
        self.outputShape = shape
    }

    public convenience init(rate: Float, features: Int) {
        self.init(rate: rate, shape: .vector(features))
    }

    public var outputFeatures: Int { outputShape.features }

    public func callAsFunction(_ input: Variable) -> Variable { input.dropout(rate: rate) }

    /// `dropout <rate>`, a rate in [0, 1).
    public static let definition = LayerDefinition(name: "dropout", arguments: [
        .init(name: "rate", kind: .number(0...1, openUpper: true), defaultValue: nil),
    ], reads: .either, shapedFootprint: { _, input in footprint(shape: input) }) { arguments, input, _ in
        Dropout(rate: arguments.number("rate"), shape: input)
    }

    /// The footprint of dropout: the output, its gradient and the mask per example.
    public static func footprint(shape: FeatureShape) -> LayerFootprint {
        .elementwise(shape: shape, buffers: 3)
    }
}
