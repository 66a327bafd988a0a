import AAECore

/// An experiment as described by its file: data, model, prior, losses,
/// optimizer and training schedule, with every default filled in.
public struct Experiment: Sendable {
    /// A plain identifier naming the experiment's results folder.
    public var name: String
    public var description: String
    public var seed: UInt64
    /// Where results go; `results/<name>` when not given.
    public var output: String?
    public var data: DataSpec
    public var model: ModelSpec
    public var prior: PriorSpec
    public var loss: LossSpec
    public var optimizer: OptimizerSpec
    public var training: TrainingSpec
}

/// Which examples to train and evaluate on.
public struct DataSpec: Sendable {
    public var dataset: String
    public var scale: PixelScale
    /// At most this many training examples (all when nil).
    public var trainSize: Int?
    /// At most this many held-out examples (all when nil).
    public var testSize: Int?
}

/// The model family member to build.
public enum ModelKind: String, Sendable, CaseIterable {
    case aae
}

/// How the encoder turns an input into a code.
public enum Posterior: String, Sendable, CaseIterable {
    case deterministic
}

/// The networks and their sizes.
public struct ModelSpec: Sendable {
    public var kind: ModelKind
    public var posterior: Posterior
    public var latentDimension: Int
    public var encoder: [LayerSpec]
    public var decoder: [LayerSpec]
    public var discriminator: [LayerSpec]
}

/// The prior codes are matched to: a registry kind and its parameters.
public struct PriorSpec: Sendable {
    public var kind: String
    public var parameters: [String: Double]
}

/// The losses and their weights.
public struct LossSpec: Sendable {
    public var reconstruction: ReconstructionLoss
    public var reconstructionWeight: Float
    public var adversarialWeight: Float
}

/// The optimizer used by every phase: a registry kind and its hyperparameters.
public struct OptimizerSpec: Sendable {
    public var kind: String
    public var parameters: [String: Double]
}

/// The schedule.
public struct TrainingSpec: Sendable {
    public var steps: Int
    public var batchSize: Int
    /// Metrics are averaged over and logged every this many steps.
    public var logEvery: Int
}
