import AAECore

/// `mean_ks`: the Kolmogorov–Smirnov statistic of each code dimension against the
/// prior's marginal, averaged; for models with a prior whose marginals are known.
struct MarginalKSMetric: EvaluationMetric {
    func names(for model: TrainableModel, experiment: Experiment) -> [String] {
        guard let prior = model.prior, prior.marginalCDF(0, dimension: 0) != nil else { return [] }
        return ["mean_ks"]
    }

    func evaluate(_ context: EvaluationContext, random: inout RandomGenerator) -> [Metric] {
        guard let prior = context.model.prior,
              let ks = KolmogorovSmirnov.meanMarginalKS(codes: context.testCodes, dimension: context.latentDimension,
                                                        prior: prior) else { return [] }
        return [Metric(name: "mean_ks", value: ks)]
    }
}
