import AAECore

/// Turns a validated experiment into a model ready to train, with weights drawn
/// from the experiment's seed.
public enum ModelBuilder {
    /// Builds a network from its layer list for `inputFeatures` inputs.
    public static func network(_ name: String, _ layers: [LayerSpec], inputFeatures: Int, latent: Int,
                               exampleSize: Int, random: inout RandomGenerator) -> Sequential {
        var features = inputFeatures
        var built: [Layer] = []
        for spec in layers {
            guard let definition = LayerRegistry.definition(spec.kind) else {
                preconditionFailure("layer kind \(spec.kind) passed validation but is not registered")
            }
            let arguments = ResolvedLayerArguments(values: spec.arguments, latent: latent, input: exampleSize)
            let layer = definition.build(arguments, features, &random)
            built.append(layer)
            features = layer.outputFeatures
        }
        return Sequential(name: name, inputFeatures: inputFeatures, layers: built)
    }

    /// The prior of `experiment` for its code size.
    public static func prior(_ experiment: Experiment) -> Prior {
        guard let definition = PriorRegistry.definition(experiment.prior.kind) else {
            preconditionFailure("prior \(experiment.prior.kind) passed validation but is not registered")
        }
        return definition.build(experiment.prior.parameters, experiment.model.latentDimension)
    }

    /// A maker of the experiment's optimizer for a set of parameters.
    public static func optimizerMaker(_ experiment: Experiment) -> ([Parameter]) -> Optimizer {
        guard let definition = OptimizerRegistry.definition(experiment.optimizer.kind) else {
            preconditionFailure("optimizer \(experiment.optimizer.kind) passed validation but is not registered")
        }
        let parameters = experiment.optimizer.parameters
        return { definition.build(parameters, $0) }
    }

    /// The model of `experiment` for examples of `inputFeatures` values.
    public static func model(_ experiment: Experiment, inputFeatures: Int, seed: UInt64) -> TrainableModel {
        var random = RandomGenerator(seed: seed, stream: RandomStreams.weights)
        let model = experiment.model
        let latent = model.latentDimension
        let encoder = network("encoder", model.encoder, inputFeatures: inputFeatures, latent: latent,
                              exampleSize: inputFeatures, random: &random)
        let decoder = network("decoder", model.decoder, inputFeatures: latent, latent: latent,
                              exampleSize: inputFeatures, random: &random)
        let discriminator = network("discriminator", model.discriminator, inputFeatures: latent, latent: latent,
                                    exampleSize: inputFeatures, random: &random)
        switch model.kind {
        case .aae:
            return AdversarialAutoencoder(
                encoder: encoder, decoder: decoder, discriminator: discriminator, prior: prior(experiment),
                reconstruction: experiment.loss.reconstruction,
                reconstructionWeight: experiment.loss.reconstructionWeight,
                adversarialWeight: experiment.loss.adversarialWeight,
                batchSize: experiment.training.batchSize, makeOptimizer: optimizerMaker(experiment),
                random: RandomGenerator(seed: seed, stream: RandomStreams.model))
        }
    }
}

/// The independent random streams of a run, one per consumer, so that each
/// stays reproducible whatever the others draw.
public enum RandomStreams {
    public static let weights: UInt64 = 1
    public static let batches: UInt64 = 2
    public static let model: UInt64 = 3
    public static let evaluation: UInt64 = 4
}
