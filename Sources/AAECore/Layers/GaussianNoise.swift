/// Additive zero-mean Gaussian noise while training, a regulariser (Keras' `GaussianNoise`);
/// it keeps its input's shape.
public final class GaussianNoise: Layer {
    public let std: Float
    public let outputShape: FeatureShape

    public init(std: Float, shape: FeatureShape) {
        self.std = std
        self.outputShape = shape
    }

    public convenience init(std: Float, features: Int) {
        self.init(std: std, shape: .vector(features))
    }

    public var outputFeatures: Int { outputShape.features }

    public func callAsFunction(_ input: Variable) -> Variable { input.gaussianNoise(std: std) }

    /// `gaussian_noise <std>`, a standard deviation of at least 0.
    public static let definition = LayerDefinition(name: "gaussian_noise", arguments: [
        .init(name: "std", kind: .number(0...Double.infinity, openUpper: false), defaultValue: nil),
    ], reads: .either, shapedFootprint: { _, input in footprint(shape: input) }) { arguments, input, _ in
        GaussianNoise(std: arguments.number("std"), shape: input)
    }

    /// The footprint of additive noise: the output and its gradient per example.
    public static func footprint(shape: FeatureShape) -> LayerFootprint { .elementwise(shape: shape) }
}
