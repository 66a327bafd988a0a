import AAECore
import AAEReport
import Foundation

/// Trains one experiment and writes its results: metrics.csv, updated at every
/// log step, and latent_scatter.png at the end.
///
/// Everything that depends on randomness draws from the experiment's seed, so
/// the same file and seed give byte-identical metrics.csv.
public final class ExperimentRunner {
    public let experiment: Experiment
    public let options: RunOptions
    /// Receives one line of progress per log step (stderr in the CLI).
    public var progress: (String) -> Void = { _ in }

    /// Held-out and training-subset evaluations use at most this many examples.
    static let evaluationSize = 2_000

    public init(experiment: Experiment, options: RunOptions) {
        self.experiment = experiment
        self.options = options
    }

    /// The folder this run writes to.
    public var outputDirectory: URL {
        if let directory = options.outputDirectory { return URL(fileURLWithPath: directory) }
        let base = experiment.output ?? "results/\(experiment.name)"
        return URL(fileURLWithPath: base).appendingPathComponent("seed=\(experiment.seed)")
    }

    /// The columns of metrics.csv, in order.
    public static func metricColumns(for model: TrainableModel) -> [String] {
        ["step"] + model.stepMetricNames + ["train_recon_mse", "heldout_recon_mse"]
    }

    public func run() throws -> RunResult {
        Parallelism.workers = BLAS.threadCount
        let data = try loadData()
        let training = experiment.training
        guard training.batchSize <= data.train.count else {
            throw RunError("training.batch_size is \(training.batchSize) but the training set has only \(data.train.count) examples")
        }
        let model = ModelBuilder.model(experiment, inputFeatures: data.train.featureCount, seed: experiment.seed)
        let directory = outputDirectory
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try AtomicFile.write(resolvedYAML(experiment), to: directory.appendingPathComponent("config.resolved.yaml"))
        let metricsURL = directory.appendingPathComponent("metrics.csv")
        let runEvaluator = RunEvaluator(experiment: experiment, data: data)
        let evaluationColumns = training.evalEvery > 0
            ? runEvaluator.metricNames(for: model).filter { !Self.metricColumns(for: model).contains($0) } : []
        let log = MetricsLog(columns: Self.metricColumns(for: model) + evaluationColumns)
        let evaluator = ReconstructionEvaluator(data: data, scale: experiment.data.scale,
                                                size: Self.evaluationSize)
        var lastEvaluation: (step: Int, metrics: [Metric])?

        var sampler = BatchSampler(exampleCount: data.train.count, batchSize: training.batchSize,
                                   random: RandomGenerator(seed: experiment.seed, stream: RandomStreams.batches))
        let width = data.train.featureCount
        let batch = UnsafeMutablePointer<Float>.allocate(capacity: training.batchSize * width)
        let batchLabels = UnsafeMutablePointer<Int32>.allocate(capacity: training.batchSize)
        defer {
            batch.deallocate()
            batchLabels.deallocate()
        }
        let trainingLabels = Self.visibleLabels(data.train.labels, fraction: experiment.model.labelledFraction,
                                                seed: experiment.seed)
        var stepMetrics = [Float](repeating: 0, count: model.stepMetricNames.count)
        var sums = [Double](repeating: 0, count: stepMetrics.count)
        var stepsInWindow = 0
        var status = RunStatus.completed
        let start = Date()
        var windowStart = start

        data.train.pixels.withUnsafeBufferPointer { pixels in
            for step in 1...training.steps {
                let indices = sampler.nextBatch()
                BatchSampler.gather(rows: indices, of: pixels.baseAddress!, width: width, into: batch)
                for (row, index) in indices.enumerated() { batchLabels[row] = trainingLabels[index] }
                model.trainStep(batch: batch, labels: batchLabels, metrics: &stepMetrics)
                for i in sums.indices { sums[i] += Double(stepMetrics[i]) }
                stepsInWindow += 1
                let diverged = !stepMetrics.allSatisfy(\.isFinite)
                if diverged { status = .diverged(step: step) }
                guard step % training.logEvery == 0 || step == training.steps || diverged else { continue }
                let averages = sums.map { $0 / Double(stepsInWindow) }
                let trainMSE = evaluator.trainMSE(model), heldOutMSE = evaluator.heldOutMSE(model)
                var cells = ([Double(step)] + averages + [trainMSE, heldOutMSE]).map { CSVFormat.float($0) }
                if !evaluationColumns.isEmpty {
                    if !diverged, step % training.evalEvery == 0 || step == training.steps {
                        lastEvaluation = (step, runEvaluator.evaluate(model))
                    }
                    let current = lastEvaluation?.step == step ? lastEvaluation?.metrics : nil
                    cells += evaluationColumns.map { name in
                        current?.first { $0.name == name }.map { CSVFormat.float($0.value) } ?? ""
                    }
                }
                log.append(cells)
                try? log.write(to: metricsURL)
                let now = Date()
                let rate = Double(stepsInWindow) / max(now.timeIntervalSince(windowStart), 1e-9)
                if !options.quiet {
                    progress(progressLine(step: step, names: model.stepMetricNames, averages: averages,
                                          heldOutMSE: heldOutMSE, rate: rate))
                }
                sums = sums.map { _ in 0 }
                stepsInWindow = 0
                windowStart = now
                if diverged { break }
            }
        }
        try log.write(to: metricsURL)
        let elapsed = Date().timeIntervalSince(start)
        var evaluation: [Metric] = []
        if status == .completed {
            evaluation = lastEvaluation?.step == training.steps ? lastEvaluation?.metrics ?? [] : runEvaluator.evaluate(model)
            try RunEvaluator.write(evaluation, to: directory.appendingPathComponent("eval.csv"))
            var figureRandom = RandomGenerator(seed: experiment.seed, stream: RunFigures.randomStream)
            try RunFigures.writeAll(model: model, test: data.test, scale: experiment.data.scale, metrics: log.table,
                                    directory: directory, title: experiment.name, random: &figureRandom)
        }
        let lastRow = log.table.rows.last ?? []
        let final = zip(log.columns, lastRow).map { ($0, Double($1) ?? .nan) }
        return RunResult(status: status, outputDirectory: directory, finalMetrics: final, evaluation: evaluation,
                         stepsPerSecond: Double(training.steps) / max(elapsed, 1e-9),
                         dataDescription: data.description)
    }

    /// The training labels a model sees: a seeded `fraction` of the examples
    /// keep theirs, the others get −1 ("no label").
    static func visibleLabels(_ labels: [Int32], fraction: Double, seed: UInt64) -> [Int32] {
        guard fraction < 1 else { return labels }
        var order = Array(labels.indices)
        var random = RandomGenerator(seed: seed, stream: RandomStreams.labelledSubset)
        random.shuffle(&order)
        var visible = [Int32](repeating: -1, count: labels.count)
        for index in order.prefix(Int((fraction * Double(labels.count)).rounded())) { visible[index] = labels[index] }
        return visible
    }

    private func loadData() throws -> DataSplit {
        let root = DataDirectory.resolve(explicit: options.dataDirectory)
        var split = try MNIST.load(directory: root, scale: experiment.data.scale)
        if let size = experiment.data.trainSize, size < split.train.count {
            split = DataSplit(train: split.train.slice(0..<size), test: split.test,
                              description: split.description + ", first \(size) training examples")
        }
        if let size = experiment.data.testSize, size < split.test.count {
            split = DataSplit(train: split.train, test: split.test.slice(0..<size),
                              description: split.description + ", first \(size) held-out examples")
        }
        return split
    }

    private func progressLine(step: Int, names: [String], averages: [Double], heldOutMSE: Double, rate: Double) -> String {
        let width = String(experiment.training.steps).count
        let padded = String(repeating: " ", count: max(0, width - String(step).count)) + String(step)
        let values = zip(names, averages).map { "\($0) \(String(format: "%.4f", $1))" }.joined(separator: "  ")
        return "step \(padded)/\(experiment.training.steps)  \(values)  heldout_mse \(String(format: "%.4f", heldOutMSE))  \(String(format: "%.1f", rate)) steps/s"
    }
}

/// A run that cannot start or continue, with the reason.
public struct RunError: Error, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}
