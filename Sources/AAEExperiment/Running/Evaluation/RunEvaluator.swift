import AAECore
import AAEReport
import Foundation

/// The numbers papers report, computed for a trained model on held-out data: the
/// metrics every model has (`EvaluationMetricRegistry`), then its kind's own, each
/// an `EvaluationMetric` that names its eval.csv rows and computes them.
struct RunEvaluator {
    let experiment: Experiment
    let data: DataSplit
    /// Held-out examples evaluated (the first ones).
    static let heldOutLimit = 2_000
    /// Training examples whose codes the classifiers learn from.
    static let trainingLimit = 10_000

    /// The metrics of a model of this experiment's kind, in eval.csv order.
    var metrics: [any EvaluationMetric] { EvaluationMetricRegistry.metrics(for: experiment) }

    /// The names of the metrics `evaluate` returns for `model`, in order.
    func metricNames(for model: TrainableModel) -> [String] {
        metrics.flatMap { $0.names(for: model, experiment: experiment) }
    }

    /// The held-out examples the metrics read: the first `heldOutLimit` of the test set.
    var heldOut: LabeledImages { data.test.slice(0..<min(Self.heldOutLimit, data.test.count)) }

    /// The codes of `heldOut` that the metrics read (and codes.npy holds), row-major.
    func heldOutCodes(_ model: TrainableModel, of test: LabeledImages) -> [Float] {
        test.pixels.withUnsafeBufferPointer { model.encode($0.baseAddress!, count: test.count) }
    }

    func evaluate(_ model: TrainableModel) -> [Metric] {
        evaluate(model, stop: nil)!
    }

    /// The metrics of `model`, or nil when `stop` is requested before they are all
    /// computed: it is checked between metrics, so a signal during a long evaluation
    /// ends it within one metric.
    func evaluate(_ model: TrainableModel, stop: StopRequest?) -> [Metric]? {
        var stopped: Bool { stop?.isRequested ?? false }
        var random = RandomGenerator(seed: experiment.seed, stream: RandomStreams.evaluation)
        let test = heldOut
        let train = data.train.slice(0..<min(Self.trainingLimit, data.train.count))
        let scale = experiment.data.scale
        let testCodes = heldOutCodes(model, of: test)
        let trainCodes = train.pixels.withUnsafeBufferPointer { model.encode($0.baseAddress!, count: train.count) }
        let reconstructions = testCodes.withUnsafeBufferPointer { codes in
            test.labels.withUnsafeBufferPointer { model.decode(codes.baseAddress!, labels: $0.baseAddress!, count: test.count) }
        }
        let context = EvaluationContext(experiment: experiment, model: model, test: test, train: train,
                                        testCodes: testCodes, trainCodes: trainCodes,
                                        testPixels: test.pixels.map(scale.unitInterval),
                                        reconstructions: reconstructions.map(scale.unitInterval))
        var results: [Metric] = []
        for metric in metrics where !metric.names(for: model, experiment: experiment).isEmpty {
            if stopped { return nil }
            results += metric.evaluate(context, random: &random)
        }
        return stopped ? nil : results
    }

    /// Writes `metrics` as eval.csv: metric, value, standard_error (empty when it has none).
    static func write(_ metrics: [Metric], to url: URL) throws {
        let rows = metrics.map { [$0.name, CSVFormat.float($0.value), $0.standardError.map(CSVFormat.float) ?? ""] }
        try CSVTable(header: ["metric", "value", "standard_error"], rows: rows).write(to: url)
    }
}
