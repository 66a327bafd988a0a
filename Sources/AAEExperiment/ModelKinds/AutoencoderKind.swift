import AAECore

/// `kind: autoencoder`: an encoder and a decoder trained on reconstruction alone.
struct AutoencoderKind: ModelKindDefinition {
    let name = "autoencoder"

    func readSettings(_ fields: Fields) -> (any ModelKindSettings)? { NoModelKindSettings() }
    func posterior(_ settings: any ModelKindSettings) -> Posterior { .deterministic }

    func model(_ parts: ModelParts) -> TrainableModel {
        Autoencoder(networks: parts.networks, reconstruction: parts.experiment.loss.reconstruction, sparsity: .none,
                    batchSize: parts.batchSize,
                    optimizers: ModelBuilder.optimizerMaker(parts.experiment),
                    random: parts.random)
    }
}
