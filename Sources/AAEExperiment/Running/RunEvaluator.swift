import AAECore
import AAEReport
import Foundation

/// The numbers papers report, computed for a trained model on held-out data:
/// reconstruction (MSE and BCE with pixels in [0, 1]), the match of the codes to
/// the prior (mean Kolmogorov–Smirnov statistic, MMD²), the usefulness of the
/// codes (k-NN and linear-classifier accuracy against training codes), the
/// Parzen-window log-likelihood of held-out images under decoder samples, and
/// the VAE's bound.
struct RunEvaluator {
    let experiment: Experiment
    let data: DataSplit
    /// Held-out examples evaluated (the first ones).
    static let heldOutLimit = 2_000
    /// Training examples whose codes the classifiers learn from.
    static let trainingLimit = 10_000

    /// The names of the metrics `evaluate` returns for `model`, in order.
    func metricNames(for model: TrainableModel) -> [String] {
        var names = ["heldout_recon_mse", "heldout_recon_bce", "knn_accuracy", "linear_accuracy"]
        if let prior = model.prior {
            if prior.marginalCDF(0, dimension: 0) != nil { names.append("mean_ks") }
            names.append("mmd2")
            if experiment.evaluation.parzenSamples > 0 { names.append("parzen_log_likelihood") }
        }
        if model is VariationalAutoencoder, experiment.loss.reconstruction == .bce {
            names.append(experiment.evaluation.importanceSamples > 1 ? "negative_iw_bound" : "negative_elbo")
        }
        return names
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
        let dimension = model.latentDimension
        let testCodes = heldOutCodes(model, of: test)
        let trainCodes = train.pixels.withUnsafeBufferPointer { model.encode($0.baseAddress!, count: train.count) }
        let reconstructions = testCodes.withUnsafeBufferPointer { codes in
            test.labels.withUnsafeBufferPointer { model.decode(codes.baseAddress!, labels: $0.baseAddress!, count: test.count) }
        }
        let testPixels = test.pixels.map(scale.unitInterval)
        var metrics = reconstructionMetrics(testPixels, reconstructions.map(scale.unitInterval), count: test.count)
        if stopped { return nil }
        metrics.append(Metric(name: "knn_accuracy", value: NearestNeighbours.accuracy(
            queries: testCodes, queryLabels: test.labels, references: trainCodes, referenceLabels: train.labels,
            dimension: dimension, k: experiment.evaluation.neighbours)))
        if stopped { return nil }
        metrics.append(Metric(name: "linear_accuracy", value: SoftmaxRegression.accuracy(
            trainCodes: trainCodes, trainLabels: train.labels, testCodes: testCodes, testLabels: test.labels,
            dimension: dimension, random: &random)))
        if stopped { return nil }
        if let prior = model.prior {
            if let ks = KolmogorovSmirnov.meanMarginalKS(codes: testCodes, dimension: dimension, prior: prior) {
                metrics.append(Metric(name: "mean_ks", value: ks))
            }
            let mmd = MaximumMeanDiscrepancy.estimate(codes: testCodes, dimension: dimension, prior: prior, random: &random)
            metrics.append(Metric(name: "mmd2", value: mmd.squared))
            if stopped { return nil }
            if experiment.evaluation.parzenSamples > 0 {
                metrics.append(parzen(model, prior: prior, heldOut: testPixels, count: test.count, random: &random))
            }
        }
        if stopped { return nil }
        if let vae = model as? VariationalAutoencoder, experiment.loss.reconstruction == .bce {
            let k = experiment.evaluation.importanceSamples
            let bounds = testPixels.withUnsafeBufferPointer {
                vae.negativeBound($0.baseAddress!, count: test.count, importanceSamples: k, random: &random)
            }
            let (mean, error) = ParzenWindow.meanAndStandardError(bounds)
            metrics.append(Metric(name: k > 1 ? "negative_iw_bound" : "negative_elbo", value: mean, standardError: error))
        }
        return stopped ? nil : metrics
    }

    /// Mean squared error per pixel and binary cross-entropy per image (summed
    /// over pixels, predictions clipped to [1e-7, 1 − 1e-7]).
    private func reconstructionMetrics(_ pixels: [Float], _ reconstructions: [Float], count: Int) -> [Metric] {
        var squared: Double = 0, crossEntropy: Double = 0
        for i in pixels.indices {
            let x = Double(pixels[i]), p = Double(reconstructions[i])
            squared += (x - p) * (x - p)
            let q = min(max(p, 1e-7), 1 - 1e-7)
            crossEntropy -= x * Foundation.log(q) + (1 - x) * Foundation.log(1 - q)
        }
        return [Metric(name: "heldout_recon_mse", value: squared / Double(max(pixels.count, 1))),
                Metric(name: "heldout_recon_bce", value: crossEntropy / Double(max(count, 1)))]
    }

    /// The Parzen-window log-likelihood of held-out images (pixels in [0, 1])
    /// under decoder samples of prior codes, bandwidth chosen on the first half
    /// of the held-out images and reported on the second half.
    private func parzen(_ model: TrainableModel, prior: Prior, heldOut: [Float], count: Int,
                        random: inout RandomGenerator) -> Metric {
        let sampleCount = experiment.evaluation.parzenSamples
        let codes = prior.samples(rows: sampleCount, random: &random)
        let labels = (0..<sampleCount).map { Int32($0 % 10) }
        let samples = codes.withUnsafeBufferPointer { codes in
            labels.withUnsafeBufferPointer { model.decode(codes.baseAddress!, labels: $0.baseAddress!, count: sampleCount) }
        }.map(experiment.data.scale.unitInterval)
        let features = model.inputFeatures
        let half = count / 2
        let result = ParzenWindow.evaluate(samples: samples, validation: Array(heldOut[0..<(half * features)]),
                                           test: Array(heldOut[(half * features)...]), dimension: features)
        return Metric(name: "parzen_log_likelihood", value: result.meanLogLikelihood, standardError: result.standardError)
    }

    /// Writes `metrics` as eval.csv: metric, value, standard_error (empty when it has none).
    static func write(_ metrics: [Metric], to url: URL) throws {
        let rows = metrics.map { [$0.name, CSVFormat.float($0.value), $0.standardError.map(CSVFormat.float) ?? ""] }
        try CSVTable(header: ["metric", "value", "standard_error"], rows: rows).write(to: url)
    }
}
