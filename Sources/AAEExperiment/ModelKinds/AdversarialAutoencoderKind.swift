import AAECore

/// The adversarial autoencoder's own keys.
public struct AdversarialAutoencoderSettings: ModelKindSettings, Equatable {
    public var posterior: PosteriorKind
    /// The size of a universal posterior's noise input.
    public var noiseDimension: Int
    /// The standard deviation of a universal posterior's noise.
    public var noiseStd: Double
    /// The network that tells prior samples from codes.
    public var discriminator: NetworkSpec
    public var schedule: AdversarialSchedule
    public var discriminatorSteps: Int
    /// Whether a discriminator round is one update on prior samples and codes together, or two.
    public var discriminatorUpdate: DiscriminatorUpdate

    public init(posterior: PosteriorKind = .deterministic, noiseDimension: Int = 16, noiseStd: Double = 1,
                discriminator: NetworkSpec, schedule: AdversarialSchedule = .combined, discriminatorSteps: Int = 1,
                discriminatorUpdate: DiscriminatorUpdate = .joint) {
        self.posterior = posterior
        self.noiseDimension = noiseDimension
        self.noiseStd = noiseStd
        self.discriminator = discriminator
        self.schedule = schedule
        self.discriminatorSteps = discriminatorSteps
        self.discriminatorUpdate = discriminatorUpdate
    }
}

/// `kind: aae`: the adversarial autoencoder (Makhzani et al., 2015), whose
/// discriminator matches the codes to the prior; label-aware, it also reads label slots.
struct AdversarialAutoencoderKind: ModelKindDefinition {
    let name = "aae"
    let keys = [
        ModelKindKey("posterior", .posterior), ModelKindKey("noise_dim", .posterior), ModelKindKey("noise_std", .posterior),
        ModelKindKey("discriminator", .network),
        ModelKindKey("schedule", .training), ModelKindKey("discriminator_steps", .training),
        ModelKindKey("discriminator_update", .training),
    ]
    let readsLabelSlots = true
    let matchesPrior = true

    func readSettings(_ fields: Fields) -> (any ModelKindSettings)? {
        let posterior = fields.optional("posterior", PosteriorKind.deterministic) {
            $0.string(oneOf: PosteriorKind.allCases.map(\.rawValue)).flatMap(PosteriorKind.init(rawValue:))
        }
        let noiseDimension = fields.optional("noise_dim", 16) { $0.int(in: 1...100_000) }
        let noiseStd = fields.optional("noise_std", 1) { $0.double(in: 0...1e6, excludingLower: true) }
        let discriminator = fields.required("discriminator") { NetworkSpec.read($0, allowsGaussianHeads: false) }
        let schedule = fields.optional("schedule", AdversarialSchedule.combined) {
            $0.string(oneOf: AdversarialSchedule.allCases.map(\.rawValue)).flatMap(AdversarialSchedule.init(rawValue:))
        }
        let discriminatorSteps = fields.optional("discriminator_steps", 1) { $0.int(in: 1...100) }
        let discriminatorUpdate = fields.optional("discriminator_update", DiscriminatorUpdate.joint) {
            $0.string(oneOf: DiscriminatorUpdate.allCases.map(\.rawValue)).flatMap(DiscriminatorUpdate.init(rawValue:))
        }
        guard let discriminator else { return nil }
        return AdversarialAutoencoderSettings(posterior: posterior, noiseDimension: noiseDimension, noiseStd: noiseStd,
                                              discriminator: discriminator, schedule: schedule,
                                              discriminatorSteps: discriminatorSteps,
                                              discriminatorUpdate: discriminatorUpdate)
    }

    func appliedKeys(_ settings: any ModelKindSettings) -> Set<String> {
        let all = Set(keys.map(\.name))
        return Self.settings(settings).posterior == .universal ? all : all.subtracting(["noise_dim", "noise_std"])
    }

    func values(_ settings: any ModelKindSettings) -> [String: String] {
        let settings = Self.settings(settings)
        var values = ["posterior": settings.posterior.rawValue, "schedule": settings.schedule.rawValue,
                      "discriminator_steps": String(settings.discriminatorSteps),
                      "discriminator_update": settings.discriminatorUpdate.rawValue]
        if settings.posterior == .universal {
            values["noise_dim"] = String(settings.noiseDimension)
            values["noise_std"] = YAMLScalar.number(settings.noiseStd)
        }
        return values
    }

    func posterior(_ settings: any ModelKindSettings) -> Posterior {
        let settings = Self.settings(settings)
        switch settings.posterior {
        case .deterministic: return .deterministic
        case .gaussian: return .gaussian
        case .universal: return .universal(noiseDimension: settings.noiseDimension, noiseStd: Float(settings.noiseStd))
        }
    }

    /// The discriminator reads the code, plus label slots and a "no label" slot when label-aware.
    func extraNetworks(_ model: ModelSpec) -> [PlannedNetwork] {
        let labelSlots = model.supervision == .label_aware ? NetworkSizes.classCount + 1 : 0
        return [PlannedNetwork(name: "discriminator", spec: Self.settings(model.settings).discriminator,
                               inputs: [(model.latentDimension, "code"), (labelSlots, "label slots")],
                               output: 1, ending: "`dense 1` and `sigmoid`")]
    }

    func summaryNote(_ settings: any ModelKindSettings) -> String? {
        "\(Self.settings(settings).posterior.rawValue) posterior"
    }

    func model(_ parts: ModelParts) -> TrainableModel {
        let experiment = parts.experiment
        let settings = Self.settings(parts.spec.settings)
        let loss = experiment.loss
        return AdversarialAutoencoder(
            networks: parts.networks, discriminator: parts.network("discriminator"), prior: ModelBuilder.prior(experiment),
            schedule: settings.schedule, discriminatorSteps: settings.discriminatorSteps,
            discriminatorUpdate: settings.discriminatorUpdate, labelAware: parts.spec.supervision == .label_aware,
            reconstruction: loss.reconstruction, reconstructionWeight: loss.reconstructionWeight,
            adversarialWeight: loss.adversarialWeight, batchSize: parts.batchSize,
            optimizers: ModelBuilder.optimizerMaker(experiment),
            random: parts.random)
    }

    /// The autoencoder's optimizer (the generator's under the combined schedule),
    /// the discriminator's, and the generator's over the encoder.
    func optimizerStateValues(_ footprint: ModelFootprint, spec: ModelSpec, slots: (TrainingPhase) -> Int) -> Int {
        let combined = Self.settings(spec.settings).schedule == .combined
        let autoencoderPhase: TrainingPhase = combined ? .generator : .reconstruction
        return ModelFootprint.values(
            ModelFootprint.times(slots(autoencoderPhase),
                                 ModelFootprint.values(footprint.encoder.parameters, footprint.decoder.parameters)),
            ModelFootprint.times(slots(.discriminator), footprint.network("discriminator").parameters),
            ModelFootprint.times(slots(.generator), footprint.encoder.parameters))
    }

    /// Three encoder passes, the decoder, four discriminator passes and the losses' buffers.
    func trainingValuesPerExample(_ footprint: ModelFootprint, spec: ModelSpec) -> Int {
        ModelFootprint.values(
            ModelFootprint.times(3, footprint.encoder.trainingValuesPerExample),
            footprint.decoder.trainingValuesPerExample,
            ModelFootprint.times(4, footprint.network("discriminator").trainingValuesPerExample),
            ModelFootprint.times(5, footprint.exampleFeatures), ModelFootprint.times(8, footprint.latentDimension))
    }

    static func settings(_ settings: any ModelKindSettings) -> AdversarialAutoencoderSettings {
        guard let settings = settings as? AdversarialAutoencoderSettings else {
            preconditionFailure("an aae model holds AdversarialAutoencoderSettings")
        }
        return settings
    }
}
