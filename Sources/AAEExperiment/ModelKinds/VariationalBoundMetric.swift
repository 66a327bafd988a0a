import AAECore

/// The VAE's `negative_elbo` (or, with `eval.importance_samples` > 1, the tighter
/// `negative_iw_bound`) per held-out image, in nats, under its Bernoulli decoder:
/// only with the `bce` reconstruction loss, which makes it a likelihood.
struct VariationalBoundMetric: EvaluationMetric {
    func names(for model: TrainableModel, experiment: Experiment) -> [String] {
        guard model is VariationalAutoencoder, experiment.loss.reconstruction == .bce else { return [] }
        return [experiment.evaluation.importanceSamples > 1 ? "negative_iw_bound" : "negative_elbo"]
    }

    func evaluate(_ context: EvaluationContext, random: inout RandomGenerator) -> [Metric] {
        guard let vae = context.model as? VariationalAutoencoder,
              context.experiment.loss.reconstruction == .bce else { return [] }
        let k = context.experiment.evaluation.importanceSamples
        let bounds = context.testPixels.withUnsafeBufferPointer { pixels in
            context.test.labels.withUnsafeBufferPointer { labels in
                vae.negativeBound(pixels.baseAddress!, labels: labels.baseAddress!, count: context.test.count,
                                  importanceSamples: k, random: &random)
            }
        }
        let (mean, error) = ParzenWindow.meanAndStandardError(bounds)
        return [Metric(name: k > 1 ? "negative_iw_bound" : "negative_elbo", value: mean, standardError: error)]
    }
}
