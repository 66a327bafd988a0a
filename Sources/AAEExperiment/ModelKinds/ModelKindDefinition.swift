import AAECore

/// A model kind of the experiment format (`model.kind`): the keys it adds to
/// `model` and how they read and write, the networks it builds beside the encoder
/// and decoder every model has, how it builds its model and the evaluation metrics
/// only it has.
///
/// Adding a kind is one type conforming to this protocol plus one line in
/// `ModelKindRegistry`; the reader, the writer, the size checks, `validate`'s
/// summary, the builder and the evaluation all ask the definition.
protocol ModelKindDefinition: Sendable {
    /// The `model.kind` value.
    var name: String { get }
    /// The keys this kind adds to `model`, each with where it is written.
    var keys: [ModelKindKey] { get }
    /// Whether the model has a discriminator that reads label slots, so that
    /// `supervision: label_aware` means something for it.
    var readsLabelSlots: Bool { get }
    /// Whether the model matches its codes to the experiment's `prior`.
    var matchesPrior: Bool { get }
    /// The evaluation metrics this kind adds after the common ones, in eval.csv order.
    var evaluationMetrics: [any EvaluationMetric] { get }
    /// The figures this kind draws after the common ones (`RunFigures.all`), in
    /// `report.plots` order: `RunFigures.categoricalCode` for a kind whose model is a
    /// `CategoricalCodeModel`.
    var figures: [any RunFigure.Type] { get }

    /// Reads this kind's keys from the `model` mapping; nil when one that is
    /// required is missing or wrong (already reported).
    func readSettings(_ fields: Fields) -> (any ModelKindSettings)?
    /// The keys of `keys` that mean something for `settings`; a given key outside
    /// them is rejected.
    func appliedKeys(_ settings: any ModelKindSettings) -> Set<String>
    /// The YAML value of each applied scalar key (networks are written from the plan).
    func values(_ settings: any ModelKindSettings) -> [String: String]
    /// How the encoder turns an input into a code.
    func posterior(_ settings: any ModelKindSettings) -> Posterior
    /// Whether the kind's own keys decide the code's size, so that `latent_dim` may be left out.
    var derivesLatentDimension: Bool { get }
    /// The code's size when the kind's own keys decide it (the latent groups'
    /// sizes); nil when `latent_dim` gives it.
    func latentDimension(_ settings: any ModelKindSettings) -> Int?
    /// What the encoder outputs when that is not the code (the latent groups'
    /// blocks, which the model turns into the code), with the fix for an encoder
    /// that outputs another width; nil when the encoder ends in the code.
    func encoderOutput(_ model: ModelSpec) -> (features: Int, ending: String)?
    /// The networks the model builds after the encoder and decoder, in the order
    /// their weights are drawn; each is named by its `model` key.
    func extraNetworks(_ model: ModelSpec) -> [PlannedNetwork]
    /// What `validate`'s heading says of the settings after the kind (`gaussian posterior`), if anything.
    func summaryNote(_ settings: any ModelKindSettings) -> String?
    /// The model, from its built networks and the experiment.
    func model(_ parts: ModelParts) -> TrainableModel

    /// The optimizers' state values in training, for the memory estimate;
    /// `slots(phase)` is the state values per parameter of that phase's optimizer.
    func optimizerStateValues(_ footprint: ModelFootprint, spec: ModelSpec, slots: (TrainingPhase) -> Int) -> Int
    /// The values the training graphs hold per example, gradients included, for the memory estimate.
    func trainingValuesPerExample(_ footprint: ModelFootprint, spec: ModelSpec) -> Int
}

extension ModelKindDefinition {
    var keys: [ModelKindKey] { [] }
    var readsLabelSlots: Bool { false }
    var matchesPrior: Bool { false }
    var evaluationMetrics: [any EvaluationMetric] { [] }
    var figures: [any RunFigure.Type] { [] }
    func appliedKeys(_ settings: any ModelKindSettings) -> Set<String> { Set(keys.map(\.name)) }
    func values(_ settings: any ModelKindSettings) -> [String: String] { [:] }
    func extraNetworks(_ model: ModelSpec) -> [PlannedNetwork] { [] }
    var derivesLatentDimension: Bool { false }
    func latentDimension(_ settings: any ModelKindSettings) -> Int? { nil }
    func encoderOutput(_ model: ModelSpec) -> (features: Int, ending: String)? { nil }
    func summaryNote(_ settings: any ModelKindSettings) -> String? { nil }

    /// One optimizer, of the `reconstruction` phase, over the encoder and decoder.
    func optimizerStateValues(_ footprint: ModelFootprint, spec: ModelSpec, slots: (TrainingPhase) -> Int) -> Int {
        ModelFootprint.times(slots(.reconstruction),
                             ModelFootprint.values(footprint.encoder.parameters, footprint.decoder.parameters))
    }

    /// One encoder and decoder pass with the reconstruction loss's buffers.
    func trainingValuesPerExample(_ footprint: ModelFootprint, spec: ModelSpec) -> Int {
        ModelFootprint.values(footprint.encoder.trainingValuesPerExample, footprint.decoder.trainingValuesPerExample,
                              ModelFootprint.times(5, footprint.exampleFeatures))
    }
}

/// A key a model kind adds to `model`.
struct ModelKindKey: Sendable {
    /// Where a kind's key is written among the keys every model has.
    enum Group: Sendable, CaseIterable {
        /// How the encoder codes an input: after `kind`, before `latent_dim`.
        case posterior
        /// A network: after `decoder`.
        case network
        /// How the networks are trained together: after the networks.
        case training
        /// After `labelled_fraction`.
        case sampling
    }

    let name: String
    let group: Group

    init(_ name: String, _ group: Group) {
        self.name = name
        self.group = group
    }
}

/// The values of a model kind's own keys, as its definition reads them.
public protocol ModelKindSettings: Sendable {
    /// Whether `other` holds the same values.
    func isEqual(to other: any ModelKindSettings) -> Bool
}

extension ModelKindSettings where Self: Equatable {
    public func isEqual(to other: any ModelKindSettings) -> Bool { (other as? Self) == self }
}

/// The settings of a kind that adds no keys.
public struct NoModelKindSettings: ModelKindSettings, Equatable {
    public init() {}
}

/// What a kind's `model` builds its model from: the experiment and the networks
/// already built from the plan, weights drawn in plan order.
struct ModelParts {
    let experiment: Experiment
    let networks: EncoderDecoder
    /// The kind's extra networks by name (`extraNetworks`).
    let extraNetworks: [String: Network]
    /// The model's own random stream (noise, prior samples).
    let random: RandomGenerator

    var spec: ModelSpec { experiment.model }
    var batchSize: Int { experiment.training.batchSize }

    /// The extra network named `name`, which the kind's plan lists.
    func network(_ name: String) -> Network {
        guard let network = extraNetworks[name] else { preconditionFailure("network \(name) is not in the plan") }
        return network
    }
}
