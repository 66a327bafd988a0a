import AAECore

/// `linear_accuracy`: the held-out accuracy of a softmax regression trained on the training codes.
struct LinearAccuracyMetric: EvaluationMetric {
    func names(for model: TrainableModel, experiment: Experiment) -> [String] { ["linear_accuracy"] }

    func evaluate(_ context: EvaluationContext, random: inout RandomGenerator) -> [Metric] {
        [Metric(name: "linear_accuracy", value: SoftmaxRegression.accuracy(
            trainCodes: context.trainCodes, trainLabels: context.train.labels, testCodes: context.testCodes,
            testLabels: context.test.labels, dimension: context.latentDimension, random: &random))]
    }
}
