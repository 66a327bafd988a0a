import AAECore
import AAEReport
import Foundation

/// Trains one experiment and writes its results: metrics.csv and the TensorBoard
/// event file (`tb/`), updated at every log step, and the figures at the end.
///
/// `run` puts the pieces of a run together: the folder and its lock (`RunFolder`), the
/// resume from a checkpoint (`RunResume`), the steps (`RunSession` driving the
/// `TrainingLoop`), their logging (`RunLog`, `RunTensorBoard`), the evaluation during
/// training (`PeriodicEvaluation`), the checkpoints (`RunCheckpoints`), what a completed
/// run writes at the end (`RunFinish`: eval.csv, the export, the figures) and the record
/// of how it ended (`RunRecord`).
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
        RunLog.columns(names: model.stepMetrics.names)
    }

    /// Trains the run on `options.threads` threads: its own and the workers of a
    /// pool it keeps for the run.
    public func run() throws -> RunResult {
        try options.memoryBudget?.check(experiment)
        try PathLimits.check(outputDirectory.path, what: "the output folder")
        return try onItsThreads { try train() }
    }

    /// Runs `body` with a pool of `options.threads` threads as the calling thread's, kept for `body` alone.
    func onItsThreads<Result>(_ body: () throws -> Result) rethrows -> Result {
        let pool = WorkerPool(threads: options.threads)
        defer { pool.shutDown() }
        return try pool.bind(body)
    }

    private func train() throws -> RunResult {
        let data = try loadData()
        let training = try resolvedTraining(for: data.train)
        let model = ModelBuilder.model(experiment, inputFeatures: data.train.featureCount, seed: experiment.seed)
        let loop = try TrainingLoop(experiment: experiment, model: model, train: data.train, batchSize: training.batchSize)
        let configuration = resolvedYAML(experiment)
        let folder = try RunFolder(directory: outputDirectory, experiment: experiment, configuration: configuration,
                                   resume: options.resume, overwrite: options.overwrite)
        defer { folder.release() }
        let layout = folder.layout
        let evaluator = RunEvaluator(experiment: experiment, data: data)
        var evaluation = PeriodicEvaluation(evaluator: evaluator, model: model, logged: Self.metricColumns(for: model),
                                            training: training)
        let log = RunLog(names: model.stepMetrics.names, evaluationColumns: evaluation.columns,
                         reconstruction: ReconstructionEvaluator(data: data, scale: experiment.data.scale,
                                                                 size: Self.evaluationSize),
                         url: layout.metrics)
        let elapsedBefore = try folder.checkpoint.map {
            try RunResume.restore($0, from: layout.checkpoint, into: loop, log: log)
        } ?? 0
        let started = Date()
        try folder.begin()
        hasBegunWriting = true
        try RunEnvironment(version: AAERunVersion.current, threads: options.threads, blas: BLAS.configuration,
                           blasKernel: BLAS.kernel).write(in: layout.directory)
        if let indices = loop.labelledIndices {
            try CSVTable(header: ["index", "label"], rows: indices.map { [String($0), String(data.train.labels[$0])] })
                .write(to: layout.labelledExamples)
        }
        let tensorBoard = try RunTensorBoard(
            directory: layout.directory, columns: log.metrics.columns, loggedRows: log.metrics.rows,
            snapshots: RunSnapshots.taken(in: layout.directory).filter { $0.step <= loop.completedSteps },
            hyperparameters: options.hyperparameters)
        let sessionStart = loop.completedSteps
        do {
            let checkpoints = RunCheckpoints(directory: layout.directory, configuration: configuration,
                                             every: training.checkpointEvery, steps: training.steps,
                                             elapsedBefore: elapsedBefore, started: started)
            let stop = options.stopRequest
            let session = RunSession(
                loop: loop, log: log, tensorBoard: tensorBoard, checkpoints: checkpoints,
                snapshots: RunSnapshots(experiment: experiment, test: data.test, steps: training.steps,
                                        directory: layout.directory, shouldStop: { stop?.isRequested ?? false }),
                training: training, options: options, progress: options.quiet ? nil : progress)
            var status = try session.train(evaluation: &evaluation)
            try log.write()
            let trainingSeconds = Date().timeIntervalSince(started)
            status = try checkpointAtTheEnd(status, checkpoints: checkpoints, loop: loop, log: log,
                                            steps: training.steps)
            var written = RunFinish.Written()
            if status == .completed {
                written = try RunFinish(experiment: experiment, evaluator: evaluator, stop: stop)
                    .write(model: model, test: data.test, metrics: log.metrics.table, directory: layout.directory,
                           configuration: configuration, step: training.steps,
                           computed: evaluation.evaluation(at: training.steps))
                if isStopRequested {
                    status = .interrupted(step: training.steps)
                } else {
                    try tensorBoard.finished(step: training.steps, evaluation: written.evaluation,
                                             figures: written.figures)
                }
            }
            try tensorBoard.ended(status, steps: training.steps)
            let wallTime = elapsedBefore + Date().timeIntervalSince(started)
            try RunRecord(status, wallTimeSeconds: wallTime).write(in: layout.directory)
            let lastRow = log.metrics.rows.last ?? []
            return RunResult(status: status, outputDirectory: layout.directory,
                             finalMetrics: zip(log.metrics.columns, lastRow).map { ($0, Double($1) ?? .nan) },
                             evaluation: written.evaluation,
                             stepsPerSecond: Double(loop.completedSteps - sessionStart) / max(trainingSeconds, 1e-9),
                             dataDescription: data.description, wallTimeSeconds: wallTime)
        } catch {
            try? tensorBoard.failed(step: loop.completedSteps)
            throw error
        }
    }

    /// Writes the checkpoint a session ends with (none for a diverged run) and returns
    /// the status: a completed run stopped during that write ends interrupted.
    private func checkpointAtTheEnd(_ status: RunStatus, checkpoints: RunCheckpoints, loop: TrainingLoop,
                                    log: RunLog, steps: Int) throws -> RunStatus {
        switch status {
        case .interrupted(let step):
            try checkpoints.save(step: step, loop: loop, log: log)
            return status
        case .completed:
            try checkpoints.save(step: steps, loop: loop, log: log)
            return isStopRequested ? .interrupted(step: steps) : status
        case .diverged:
            return status
        }
    }

    private var isStopRequested: Bool { options.stopRequest?.isRequested ?? false }

    /// The experiment's training settings resolved for `train` (epochs to steps).
    ///
    /// - Throws: `RunError` when a batch is larger than the training set.
    private func resolvedTraining(for train: LabeledImages) throws -> TrainingSpec {
        let training = experiment.training.resolved(trainingExamples: train.count)
        guard training.batchSize <= train.count else {
            throw RunError("a batch of \(training.batchSize) examples is larger than the training set (\(train.count) examples)",
                           keyPath: "training.batch_size")
        }
        return training
    }

    func loadData() throws -> DataSplit {
        try ExperimentData.load(experiment.data, seed: experiment.seed, dataDirectory: options.dataDirectory)
    }
}

/// A run that cannot start or continue, with the reason.
public struct RunError: Error, CustomStringConvertible {
    public let message: String
    /// The experiment file's key whose value the run cannot use (`training.batch_size`), when one is to blame.
    public let keyPath: String?

    public init(_ message: String, keyPath: String? = nil) {
        self.message = message
        self.keyPath = keyPath
    }

    /// The message after its key path, when there is one.
    public var description: String { keyPath.map { "\($0): \(message)" } ?? message }
}
