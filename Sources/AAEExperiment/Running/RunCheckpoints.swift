import AAECore
import Foundation

/// The checkpoints of a run (checkpoint.bin): every `training.checkpoint_every` steps
/// before the last, and whenever a session ends (`save`), each holding all a resumed run
/// needs to continue as if it had never stopped — the model, the batch order, the log
/// window and the rows logged so far.
struct RunCheckpoints {
    let directory: URL
    /// The run's config.resolved.yaml, which a resumed run must match.
    let configuration: String
    let every: Int
    let steps: Int
    /// The seconds earlier sessions of the run trained.
    let elapsedBefore: Double
    /// When this session started.
    let started: Date

    /// Writes the checkpoint after `step`.
    func save(step: Int, loop: TrainingLoop, log: RunLog) throws {
        try RunCheckpointFile.save(Checkpoint(
            step: step, configuration: configuration, elapsedSeconds: elapsedBefore + Date().timeIntervalSince(started),
            model: loop.model.checkpointState, sampler: loop.samplerState, windowSums: log.sums,
            stepsInWindow: log.stepsInWindow, loggedRows: log.metrics.rows), in: directory)
    }

    /// Writes the checkpoint after `step` when `checkpoint_every` says so.
    func saveIfDue(step: Int, loop: TrainingLoop, log: RunLog) throws {
        if every > 0, step % every == 0, step < steps { try save(step: step, loop: loop, log: log) }
    }
}
