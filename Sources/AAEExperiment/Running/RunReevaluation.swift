import AAECore
import AAEReport
import Foundation

extension ExperimentRunner {
    /// Evaluates a finished run again from its final checkpoint and rewrites
    /// its eval.csv: the model is rebuilt from `experiment` (the run's
    /// config.resolved.yaml, perhaps with other `eval` settings) and restored
    /// from the checkpoint, which must be that of the last step. When the run
    /// belongs to a sweep, the sweep's summary.csv and figures are rewritten
    /// with the new values. The run's TensorBoard event file (`tb/`) is written again
    /// from its folder, with the new evaluation.
    ///
    /// - Throws: `RunError` when the folder has no final checkpoint or the
    ///   checkpoint was trained with settings other than `experiment`'s
    ///   (apart from `eval`).
    public func reevaluate() throws -> [Metric] {
        try onItsThreads { try reevaluateOnItsThreads() }
    }

    private func reevaluateOnItsThreads() throws -> [Metric] {
        let directory = outputDirectory
        let sweep = EnclosingSweep(runDirectory: directory)
        let locks = try FolderLock.all([directory] + (sweep.map { [$0.directory] } ?? []))
        defer { locks.forEach { $0.release() } }
        guard let checkpoint = try RunCheckpointFile.load(in: directory) else {
            throw RunError("\(directory.path) has no \(RunCheckpointFile.fileName): only runs that ended are evaluated")
        }
        let data = try loadData()
        let steps = experiment.training.resolved(trainingExamples: data.train.count).steps
        guard checkpoint.step == steps else {
            throw RunError("the checkpoint in \(directory.path) is at step \(checkpoint.step) of \(steps): "
                           + "the run has not finished; continue it with `aae-run resume \(directory.path)`")
        }
        var trained = try ExperimentReader.parse(Data(checkpoint.configuration.utf8),
                                                 file: RunCheckpointFile.url(in: directory).path)
        trained.evaluation = experiment.evaluation
        guard resolvedYAML(trained) == resolvedYAML(experiment) else {
            throw RunError("the checkpoint in \(directory.path) was trained with other settings than these; "
                           + "only `eval` settings may change for a re-evaluation")
        }
        let model = ModelBuilder.model(experiment, inputFeatures: data.train.featureCount, seed: experiment.seed)
        try model.restore(checkpoint.model)
        let metrics = RunEvaluator(experiment: experiment, data: data).evaluate(model)
        try RunEvaluator.write(metrics, to: RunFolderLayout(directory).evaluation)
        try RunTensorBoard.rewrite(directory: directory, evaluation: metrics, step: steps,
                                   record: RunRecord.read(in: directory),
                                   hyperparameters: try sweep?.hyperparameters(ofRun: directory) ?? [])
        try sweep?.refreshSummary()
        return metrics
    }
}
