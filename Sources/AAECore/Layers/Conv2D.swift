/// A 2-D convolution over an NHWC feature map, as Keras' `Conv2D`: `filters`
/// kernels of `kernel` pixels over every input channel, moved by `stride`, with
/// `valid` or `same` padding, plus a bias per filter. Initialised as Keras does:
/// a Glorot-uniform kernel over fan-in `kh · kw · cin` and fan-out
/// `kh · kw · cout`, a zero bias.
public final class Conv2D: ActivationFusing {
    /// `[kh, kw, cin, cout]`, Keras' layout.
    public let kernel: Parameter
    public let bias: Parameter
    public let geometry: ConvolutionGeometry
    public let outputShape: FeatureShape

    /// The convolution over `geometry`'s windows; the input is `geometry`'s map.
    public init(geometry: ConvolutionGeometry, filters: Int, random: inout RandomGenerator) {
        precondition(filters > 0, "conv2d needs at least one filter")
        self.geometry = geometry
        let window = geometry.kernelHeight * geometry.kernelWidth
        let limit = (6 / Float(window * geometry.channels + window * filters)).squareRoot()
        let weights = Tensor(shape: [geometry.kernelHeight, geometry.kernelWidth, geometry.channels, filters])
        random.fillUniform(weights.data, count: weights.count, low: -limit, high: limit)
        kernel = Parameter(name: "kernel", value: weights)
        bias = Parameter(name: "bias", value: Tensor(shape: [filters]))
        outputShape = .map(height: geometry.outputHeight, width: geometry.outputWidth, channels: filters)
    }

    public var outputFeatures: Int { outputShape.features }
    public var parameters: [Parameter] { [kernel, bias] }

    public func callAsFunction(_ input: Variable) -> Variable {
        let graph = input.graph
        return input.conv2d(kernel: graph.parameter(kernel), bias: graph.parameter(bias), geometry: geometry)
    }

    /// This layer and a relu or leaky_relu after it as one operation, unless the
    /// convolution is computed products first (to fewer channels than it reads).
    public func callAsFunction(_ input: Variable, followedBy next: Layer) -> Variable? {
        guard let rectifier = (next as? RectifierLayer)?.rectifier,
              !ProductFirstConvolution2D.isCheaper(geometry, filters: outputShape.channels) else { return nil }
        let graph = input.graph
        return input.conv2d(kernel: graph.parameter(kernel), bias: graph.parameter(bias), geometry: geometry,
                            rectifier: rectifier)
    }

    /// `conv2d <filters> <kernel> [stride N] [padding]`: `conv2d 32 3x3 stride 2 same`;
    /// stride 1 and `valid` padding by default, as in Keras.
    public static let definition = LayerDefinition(name: "conv2d", arguments: [
        .init(name: "filters", kind: .size, defaultValue: nil),
        .init(name: "kernel", kind: .window, defaultValue: nil),
        .init(name: "stride", kind: .window, defaultValue: .window(height: 1, width: 1), keyword: true),
        .init(name: "padding", kind: .choice(Padding.words), defaultValue: .choice(Padding.valid.rawValue)),
    ], reads: .map, shapedFootprint: { arguments, input in
        switch geometry(arguments, input) {
        case .success(let geometry): return footprint(geometry: geometry, filters: arguments.size("filters"))
        case .failure(let problem): return .rejected(problem.text, input: input)
        }
    }) { arguments, input, random in
        guard case .success(let geometry) = geometry(arguments, input) else {
            preconditionFailure("conv2d built for an input its footprint rejects: \(input)")
        }
        return Conv2D(geometry: geometry, filters: arguments.size("filters"), random: &random)
    }

    private static func geometry(_ arguments: ResolvedLayerArguments,
                                 _ input: FeatureShape) -> Result<ConvolutionGeometry, MapInput.Problem> {
        MapInput.geometry(input, window: arguments.window("kernel"), stride: arguments.window("stride"),
                          padding: Padding(rawValue: arguments.choice("padding")) ?? .valid)
    }

    /// The footprint of a convolution before it is built: its kernel and bias, and
    /// one output map (with its gradient in training) per example. The patch
    /// buffers are a few images' worth per graph and thread, not per example (`PatchMatrix`).
    public static func footprint(geometry: ConvolutionGeometry, filters: Int) -> LayerFootprint {
        let output = LayerFootprint.product(geometry.outputPositions, filters)
        return LayerFootprint(parameters: LayerFootprint.sum(LayerFootprint.product(geometry.patchSize, filters), filters),
                              trainingValuesPerExample: LayerFootprint.product(output, 2),
                              inferenceValuesPerExample: output,
                              outputShape: .map(height: geometry.outputHeight, width: geometry.outputWidth,
                                                channels: filters))
    }
}

extension Conv2D: ExportedLayer {
    public static var exportKind: String { "conv2d" }

    /// `weight` `[kh, kw, cin, cout]` (Keras' kernel layout) and `bias` `[cout]`.
    public var exportedParameters: [(name: String, tensor: Tensor)] { [("weight", kernel.value), ("bias", bias.value)] }
}
