/// A model that a training run can drive: one call per step, the phases it
/// trains with their optimizers, named step metrics, and encode/decode for
/// evaluation and plots.
public protocol TrainableModel: AnyObject {
    /// The number of features of an input example (784 for MNIST).
    var inputFeatures: Int { get }
    /// The size of the code.
    var latentDimension: Int { get }
    /// The values `trainStep` reports, under names fixed when the model is built;
    /// each step overwrites them in place.
    var stepMetrics: StepMetrics { get }
    /// The distribution codes are matched to or sampled from, if the model has one
    /// (the AAE's prior, the VAE's standard normal); nil for plain autoencoders.
    var prior: Prior? { get }
    /// The number of one-hot label slots the decoder reads beside the code
    /// (10 for the supervised AAE); 0 when the decoder reads the code alone.
    var decoderLabelCount: Int { get }
    /// Trains on one batch of `batchSize` rows of `inputFeatures` values with
    /// their labels, and writes the step's values into `stepMetrics`.
    func trainStep(batch: UnsafePointer<Float>, labels: UnsafePointer<Int32>)
    /// The codes of `count` examples (inference mode), row-major; the posterior's
    /// mean where it has one.
    func encode(_ examples: UnsafePointer<Float>, count: Int) -> [Float]
    /// The decoder's outputs for `count` codes (inference mode), row-major.
    /// `labels` is read only when `decoderLabelCount` > 0.
    func decode(_ codes: UnsafePointer<Float>, labels: UnsafePointer<Int32>?, count: Int) -> [Float]
    /// Every parameter of the model, in a fixed order (for checkpoints).
    var allParameters: [Parameter] { get }
    /// The phases the model trains, each with the optimizer and learning-rate
    /// schedule bound to it when the model was built, in the model's checkpoint order.
    var phaseOptimizers: [PhaseOptimizer] { get }
    /// Every parameter and state buffer under its exported name
    /// (`encoder.dense_1.weight`, `decoder.batch_normalization_1.running_mean`),
    /// for weights files that other tools read.
    var namedTensors: [NamedTensor] { get }
    /// Everything training changes: parameters, state buffers, optimizer
    /// state and every random stream of the model and its graphs.
    var checkpointState: ModelState { get }
    /// Puts back a state taken from a model built from the same experiment, so
    /// that training continues bit for bit; a state of another architecture is
    /// rejected and leaves the model unchanged.
    func restore(_ state: ModelState) throws(CheckpointError)
}

extension TrainableModel {
    public var decoderLabelCount: Int { 0 }

    /// Sets every phase's learning rate from its schedule for the step that
    /// follows `completedSteps` completed steps; a training loop calls it before each step.
    public func scheduleLearningRates(completedSteps: Int) {
        for phase in phaseOptimizers { phase.scheduleLearningRate(completedSteps: completedSteps) }
    }

    /// The reconstructions of `count` examples: `decode(encode(x))`.
    public func reconstruct(_ examples: UnsafePointer<Float>, labels: UnsafePointer<Int32>?, count: Int) -> [Float] {
        let codes = encode(examples, count: count)
        return codes.withUnsafeBufferPointer { decode($0.baseAddress!, labels: labels, count: count) }
    }
}
