import AAECore

/// `cluster_error` and `clusters_used` of a clustering AAE (one without labelled
/// examples): each cluster — a category of `q(y|x)` — is named by the majority
/// label of the training examples whose most probable category it is, and a
/// held-out example is wrong when its cluster's name is not its label;
/// `clusters_used` counts the clusters some training example falls in.
struct ClusterErrorMetric: EvaluationMetric {
    func names(for model: TrainableModel, experiment: Experiment) -> [String] {
        guard model is CategoricalCodeModel, (model as? LabelledSubsetModel)?.labelledSubset == nil else { return [] }
        return ["cluster_error", "clusters_used"]
    }

    func evaluate(_ context: EvaluationContext, random: inout RandomGenerator) -> [Metric] {
        guard let model = context.model as? CategoricalCodeModel else { return [] }
        let width = model.categoryCount
        let assignment = ClusterAssignment(
            clusters: ClusterAssignment.argmax(categoryProbabilities(model, of: context.train), width: width),
            labels: context.train.labels, clusterCount: width)
        let error = assignment.error(clusters: ClusterAssignment.argmax(categoryProbabilities(model, of: context.test), width: width),
                                     labels: context.test.labels)
        return [Metric(name: "cluster_error", value: error),
                Metric(name: "clusters_used", value: Double(assignment.clustersUsed))]
    }
}
