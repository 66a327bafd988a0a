/// Batch normalisation with a learnt scale and offset and running statistics
/// for inference, with Keras' defaults (momentum 0.99, ε = 0.001).
public final class BatchNorm: Layer {
    public let scale: Parameter
    public let offset: Parameter
    /// The running mean and variance used in inference; state, not parameters.
    public let runningMean: Tensor
    public let runningVariance: Tensor
    public let momentum: Float
    public let epsilon: Float
    public let outputFeatures: Int

    public init(features: Int, momentum: Float = 0.99, epsilon: Float = 1e-3) {
        scale = Parameter(name: "gamma", value: Tensor(shape: [features], repeating: 1))
        offset = Parameter(name: "beta", value: Tensor(shape: [features]))
        runningMean = Tensor(shape: [features])
        runningVariance = Tensor(shape: [features], repeating: 1)
        self.momentum = momentum
        self.epsilon = epsilon
        outputFeatures = features
    }

    public var parameters: [Parameter] { [scale, offset] }

    /// The running statistics `running_mean` and `running_var`, each [features].
    public var stateBuffers: [StateBuffer] {
        [StateBuffer(name: "running_mean", value: runningMean), StateBuffer(name: "running_var", value: runningVariance)]
    }

    /// `batch_norm [momentum] [epsilon]`, with Keras' defaults 0.99 and 0.001.
    public static let definition = LayerDefinition(name: "batch_norm", arguments: [
        .init(name: "momentum", kind: .number(0...1, openUpper: true), defaultValue: .number(0.99)),
        .init(name: "epsilon", kind: .number(0...1, openUpper: false), defaultValue: .number(0.001)),
    ], footprint: { _, inputs in footprint(features: inputs) }) { arguments, inputs, _ in
        BatchNorm(features: inputs, momentum: arguments.number("momentum"), epsilon: arguments.number("epsilon"))
    }

    /// The footprint of batch normalisation before it is built: scale and offset,
    /// the running statistics, and per example the output, its gradient and the
    /// normalised input kept for the backward pass.
    public static func footprint(features: Int) -> LayerFootprint {
        LayerFootprint(parameters: LayerFootprint.product(features, 2), state: LayerFootprint.product(features, 2),
                       trainingValuesPerExample: LayerFootprint.product(features, 3),
                       inferenceValuesPerExample: LayerFootprint.product(features, 2), outputFeatures: features)
    }

    public func callAsFunction(_ input: Variable) -> Variable {
        let graph = input.graph
        let operation = BatchNormalizationOperation(
            graph: graph, shape: input.shape, runningMean: runningMean, runningVariance: runningVariance,
            momentum: momentum, epsilon: epsilon)
        return graph.apply(operation, to: [input, graph.parameter(scale), graph.parameter(offset)],
                           outputShape: input.shape)
    }
}

extension BatchNorm: ExportedLayer {
    public static var exportKind: String { "batch_normalization" }

    /// `weight` (γ) and `bias` (β), each [features]; the running statistics follow
    /// as state. In inference the layer computes
    /// `(x − running_mean) / √(running_var + ε) · weight + bias`.
    public var exportedParameters: [(name: String, tensor: Tensor)] { [("weight", scale.value), ("bias", offset.value)] }
}
