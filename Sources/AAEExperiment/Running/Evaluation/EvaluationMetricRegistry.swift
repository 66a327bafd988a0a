/// The evaluation metrics every model has, one line each, in eval.csv order; a
/// model kind's own metrics follow (`ModelKindDefinition.evaluationMetrics`).
enum EvaluationMetricRegistry {
    static let common: [any EvaluationMetric] = [
        ReconstructionErrorMetric(),
        NearestNeighbourAccuracyMetric(),
        LinearAccuracyMetric(),
        MarginalKSMetric(),
        PriorMMDMetric(),
        ParzenLogLikelihoodMetric(),
    ]

    /// The metrics of a model of `experiment`'s kind, in eval.csv order.
    static func metrics(for experiment: Experiment) -> [any EvaluationMetric] {
        common + experiment.model.definition.evaluationMetrics
    }
}
