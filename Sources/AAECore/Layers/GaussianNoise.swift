/// Additive zero-mean Gaussian noise while training, a regulariser (Keras' `GaussianNoise`).
public final class GaussianNoise: Layer {
    public let std: Float
    public let outputFeatures: Int

    public init(std: Float, features: Int) {
        self.std = std
        self.outputFeatures = features
    }

    public func callAsFunction(_ input: Variable) -> Variable { input.gaussianNoise(std: std) }
}
