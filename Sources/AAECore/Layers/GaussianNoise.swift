/// Additive zero-mean Gaussian noise while training, a regulariser (Keras' `GaussianNoise`).
public final class GaussianNoise: Layer {
    public let std: Float
    public let outputFeatures: Int

    public init(std: Float, features: Int) {
        self.std = std
        self.outputFeatures = features
    }

    public func callAsFunction(_ input: Variable) -> Variable { input.gaussianNoise(std: std) }

    /// The footprint of additive noise: the output and its gradient per example.
    public static func footprint(features: Int) -> LayerFootprint { .elementwise(features: features) }
}
