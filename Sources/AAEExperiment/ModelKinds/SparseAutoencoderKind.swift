import AAECore

/// `kind: sparse_autoencoder`: an autoencoder whose codes pay `loss.sparsity`'s penalty.
struct SparseAutoencoderKind: ModelKindDefinition {
    let name = "sparse_autoencoder"

    func readSettings(_ fields: Fields) -> (any ModelKindSettings)? { NoModelKindSettings() }
    func posterior(_ settings: any ModelKindSettings) -> Posterior { .deterministic }

    func model(_ parts: ModelParts) -> TrainableModel {
        Autoencoder(networks: parts.networks, reconstruction: parts.experiment.loss.reconstruction,
                    sparsity: parts.experiment.loss.sparsity, batchSize: parts.batchSize,
                    optimizers: ModelBuilder.optimizerMaker(parts.experiment),
                    random: parts.random)
    }
}
