import AAECore
import Foundation

/// One session of a run's training: the steps from the one after the checkpoint (or the
/// first) to the last, ended early by a stop request, `stopAfterStep` or a divergence.
/// The loop trains each step; its metrics join the log window, the snapshots are taken
/// when due, and at log steps the row is logged (with the periodic evaluation's cells)
/// and the checkpoint written when due.
struct RunSession {
    let loop: TrainingLoop
    let log: RunLog
    let tensorBoard: RunTensorBoard
    let checkpoints: RunCheckpoints
    let snapshots: RunSnapshots?
    let training: TrainingSpec
    let options: RunOptions
    /// Receives the progress at every log step; nil for a quiet run.
    let progress: ((TrainingProgress) -> Void)?

    var isStopRequested: Bool { options.stopRequest?.isRequested ?? false }

    /// Trains to the last step or until stopped; returns how training ended.
    func train(evaluation: inout PeriodicEvaluation) throws -> RunStatus {
        let firstStep = loop.completedSteps + 1
        for step in stride(from: firstStep, through: training.steps, by: 1) {
            if isStopRequested || options.stopAfterStep.map({ step > $0 }) ?? false {
                return .interrupted(step: step - 1)
            }
            loop.step()
            log.accumulate(loop.stepMetrics)
            let diverged = !loop.isFinite
            if !diverged, let taken = try snapshots?.takeIfDue(step: step, model: loop.model) {
                try tensorBoard.took(taken)
            }
            guard step % training.logEvery == 0 || step == training.steps || diverged else {
                try checkpoints.saveIfDue(step: step, loop: loop, log: log)
                continue
            }
            let cells = evaluation.cells(step: step, model: loop.model, diverged: diverged)
            let shown = try log.logRow(step: step, of: training.steps, model: loop.model, evaluationCells: cells,
                                       tensorBoard: tensorBoard, trainedSteps: step - firstStep + 1,
                                       started: checkpoints.started)
            progress?(shown)
            if diverged { return .diverged(step: step) }
            try checkpoints.saveIfDue(step: step, loop: loop, log: log)
        }
        return .completed
    }
}
