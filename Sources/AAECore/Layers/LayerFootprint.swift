/// What a layer will be, known before it is built: its output shape, its weights,
/// its non-trained state and the values a graph holds per example for it.
///
/// Each layer type says its own footprint (`Dense.footprint(…)`, answered by its
/// `LayerDefinition`), so that the size checks, `validate`'s parameter count and a
/// run's memory come from an experiment file without allocating a weight.
/// Counts are of `Float` values and saturate at `Int.max`, so absurd sizes cannot
/// overflow.
public struct LayerFootprint: Sendable, Equatable {
    /// The trainable values (each also gets a gradient of the same size).
    public var parameters: Int
    /// The values kept but not trained (batch normalisation's running statistics).
    public var state: Int
    /// The values a training graph holds per example: the output, its gradient and
    /// any per-example buffer of the operation (a dropout mask).
    public var trainingValuesPerExample: Int
    /// The values an inference graph holds per example (the output).
    public var inferenceValuesPerExample: Int
    /// The shape of the layer's output.
    public var outputShape: FeatureShape
    /// Why the layer cannot read its input, when it cannot (`dense` after a map,
    /// a kernel larger than its map), as a phrase that follows the layer's short
    /// form (`reads a vector but gets a 7×7×64 map; add …`): the size checks
    /// report it at the layer.
    /// `outputShape` is then a stand-in that keeps later footprints computable.
    public var problem: String?

    /// The features the layer outputs.
    public var outputFeatures: Int { outputShape.features }

    public init(parameters: Int = 0, state: Int = 0, trainingValuesPerExample: Int, inferenceValuesPerExample: Int,
                outputShape: FeatureShape, problem: String? = nil) {
        self.parameters = parameters
        self.state = state
        self.trainingValuesPerExample = trainingValuesPerExample
        self.inferenceValuesPerExample = inferenceValuesPerExample
        self.outputShape = outputShape
        self.problem = problem
    }

    /// The footprint of a layer that outputs a vector of `outputFeatures`.
    public init(parameters: Int = 0, state: Int = 0, trainingValuesPerExample: Int, inferenceValuesPerExample: Int,
                outputFeatures: Int) {
        self.init(parameters: parameters, state: state, trainingValuesPerExample: trainingValuesPerExample,
                  inferenceValuesPerExample: inferenceValuesPerExample, outputShape: .vector(outputFeatures))
    }

    /// A layer without weights whose graph node holds `buffers` values per output
    /// feature in training (the output and its gradient: 2) and the output in inference.
    public static func elementwise(features: Int, buffers: Int = 2) -> LayerFootprint {
        elementwise(shape: .vector(features), buffers: buffers)
    }

    /// An elementwise layer on `shape`, which it keeps.
    public static func elementwise(shape: FeatureShape, buffers: Int = 2) -> LayerFootprint {
        LayerFootprint(trainingValuesPerExample: product(shape.features, buffers),
                       inferenceValuesPerExample: shape.features, outputShape: shape)
    }

    /// A layer that cannot read its input, for `problem`; its output is taken to be `input`.
    public static func rejected(_ problem: String, input: FeatureShape) -> LayerFootprint {
        LayerFootprint(trainingValuesPerExample: 0, inferenceValuesPerExample: 0, outputShape: input, problem: problem)
    }

    /// `a · b`, `Int.max` on overflow.
    public static func product(_ a: Int, _ b: Int) -> Int {
        let (value, overflow) = a.multipliedReportingOverflow(by: b)
        return overflow ? Int.max : value
    }

    /// `a + b`, `Int.max` on overflow.
    public static func sum(_ a: Int, _ b: Int) -> Int {
        let (value, overflow) = a.addingReportingOverflow(b)
        return overflow ? Int.max : value
    }
}
