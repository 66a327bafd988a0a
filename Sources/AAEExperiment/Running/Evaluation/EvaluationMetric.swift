import AAECore

/// One evaluation metric of eval.csv: the rows it names and how it computes them.
///
/// Adding a metric every model has is one type conforming to this protocol plus
/// one line in `EvaluationMetricRegistry`; a metric only one model kind has is
/// listed by that kind's `ModelKindDefinition.evaluationMetrics`.
protocol EvaluationMetric: Sendable {
    /// The names of the rows this metric adds for `model`, in order; empty when it
    /// does not apply (no prior to compare with, a loss it does not measure).
    func names(for model: TrainableModel, experiment: Experiment) -> [String]
    /// The rows named by `names`, computed from `context`; it draws from `random`,
    /// which every metric shares in registry order.
    func evaluate(_ context: EvaluationContext, random: inout RandomGenerator) -> [Metric]
}

/// What the metrics read: the model, the held-out and training examples and their
/// codes, and the reconstructions, computed once per evaluation.
struct EvaluationContext {
    let experiment: Experiment
    let model: TrainableModel
    /// The held-out examples (`RunEvaluator.heldOut`).
    let test: LabeledImages
    /// The training examples the classifiers learn from.
    let train: LabeledImages
    /// The codes of `test` and `train`, row-major.
    let testCodes: [Float]
    let trainCodes: [Float]
    /// `test`'s pixels and their reconstructions, in [0, 1].
    let testPixels: [Float]
    let reconstructions: [Float]

    var latentDimension: Int { model.latentDimension }
}
