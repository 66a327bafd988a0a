import AAECore

/// `knn_accuracy`: how often the majority label of a held-out code's `eval.knn_k`
/// nearest training codes is its own.
struct NearestNeighbourAccuracyMetric: EvaluationMetric {
    func names(for model: TrainableModel, experiment: Experiment) -> [String] { ["knn_accuracy"] }

    func evaluate(_ context: EvaluationContext, random: inout RandomGenerator) -> [Metric] {
        [Metric(name: "knn_accuracy", value: NearestNeighbours.accuracy(
            queries: context.testCodes, queryLabels: context.test.labels, references: context.trainCodes,
            referenceLabels: context.train.labels, dimension: context.latentDimension,
            k: context.experiment.evaluation.neighbours))]
    }
}
