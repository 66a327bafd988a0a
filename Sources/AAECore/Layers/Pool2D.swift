/// The arguments and shape arithmetic the pooling layers share: `<kind> [pool]
/// [stride N] [padding]`, a 2×2 pool moved by its own size with `valid` padding
/// by default, as Keras' `MaxPooling2D` and `AveragePooling2D`.
enum Pool2D {
    /// The stored default of `stride`: the pool's own size (a stride is never 0 as written).
    static let strideOfPool = LayerArgument.window(height: 0, width: 0)

    static let arguments: [LayerArgumentDefinition] = [
        .init(name: "pool", kind: .window, defaultValue: .window(height: 2, width: 2)),
        .init(name: "stride", kind: .window, defaultValue: strideOfPool, keyword: true),
        .init(name: "padding", kind: .choice(Padding.words), defaultValue: .choice(Padding.valid.rawValue)),
    ]

    /// The windows of the pool on `input`, or the problem.
    static func geometry(_ arguments: ResolvedLayerArguments,
                         _ input: FeatureShape) -> Result<ConvolutionGeometry, MapInput.Problem> {
        let pool = arguments.window("pool"), written = arguments.window("stride")
        let stride = written.height == 0 ? pool : written
        return MapInput.geometry(input, window: pool, stride: stride,
                                 padding: Padding(rawValue: arguments.choice("padding")) ?? .valid)
    }

    /// The footprint of a pool: the output map, its gradient and `extraBuffers`
    /// more values per output value (max pooling's source indices).
    static func footprint(_ arguments: ResolvedLayerArguments, _ input: FeatureShape,
                          extraBuffers: Int) -> LayerFootprint {
        switch geometry(arguments, input) {
        case .success(let geometry):
            let shape = FeatureShape.map(height: geometry.outputHeight, width: geometry.outputWidth,
                                         channels: geometry.channels)
            return .elementwise(shape: shape, buffers: 2 + extraBuffers)
        case .failure(let problem):
            return .rejected(problem.text, input: input)
        }
    }

    /// The geometry of a pool its footprint accepted.
    static func builtGeometry(_ arguments: ResolvedLayerArguments, _ input: FeatureShape) -> ConvolutionGeometry {
        guard case .success(let geometry) = geometry(arguments, input) else {
            preconditionFailure("a pool built for an input its footprint rejects: \(input)")
        }
        return geometry
    }
}
