/// Batch normalisation with a learnt scale and offset and running statistics
/// for inference, with Keras' defaults (momentum 0.99, ε = 0.001): per feature
/// of a vector, per channel of a feature map (Keras' `BatchNormalization(axis=-1)`).
public final class BatchNorm: Layer {
    public let scale: Parameter
    public let offset: Parameter
    /// The running mean and variance used in inference; state, not parameters.
    public let runningMean: Tensor
    public let runningVariance: Tensor
    public let momentum: Float
    public let epsilon: Float
    public let outputShape: FeatureShape

    public convenience init(features: Int, momentum: Float = 0.99, epsilon: Float = 1e-3) {
        self.init(shape: .vector(features), momentum: momentum, epsilon: epsilon)
    }

    public init(shape: FeatureShape, momentum: Float = 0.99, epsilon: Float = 1e-3) {
        let features = shape.channels
        scale = Parameter(name: "gamma", value: Tensor(shape: [features], repeating: 1))
        offset = Parameter(name: "beta", value: Tensor(shape: [features]))
        runningMean = Tensor(shape: [features])
        runningVariance = Tensor(shape: [features], repeating: 1)
        self.momentum = momentum
        self.epsilon = epsilon
        outputShape = shape
    }

    public var outputFeatures: Int { outputShape.features }

    public var parameters: [Parameter] { [scale, offset] }

    /// The running statistics `running_mean` and `running_var`, each [features].
    public var stateBuffers: [StateBuffer] {
        [StateBuffer(name: "running_mean", value: runningMean), StateBuffer(name: "running_var", value: runningVariance)]
    }

    /// `batch_norm [momentum] [epsilon]`, with Keras' defaults 0.99 and 0.001.
    public static let definition = LayerDefinition(name: "batch_norm", arguments: [
        .init(name: "momentum", kind: .number(0...1, openUpper: true), defaultValue: .number(0.99)),
        .init(name: "epsilon", kind: .number(0...1, openUpper: false), defaultValue: .number(0.001)),
    ], reads: .either, shapedFootprint: { _, input in footprint(shape: input) }) { arguments, input, _ in
        BatchNorm(shape: input, momentum: arguments.number("momentum"), epsilon: arguments.number("epsilon"))
    }

    /// The footprint of batch normalisation before it is built: scale and offset,
    /// the running statistics, and per example the output, its gradient and the
    /// normalised input kept for the backward pass; a map's statistics are per channel.
    public static func footprint(shape: FeatureShape) -> LayerFootprint {
        let features = shape.features
        return LayerFootprint(parameters: LayerFootprint.product(shape.channels, 2),
                              state: LayerFootprint.product(shape.channels, 2),
                              trainingValuesPerExample: LayerFootprint.product(features, 3),
                              inferenceValuesPerExample: LayerFootprint.product(features, 2), outputShape: shape)
    }

    public func callAsFunction(_ input: Variable) -> Variable {
        let graph = input.graph
        let operation = BatchNormalizationOperation(
            graph: graph, shape: input.shape, channels: outputShape.channels, runningMean: runningMean,
            runningVariance: runningVariance,
            momentum: momentum, epsilon: epsilon)
        return graph.apply(operation, to: [input, graph.parameter(scale), graph.parameter(offset)],
                           outputShape: input.shape)
    }
}

extension BatchNorm: ExportedLayer {
    public static var exportKind: String { "batch_normalization" }

    /// `weight` (γ) and `bias` (β), each [features] (or [channels]); the running statistics follow
    /// as state. In inference the layer computes
    /// `(x − running_mean) / √(running_var + ε) · weight + bias`.
    public var exportedParameters: [(name: String, tensor: Tensor)] { [("weight", scale.value), ("bias", offset.value)] }
}
