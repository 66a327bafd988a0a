/// Max pooling over an NHWC feature map, as Keras' `MaxPooling2D`.
public final class MaxPool2D: Layer {
    public let geometry: ConvolutionGeometry

    public init(geometry: ConvolutionGeometry) { self.geometry = geometry }

    public var outputShape: FeatureShape {
        .map(height: geometry.outputHeight, width: geometry.outputWidth, channels: geometry.channels)
    }
    public var outputFeatures: Int { outputShape.features }

    public func callAsFunction(_ input: Variable) -> Variable { input.maxPool2d(geometry: geometry) }

    /// `max_pool2d [pool] [stride N] [padding]`: `max_pool2d`, `max_pool2d 3x3 stride 2 same`.
    public static let definition = LayerDefinition(
        name: "max_pool2d", arguments: Pool2D.arguments, reads: .map,
        shapedFootprint: { arguments, input in Pool2D.footprint(arguments, input, extraBuffers: 1) }
    ) { arguments, input, _ in MaxPool2D(geometry: Pool2D.builtGeometry(arguments, input)) }
}
