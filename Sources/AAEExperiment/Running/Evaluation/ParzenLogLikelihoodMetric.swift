import AAECore

/// `parzen_log_likelihood`: the Parzen-window log-likelihood of held-out images
/// (pixels in [0, 1]) under `eval.parzen_samples` decoder samples of prior codes,
/// bandwidth chosen on the first half of the held-out images and reported on the
/// second half; for models with a prior, unless `parzen_samples` is 0.
struct ParzenLogLikelihoodMetric: EvaluationMetric {
    func names(for model: TrainableModel, experiment: Experiment) -> [String] {
        model.prior != nil && experiment.evaluation.parzenSamples > 0 ? ["parzen_log_likelihood"] : []
    }

    func evaluate(_ context: EvaluationContext, random: inout RandomGenerator) -> [Metric] {
        guard let prior = context.model.prior else { return [] }
        let model = context.model
        let sampleCount = context.experiment.evaluation.parzenSamples
        let codes = prior.samples(rows: sampleCount, random: &random)
        let labels = (0..<sampleCount).map { Int32($0 % 10) }
        let samples = codes.withUnsafeBufferPointer { codes in
            labels.withUnsafeBufferPointer { model.decode(codes.baseAddress!, labels: $0.baseAddress!, count: sampleCount) }
        }.map(context.experiment.data.scale.unitInterval)
        let features = model.inputFeatures
        let heldOut = context.testPixels
        let half = context.test.count / 2
        let result = ParzenWindow.evaluate(samples: samples, validation: Array(heldOut[0..<(half * features)]),
                                           test: Array(heldOut[(half * features)...]), dimension: features)
        return [Metric(name: "parzen_log_likelihood", value: result.meanLogLikelihood,
                       standardError: result.standardError)]
    }
}
