/// A transposed 2-D convolution over an NHWC feature map, as Keras'
/// `Conv2DTranspose`: the adjoint of a convolution, so that a stride enlarges the
/// map (`same` gives `input · stride`, `valid` `input · stride + max(kernel − stride, 0)`),
/// plus a bias per filter. Glorot-uniform kernel, zero bias, as Keras.
public final class Conv2DTranspose: ActivationFusing {
    /// `[kh, kw, cout, cin]`, Keras' layout.
    public let kernel: Parameter
    public let bias: Parameter
    /// The convolution this layer is the adjoint of: it slides over the output.
    public let geometry: ConvolutionGeometry
    public let outputShape: FeatureShape

    public init(input: FeatureShape, filters: Int, kernel window: (height: Int, width: Int),
                stride: (height: Int, width: Int), padding: Padding, random: inout RandomGenerator) {
        precondition(input.isMap && filters > 0, "conv2d_transpose of \(input) to \(filters) filters")
        geometry = ConvolutionGeometry.transposed(height: input.height, width: input.width, channels: filters,
                                                  kernel: window, stride: stride, padding: padding)
        let area = window.height * window.width
        let limit = (6 / Float(area * filters + area * input.channels)).squareRoot()
        let weights = Tensor(shape: [window.height, window.width, filters, input.channels])
        random.fillUniform(weights.data, count: weights.count, low: -limit, high: limit)
        kernel = Parameter(name: "kernel", value: weights)
        bias = Parameter(name: "bias", value: Tensor(shape: [filters]))
        outputShape = .map(height: geometry.inputHeight, width: geometry.inputWidth, channels: filters)
    }

    public var outputFeatures: Int { outputShape.features }
    public var parameters: [Parameter] { [kernel, bias] }

    public func callAsFunction(_ input: Variable) -> Variable {
        let graph = input.graph
        return input.conv2dTranspose(kernel: graph.parameter(kernel), bias: graph.parameter(bias), geometry: geometry)
    }

    /// This layer and a relu or leaky_relu after it as one operation.
    public func callAsFunction(_ input: Variable, followedBy next: Layer) -> Variable? {
        guard let rectifier = (next as? RectifierLayer)?.rectifier else { return nil }
        let graph = input.graph
        return input.conv2dTranspose(kernel: graph.parameter(kernel), bias: graph.parameter(bias), geometry: geometry,
                                     rectifier: rectifier)
    }

    /// `conv2d_transpose <filters> <kernel> [stride N] [padding]`:
    /// `conv2d_transpose 64 3x3 stride 2 same`; stride 1 and `valid` by default, as in Keras.
    public static let definition = LayerDefinition(name: "conv2d_transpose", arguments: [
        .init(name: "filters", kind: .size, defaultValue: nil),
        .init(name: "kernel", kind: .window, defaultValue: nil),
        .init(name: "stride", kind: .window, defaultValue: .window(height: 1, width: 1), keyword: true),
        .init(name: "padding", kind: .choice(Padding.words), defaultValue: .choice(Padding.valid.rawValue)),
    ], reads: .map, shapedFootprint: { arguments, input in
        guard input.isMap else { return .rejected(MapInput.vectorProblem(input), input: input) }
        let geometry = ConvolutionGeometry.transposed(
            height: input.height, width: input.width, channels: arguments.size("filters"),
            kernel: arguments.window("kernel"), stride: arguments.window("stride"), padding: padding(arguments))
        return footprint(geometry: geometry, inputChannels: input.channels)
    }) { arguments, input, random in
        Conv2DTranspose(input: input, filters: arguments.size("filters"), kernel: arguments.window("kernel"),
                        stride: arguments.window("stride"), padding: padding(arguments), random: &random)
    }

    private static func padding(_ arguments: ResolvedLayerArguments) -> Padding {
        Padding(rawValue: arguments.choice("padding")) ?? .valid
    }

    /// The footprint of a transposed convolution before it is built: its kernel and
    /// bias, and one output map (with its gradient in training) per example.
    public static func footprint(geometry: ConvolutionGeometry, inputChannels: Int) -> LayerFootprint {
        let output = geometry.inputSize
        return LayerFootprint(
            parameters: LayerFootprint.sum(LayerFootprint.product(geometry.patchSize, inputChannels), geometry.channels),
            trainingValuesPerExample: LayerFootprint.product(output, 2), inferenceValuesPerExample: output,
            outputShape: .map(height: geometry.inputHeight, width: geometry.inputWidth, channels: geometry.channels))
    }
}

extension Conv2DTranspose: ExportedLayer {
    public static var exportKind: String { "conv2d_transpose" }

    /// `weight` `[kh, kw, cout, cin]` (Keras' kernel layout) and `bias` `[cout]`.
    public var exportedParameters: [(name: String, tensor: Tensor)] { [("weight", kernel.value), ("bias", bias.value)] }
}
