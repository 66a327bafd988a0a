import AAECore

/// The VAE's own key.
public struct VariationalAutoencoderSettings: ModelKindSettings, Equatable {
    /// The number of codes drawn per input (`mc_samples`).
    public var monteCarloSamples: Int

    public init(monteCarloSamples: Int = 1) {
        self.monteCarloSamples = monteCarloSamples
    }
}

/// `kind: vae`: the variational autoencoder, a Gaussian posterior trained on the
/// negative ELBO, evaluated also on its bound.
struct VariationalAutoencoderKind: ModelKindDefinition {
    let name = "vae"
    let keys = [ModelKindKey("mc_samples", .sampling)]
    var evaluationMetrics: [any EvaluationMetric] { [VariationalBoundMetric()] }

    func readSettings(_ fields: Fields) -> (any ModelKindSettings)? {
        VariationalAutoencoderSettings(monteCarloSamples: fields.optional("mc_samples", 1) { $0.int(in: 1...1000) })
    }

    func values(_ settings: any ModelKindSettings) -> [String: String] {
        ["mc_samples": String(Self.settings(settings).monteCarloSamples)]
    }

    func posterior(_ settings: any ModelKindSettings) -> Posterior { .gaussian }

    func model(_ parts: ModelParts) -> TrainableModel {
        VariationalAutoencoder(networks: parts.networks, reconstruction: parts.experiment.loss.reconstruction,
                               monteCarloSamples: Self.settings(parts.spec.settings).monteCarloSamples,
                               batchSize: parts.batchSize,
                               optimizers: ModelBuilder.optimizerMaker(parts.experiment),
                               random: parts.random)
    }

    /// The encoder once; the decoder and the loss's buffers once per Monte Carlo sample.
    func trainingValuesPerExample(_ footprint: ModelFootprint, spec: ModelSpec) -> Int {
        let latent = footprint.latentDimension, input = footprint.exampleFeatures
        let samples = max(Self.settings(spec.settings).monteCarloSamples, 1)
        return ModelFootprint.values(
            footprint.encoder.trainingValuesPerExample, ModelFootprint.times(6, latent),
            ModelFootprint.times(samples, ModelFootprint.values(footprint.decoder.trainingValuesPerExample,
                                                                ModelFootprint.times(4, input),
                                                                ModelFootprint.times(2, latent))))
    }

    private static func settings(_ settings: any ModelKindSettings) -> VariationalAutoencoderSettings {
        guard let settings = settings as? VariationalAutoencoderSettings else {
            preconditionFailure("a vae model holds VariationalAutoencoderSettings")
        }
        return settings
    }
}
