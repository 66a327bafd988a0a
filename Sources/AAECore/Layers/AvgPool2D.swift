/// Average pooling over an NHWC feature map, as Keras' `AveragePooling2D`.
public final class AvgPool2D: Layer {
    public let geometry: ConvolutionGeometry

    public init(geometry: ConvolutionGeometry) { self.geometry = geometry }

    public var outputShape: FeatureShape {
        .map(height: geometry.outputHeight, width: geometry.outputWidth, channels: geometry.channels)
    }
    public var outputFeatures: Int { outputShape.features }

    public func callAsFunction(_ input: Variable) -> Variable { input.avgPool2d(geometry: geometry) }

    /// `avg_pool2d [pool] [stride N] [padding]`: `avg_pool2d`, `avg_pool2d 3x3 stride 1 same`.
    public static let definition = LayerDefinition(
        name: "avg_pool2d", arguments: Pool2D.arguments, reads: .map,
        shapedFootprint: { arguments, input in Pool2D.footprint(arguments, input, extraBuffers: 0) }
    ) { arguments, input, _ in AvgPool2D(geometry: Pool2D.builtGeometry(arguments, input)) }
}
