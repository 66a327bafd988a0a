/// A model that a training run can drive: one call per step, a fixed list of
/// step metrics, and encode/reconstruct for evaluation and plots.
public protocol TrainableModel: AnyObject {
    /// The number of features of an input example (784 for MNIST).
    var inputFeatures: Int { get }
    /// The size of the code.
    var latentDimension: Int { get }
    /// The names of the values `trainStep` reports, in the order it writes them.
    var stepMetricNames: [String] { get }
    /// Trains on one batch of `batchSize` rows of `inputFeatures` values and
    /// writes the step's metrics into `metrics` (one value per `stepMetricNames`).
    func trainStep(batch: UnsafePointer<Float>, metrics: inout [Float])
    /// The codes of `count` examples (inference mode), row-major.
    func encode(_ examples: UnsafePointer<Float>, count: Int) -> [Float]
    /// The decoder's outputs for `count` codes (inference mode), row-major.
    func decode(_ codes: UnsafePointer<Float>, count: Int) -> [Float]
    /// Every parameter of the model, in a fixed order (for checkpoints).
    var allParameters: [Parameter] { get }
}

extension TrainableModel {
    /// The reconstructions of `count` examples: `decode(encode(x))`.
    public func reconstruct(_ examples: UnsafePointer<Float>, count: Int) -> [Float] {
        let codes = encode(examples, count: count)
        return codes.withUnsafeBufferPointer { decode($0.baseAddress!, count: count) }
    }
}
