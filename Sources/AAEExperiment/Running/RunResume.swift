import AAECore
import Foundation

/// Continuing a run from its folder's checkpoint: the model's weights and optimizer
/// state, the batch order, the log window and the rows logged, checked first against
/// what this run's model logs.
enum RunResume {
    /// Restores `checkpoint` (read from `url`) into `loop` and `log`; returns the
    /// seconds the run trained before.
    ///
    /// - Throws: `RunError` when the checkpoint logs other metrics than the model,
    ///   `CheckpointError` when its state does not fit the model or the data.
    static func restore(_ checkpoint: Checkpoint, from url: URL, into loop: TrainingLoop, log: RunLog) throws -> Double {
        guard checkpoint.windowSums.count == log.sums.count,
              checkpoint.loggedRows.allSatisfy({ $0.count == log.metrics.columns.count }) else {
            throw RunError("\(url.path) logs other metrics than this model")
        }
        try loop.model.restore(checkpoint.model)
        try loop.restore(completedSteps: checkpoint.step, sampler: checkpoint.sampler)
        log.restore(sums: checkpoint.windowSums, stepsInWindow: checkpoint.stepsInWindow, rows: checkpoint.loggedRows)
        return checkpoint.elapsedSeconds
    }
}
