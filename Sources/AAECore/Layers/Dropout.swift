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

    /// The footprint of dropout: the output, its gradient and the mask per example.
    public static func footprint(features: Int) -> LayerFootprint {
        .elementwise(features: features, buffers: 3)
    }
}
