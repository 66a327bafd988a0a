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
    public var evaluation: EvaluationSpec
    /// The runs a sweep of this experiment makes; nil for a single run.
    public var sweep: SweepSpec? = nil
    /// Which figures a run draws and whether it evaluates the model at the end.
    public var report: ReportSpec = .default
}

/// The evaluation protocol run at the end of training (and every
/// `training.eval_every` steps).
public struct EvaluationSpec: Sendable, Equatable {
    /// The neighbours of the k-nearest-neighbour accuracy.
    public var neighbours: Int
    /// Decoder samples of prior codes that the Parzen window is fitted on (0 skips it).
    public var parzenSamples: Int
    /// Importance samples of the VAE's bound (1: the ELBO).
    public var importanceSamples: Int

    static let `default` = EvaluationSpec(neighbours: 5, parzenSamples: 10_000, importanceSamples: 1)
}

/// Which examples to train and evaluate on.
public struct DataSpec: Sendable {
    /// `mnist`, `fashion_mnist` (`FileDatasetRegistry`), `idx` or a synthetic set (`SyntheticDatasetRegistry`).
    public var dataset: String
    public var scale: PixelScale
    /// At most this many training examples (all when nil).
    public var trainSize: Int?
    /// At most this many held-out examples (all when nil).
    public var testSize: Int?
    /// Only this share, in (0, 1], of the training examples (all when nil); excludes `trainSize`.
    public var trainFraction: Double? = nil
    /// Only this share, in (0, 1], of the held-out examples (all when nil); excludes `testSize`.
    public var testFraction: Double? = nil
    /// Only the examples with these labels, training and held-out (all when nil).
    public var labels: [Int]? = nil
    /// The `idx` dataset's files and image size; nil for the other datasets.
    public var files: IDXDataFiles? = nil
    /// A synthetic set's settings by name (`count`, `noise`, …); empty for image datasets.
    public var parameters: [String: Double] = [:]
}

/// How the encoder turns an input into a code, as written in a file.
public enum PosteriorKind: String, Sendable, CaseIterable {
    case deterministic
    case gaussian
    case universal
}

/// How labels enter the model.
public enum Supervision: String, Sendable, CaseIterable {
    /// Labels are not used in training.
    case none
    /// The discriminator reads a one-hot label (with a "no label" slot) and a
    /// labelled code is matched to its label's prior component (AAE, Section 2.3).
    case label_aware
    /// The decoder reads the one-hot label beside the code, so the code learns
    /// style alone (AAE, Section 5).
    case supervised
}

/// The networks, their sizes and how they are trained together: the keys every
/// model has, and the values of its kind's own keys.
public struct ModelSpec: Sendable {
    /// The kind's name, an entry of `ModelKindRegistry`.
    public var kind: String
    public var latentDimension: Int
    /// For a Gaussian posterior (and the VAE), the trunk: the model adds the
    /// `z_mean` and `z_log_var` heads, unless a graph outputs them itself.
    public var encoder: NetworkSpec
    public var decoder: NetworkSpec
    public var supervision: Supervision
    /// The fraction of training examples whose label a label-aware model sees.
    public var labelledFraction: Double
    /// The values of the kind's own keys (`AdversarialAutoencoderSettings`, …).
    public var settings: any ModelKindSettings

    /// The kind's own settings as `type`, or nil for a model of another kind.
    public func settings<Settings: ModelKindSettings>(as type: Settings.Type) -> Settings? {
        settings as? Settings
    }

    /// The definition of the model's kind.
    var definition: any ModelKindDefinition {
        guard let definition = ModelKindRegistry.definition(kind) else {
            preconditionFailure("model kind \(kind) passed validation but is not registered")
        }
        return definition
    }
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
    /// The sparse autoencoder's penalty.
    public var sparsity: SparsityPenalty
}

/// An optimizer: a registry kind and its hyperparameters.
public struct OptimizerSetting: Sendable, Equatable {
    public var kind: String
    public var parameters: [String: Double]
    /// How the learning rate `lr` changes over training.
    public var schedule: ScheduleSetting = .constant
}

/// The optimizers of the training phases. A file gives one setting for all
/// phases, and may override it per phase (`optimizer.discriminator: {…}`).
public struct OptimizerSpec: Sendable {
    /// The setting every phase uses unless overridden.
    public var shared: OptimizerSetting
    /// The settings a file gives for single phases.
    public var phases: [TrainingPhase: OptimizerSetting]

    /// The setting of `phase`.
    public func setting(for phase: TrainingPhase) -> OptimizerSetting { phases[phase] ?? shared }
}

/// The schedule.
public struct TrainingSpec: Sendable {
    public var steps: Int
    public var batchSize: Int
    /// Metrics are averaged over and logged every this many steps.
    public var logEvery: Int
    /// The evaluation metrics are also logged into metrics.csv every this many steps (0: only at the end).
    public var evalEvery: Int
    /// A checkpoint is written every this many steps (0: only when the run ends or is interrupted).
    public var checkpointEvery: Int = 0
    /// Training length in passes over the training set, instead of `steps` (which is then
    /// unused): the runner trains `epochs × ⌈training examples / batch size⌉` steps.
    public var epochs: Int? = nil

    /// This schedule for a training set of `trainingExamples` examples: `epochs`
    /// turned into `steps`, which is what the runner trains.
    public func resolved(trainingExamples: Int) -> TrainingSpec {
        guard let epochs else { return self }
        var resolved = self
        resolved.steps = epochs * ((trainingExamples + batchSize - 1) / batchSize)
        return resolved
    }
}
