/// Additive zero-mean Gaussian noise while training, a regulariser (Keras' `GaussianNoise`).
public final class GaussianNoise: Layer {
    public let std: Float
    public let outputFeatures: Int

    public init(std: Float, features: Int) {
        self.std = std
        self.outputFeatures = features
    }

    public func callAsFunction(_ input: Variable) -> Variable { input.gaussianNoise(std: std) }

    /// `gaussian_noise <std>`, a standard deviation of at least 0.
    public static let definition = LayerDefinition(name: "gaussian_noise", arguments: [
        .init(name: "std", kind: .number(0...Double.infinity, openUpper: false), defaultValue: nil),
    ], footprint: { _, inputs in footprint(features: inputs) }) { arguments, inputs, _ in
        GaussianNoise(std: arguments.number("std"), features: inputs)
    }

    /// The footprint of additive noise: the output and its gradient per example.
    public static func footprint(features: Int) -> LayerFootprint { .elementwise(features: features) }
}
