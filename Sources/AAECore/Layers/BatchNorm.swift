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
