import AAECore

/// `mmd2`: the squared maximum mean discrepancy between the held-out codes and
/// prior samples; for models with a prior.
struct PriorMMDMetric: EvaluationMetric {
    func names(for model: TrainableModel, experiment: Experiment) -> [String] {
        model.prior == nil ? [] : ["mmd2"]
    }

    func evaluate(_ context: EvaluationContext, random: inout RandomGenerator) -> [Metric] {
        guard let prior = context.model.prior else { return [] }
        let mmd = MaximumMeanDiscrepancy.estimate(codes: context.testCodes, dimension: context.latentDimension,
                                                  prior: prior, random: &random)
        return [Metric(name: "mmd2", value: mmd.squared)]
    }
}
