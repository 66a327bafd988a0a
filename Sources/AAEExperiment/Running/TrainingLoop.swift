import AAECore

/// The batch loop every training goes through: each step draws the next batch from the
/// seeded sampler, gathers its examples and their visible labels into buffers made once,
/// sets the learning rates the model's phase schedules give for that step, and trains the
/// model on it (which writes the step's values into `model.stepMetrics`).
///
/// A run, a resumed run and each run of a sweep train through it (`ExperimentRunner`),
/// and aae-bench times it. A step allocates nothing.
public final class TrainingLoop {
    public let model: TrainableModel
    /// The steps trained so far, those before a resume included.
    public private(set) var completedSteps = 0
    /// What the last step reported, by name (the model's own buffer).
    public var stepMetrics: StepMetrics { model.stepMetrics }
    /// The sampler's state, for checkpoints.
    public var samplerState: BatchSampler.State { sampler.state }

    private var sampler: BatchSampler
    private let pixels: [Float]
    private let labels: [Int32]
    private let width: Int
    private let batch: UnsafeMutablePointer<Float>
    private let batchLabels: UnsafeMutablePointer<Int32>

    /// The training examples whose labels a `LabelledSubsetModel` learns from, ascending; nil for other models.
    public let labelledIndices: [Int]?

    /// The loop of `experiment`'s `model` over the examples `train`: batches of `batchSize`
    /// in the experiment's seeded order, with the labels its `labelled_fraction` leaves visible.
    /// A `LabelledSubsetModel` gets its labelled examples, drawn from the seed; a
    /// class with too few examples for them is a `RunError`.
    public init(experiment: Experiment, model: TrainableModel, train: LabeledImages, batchSize: Int) throws {
        self.model = model
        pixels = train.pixels
        width = train.featureCount
        labels = Self.visibleLabels(train.labels, fraction: experiment.model.labelledFraction, seed: experiment.seed)
        labelledIndices = try Self.giveLabelledExamples(to: model, train: train, seed: experiment.seed)
        sampler = BatchSampler(exampleCount: train.count, batchSize: batchSize,
                               random: RandomGenerator(seed: experiment.seed, stream: RandomStreams.batches))
        batch = .allocate(capacity: batchSize * train.featureCount)
        batchLabels = .allocate(capacity: batchSize)
    }

    deinit {
        batch.deallocate()
        batchLabels.deallocate()
    }

    /// Trains step `completedSteps + 1` on the next batch; its metrics are then in `stepMetrics`.
    public func step() {
        let indices = sampler.nextBatch()
        pixels.withUnsafeBufferPointer { pixels in
            BatchSampler.gather(rows: indices, of: pixels.baseAddress!, width: width, into: batch)
        }
        for (row, index) in indices.enumerated() { batchLabels[row] = labels[index] }
        model.scheduleLearningRates(completedSteps: completedSteps)
        model.trainStep(batch: batch, labels: batchLabels)
        completedSteps += 1
    }

    /// Whether every metric of the last step is finite: a NaN or infinite loss means the run diverged.
    public var isFinite: Bool { stepMetrics.allSatisfy { $0.value.isFinite } }

    /// Continues after `completedSteps` steps, with the batches the sampler `state` draws.
    public func restore(completedSteps: Int, sampler state: BatchSampler.State) throws {
        try sampler.restore(state)
        self.completedSteps = completedSteps
    }

    /// Draws the labelled subset a `LabelledSubsetModel` asks for and hands it its examples.
    private static func giveLabelledExamples(to model: TrainableModel, train: LabeledImages,
                                             seed: UInt64) throws -> [Int]? {
        guard let model = model as? LabelledSubsetModel, let subset = model.labelledSubset else { return nil }
        var random = RandomGenerator(seed: seed, stream: RandomStreams.balancedLabelledSubset)
        let indices: [Int]
        do {
            indices = try subset.indices(labels: train.labels, classes: model.labelledClassCount, random: &random)
        } catch {
            throw RunError("\(error)", keyPath: "model.labels_per_class")
        }
        var examples = [Float](repeating: 0, count: indices.count * train.featureCount)
        train.pixels.withUnsafeBufferPointer { pixels in
            examples.withUnsafeMutableBufferPointer {
                BatchSampler.gather(rows: indices[...], of: pixels.baseAddress!, width: train.featureCount,
                                    into: $0.baseAddress!)
            }
        }
        let labels = indices.map { train.labels[$0] }
        examples.withUnsafeBufferPointer { examples in
            labels.withUnsafeBufferPointer {
                model.useLabelledExamples(examples.baseAddress!, labels: $0.baseAddress!, count: indices.count)
            }
        }
        return indices
    }

    /// The training labels a model sees: a seeded `fraction` of the examples
    /// keep theirs, the others get `OneHot.noLabel`.
    static func visibleLabels(_ labels: [Int32], fraction: Double, seed: UInt64) -> [Int32] {
        guard fraction < 1 else { return labels }
        var order = Array(labels.indices)
        var random = RandomGenerator(seed: seed, stream: RandomStreams.labelledSubset)
        random.shuffle(&order)
        var visible = [Int32](repeating: OneHot.noLabel, count: labels.count)
        for index in order.prefix(Int((fraction * Double(labels.count)).rounded())) { visible[index] = labels[index] }
        return visible
    }
}
