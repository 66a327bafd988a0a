import AAECore

/// `classification_error`: how often the most probable category of `q(y|x)` is
/// not a held-out example's label, for a model that learns from labelled examples
/// (the semi-supervised AAE and its supervised baseline).
struct ClassificationErrorMetric: EvaluationMetric {
    func names(for model: TrainableModel, experiment: Experiment) -> [String] {
        guard model is CategoricalCodeModel, (model as? LabelledSubsetModel)?.labelledSubset != nil else { return [] }
        return ["classification_error"]
    }

    func evaluate(_ context: EvaluationContext, random: inout RandomGenerator) -> [Metric] {
        guard let model = context.model as? CategoricalCodeModel else { return [] }
        let predicted = ClusterAssignment.argmax(categoryProbabilities(model, of: context.test), width: model.categoryCount)
        let wrong = zip(predicted, context.test.labels).filter { Int32($0.0) != $0.1 }.count
        return [Metric(name: "classification_error", value: Double(wrong) / Double(max(context.test.count, 1)))]
    }
}

/// `q(y|x)` of every example of `examples`.
func categoryProbabilities(_ model: CategoricalCodeModel, of examples: LabeledImages) -> [Float] {
    examples.pixels.withUnsafeBufferPointer { model.categoryProbabilities($0.baseAddress!, count: examples.count) }
}
