/// Nearest-neighbour upsampling of an NHWC feature map, as Keras' `UpSampling2D`:
/// each pixel repeated `size` times down and across.
public final class UpSample2D: Layer {
    public let inputShape: FeatureShape
    public let factors: (height: Int, width: Int)

    public init(input: FeatureShape, factors: (height: Int, width: Int)) {
        precondition(input.isMap, "upsample2d of \(input)")
        inputShape = input
        self.factors = factors
    }

    public var outputShape: FeatureShape {
        .map(height: inputShape.height * factors.height, width: inputShape.width * factors.width,
             channels: inputShape.channels)
    }
    public var outputFeatures: Int { outputShape.features }

    public func callAsFunction(_ input: Variable) -> Variable {
        input.upsample2d(height: inputShape.height, width: inputShape.width, channels: inputShape.channels,
                         factors: factors)
    }

    /// `upsample2d [size]`: `upsample2d` doubles both sides, `upsample2d 3x2`.
    public static let definition = LayerDefinition(name: "upsample2d", arguments: [
        .init(name: "size", kind: .window, defaultValue: .window(height: 2, width: 2)),
    ], reads: .map, shapedFootprint: { arguments, input in
        guard input.isMap else { return .rejected(MapInput.vectorProblem(input), input: input) }
        let size = arguments.window("size")
        return .elementwise(shape: .map(height: LayerFootprint.product(input.height, size.height),
                                        width: LayerFootprint.product(input.width, size.width),
                                        channels: input.channels))
    }) { arguments, input, _ in UpSample2D(input: input, factors: arguments.window("size")) }
}
