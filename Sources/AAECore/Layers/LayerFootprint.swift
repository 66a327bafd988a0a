/// What a layer will be, known before it is built: its output width, its weights,
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
    /// The features the layer outputs.
    public var outputFeatures: Int

    public init(parameters: Int = 0, state: Int = 0, trainingValuesPerExample: Int, inferenceValuesPerExample: Int,
                outputFeatures: Int) {
        self.parameters = parameters
        self.state = state
        self.trainingValuesPerExample = trainingValuesPerExample
        self.inferenceValuesPerExample = inferenceValuesPerExample
        self.outputFeatures = outputFeatures
    }

    /// A layer without weights whose graph node holds `buffers` values per output
    /// feature in training (the output and its gradient: 2) and the output in inference.
    public static func elementwise(features: Int, buffers: Int = 2) -> LayerFootprint {
        LayerFootprint(trainingValuesPerExample: product(features, buffers), inferenceValuesPerExample: features,
                       outputFeatures: features)
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
