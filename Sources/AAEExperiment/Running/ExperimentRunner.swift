import AAECore
import AAEReport
import Foundation

/// Trains one experiment and writes its results: metrics.csv and the TensorBoard
/// event file (`tb/`), updated at every log step, and the figures at the end.
///
/// Everything that depends on randomness draws from the experiment's seed, so
/// the same file and seed give byte-identical metrics.csv.
public final class ExperimentRunner {
    public let experiment: Experiment
    public let options: RunOptions
    /// Receives the progress at every log step (a line or a bar on stderr in the CLI).
    public var progress: (TrainingProgress) -> Void = { _ in }
    /// Whether `run` got past its checks and wrote to the folder: a run that
    /// fails after this point is the folder's run, and its failure is recorded there.
    public private(set) var hasBegunWriting = false

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
        ["step"] + model.stepMetrics.names + ["train_recon_mse", "heldout_recon_mse"]
    }

    public func run() throws -> RunResult {
        try options.memoryBudget?.check(experiment)
        try PathLimits.check(outputDirectory.path, what: "the output folder")
        if let threads = options.blasThreads {
            BLAS.threadCount = threads
            Parallelism.workers = threads
        }
        let data = try loadData()
        let training = experiment.training.resolved(trainingExamples: data.train.count)
        guard training.batchSize <= data.train.count else {
            throw RunError("training.batch_size is \(training.batchSize) but the training set has only \(data.train.count) examples")
        }
        let model = ModelBuilder.model(experiment, inputFeatures: data.train.featureCount, seed: experiment.seed)
        let configuration = resolvedYAML(experiment)
        let folder = try RunFolder(directory: outputDirectory, experiment: experiment, configuration: configuration,
                                   resume: options.resume, overwrite: options.overwrite)
        defer { folder.release() }
        let directory = folder.directory
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
        let stepMetrics = model.stepMetrics
        var sums = [Double](repeating: 0, count: stepMetrics.count)
        var stepsInWindow = 0
        var status = RunStatus.completed
        let start = Date()
        var windowStart = start
        var firstStep = 1, elapsedBefore: Double = 0, stepsTrained = 0
        if let checkpoint = folder.checkpoint {
            guard checkpoint.windowSums.count == sums.count,
                  checkpoint.loggedRows.allSatisfy({ $0.count == log.columns.count }) else {
                throw RunError("\(RunCheckpointFile.url(in: directory).path) logs other metrics than this model")
            }
            try model.restore(checkpoint.model)
            try sampler.restore(checkpoint.sampler)
            sums = checkpoint.windowSums
            stepsInWindow = checkpoint.stepsInWindow
            for row in checkpoint.loggedRows { log.append(row) }
            firstStep = checkpoint.step + 1
            elapsedBefore = checkpoint.elapsedSeconds
        }
        try folder.begin()
        hasBegunWriting = true
        let tensorBoard = try RunTensorBoard(
            directory: directory, columns: log.columns, loggedRows: log.rows,
            snapshots: RunSnapshots.taken(in: directory).filter { $0.step < firstStep },
            hyperparameters: options.hyperparameters)
        do {
            func saveCheckpoint(step: Int) throws {
                try RunCheckpointFile.save(Checkpoint(
                    step: step, configuration: configuration, elapsedSeconds: elapsedBefore + Date().timeIntervalSince(start),
                    model: model.checkpointState, sampler: sampler.state, windowSums: sums, stepsInWindow: stepsInWindow,
                    loggedRows: log.rows), in: directory)
            }
            func checkpointIfDue(step: Int) throws {
                let every = training.checkpointEvery
                if every > 0, step % every == 0, step < training.steps { try saveCheckpoint(step: step) }
            }
            var isStopRequested: Bool { options.stopRequest?.isRequested ?? false }
            let stopRequest = options.stopRequest
            let snapshots = RunSnapshots(experiment: experiment, test: data.test, steps: training.steps, directory: directory,
                                         shouldStop: { stopRequest?.isRequested ?? false })

            try data.train.pixels.withUnsafeBufferPointer { pixels in
                for step in stride(from: firstStep, through: training.steps, by: 1) {
                    if isStopRequested || options.stopAfterStep.map({ step > $0 }) ?? false {
                        status = .interrupted(step: step - 1)
                        break
                    }
                    let indices = sampler.nextBatch()
                    BatchSampler.gather(rows: indices, of: pixels.baseAddress!, width: width, into: batch)
                    for (row, index) in indices.enumerated() { batchLabels[row] = trainingLabels[index] }
                    model.scheduleLearningRates(completedSteps: step - 1)
                    model.trainStep(batch: batch, labels: batchLabels)
                    stepsTrained += 1
                    for (i, metric) in stepMetrics.enumerated() { sums[i] += Double(metric.value) }
                    stepsInWindow += 1
                    let diverged = !stepMetrics.allSatisfy { $0.value.isFinite }
                    if diverged {
                        status = .diverged(step: step)
                    } else if let taken = try snapshots?.takeIfDue(step: step, model: model) {
                        try tensorBoard.took(taken)
                    }
                    guard step % training.logEvery == 0 || step == training.steps || diverged else {
                        try checkpointIfDue(step: step)
                        continue
                    }
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
                    try tensorBoard.logged(cells)
                    let now = Date()
                    let rate = Double(stepsInWindow) / max(now.timeIntervalSince(windowStart), 1e-9)
                    if !options.quiet {
                        let left = TrainingProgress.secondsLeft(step: step, steps: training.steps, trainedSteps: stepsTrained,
                                                                elapsedSeconds: now.timeIntervalSince(start))
                        progress(TrainingProgress(step: step, steps: training.steps,
                                                  metrics: zip(stepMetrics.names, averages).map { Metric(name: $0, value: $1) },
                                                  heldOutMSE: heldOutMSE, rate: rate, secondsLeft: left))
                    }
                    sums = sums.map { _ in 0 }
                    stepsInWindow = 0
                    windowStart = now
                    if diverged { break }
                    try checkpointIfDue(step: step)
                }
            }
            try log.write(to: metricsURL)
            let elapsed = Date().timeIntervalSince(start)
            switch status {
            case .interrupted(let step):
                try saveCheckpoint(step: step)
            case .completed:
                try saveCheckpoint(step: training.steps)
                if isStopRequested { status = .interrupted(step: training.steps) }
            case .diverged:
                break
            }
            var evaluation: [Metric] = []
            if status == .completed {
                let finish = try RunFinish(experiment: experiment, evaluator: runEvaluator, stop: options.stopRequest)
                    .write(model: model, test: data.test, metrics: log.table, directory: directory,
                           configuration: configuration, step: training.steps,
                           computed: lastEvaluation?.step == training.steps ? lastEvaluation?.metrics : nil)
                evaluation = finish.evaluation
                if !isStopRequested {
                    try tensorBoard.finished(step: training.steps, evaluation: evaluation, figures: finish.figures)
                }
                if isStopRequested { status = .interrupted(step: training.steps) }
            }
            try tensorBoard.ended(status, steps: training.steps)
            let lastRow = log.table.rows.last ?? []
            let final = zip(log.columns, lastRow).map { ($0, Double($1) ?? .nan) }
            let wallTime = elapsedBefore + Date().timeIntervalSince(start)
            try RunRecord(status, wallTimeSeconds: wallTime).write(in: directory)
            return RunResult(status: status, outputDirectory: directory, finalMetrics: final, evaluation: evaluation,
                             stepsPerSecond: Double(stepsTrained) / max(elapsed, 1e-9),
                             dataDescription: data.description, wallTimeSeconds: wallTime)
        } catch {
            try? tensorBoard.failed(step: firstStep - 1 + stepsTrained)
            throw error
        }
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

    func loadData() throws -> DataSplit {
        try ExperimentData.load(experiment.data, seed: experiment.seed, dataDirectory: options.dataDirectory)
    }
}

/// A run that cannot start or continue, with the reason.
public struct RunError: Error, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}
