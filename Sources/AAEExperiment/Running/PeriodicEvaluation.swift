import AAECore
import AAEReport

/// The evaluation during training (`training.eval_every`): the evaluation metrics that
/// metrics.csv does not already have, as extra columns filled at every `eval_every`-th
/// step and at the last (empty at the other log steps and at a diverged step). The
/// evaluation of the last step is kept for eval.csv, which then needs no second one.
struct PeriodicEvaluation {
    /// The extra metrics.csv columns; none without `eval_every`.
    let columns: [String]
    private let evaluator: RunEvaluator
    private let every: Int
    private let steps: Int
    private var latest: (step: Int, metrics: [Metric])?

    init(evaluator: RunEvaluator, model: TrainableModel, logged: [String], training: TrainingSpec) {
        self.evaluator = evaluator
        every = training.evalEvery
        steps = training.steps
        columns = every > 0 ? evaluator.metricNames(for: model).filter { !logged.contains($0) } : []
    }

    /// The cells of the extra columns in the row of `step`, evaluating `model` when due.
    mutating func cells(step: Int, model: TrainableModel, diverged: Bool) -> [String] {
        guard !columns.isEmpty else { return [] }
        if !diverged, step % every == 0 || step == steps { latest = (step, evaluator.evaluate(model)) }
        let current = latest?.step == step ? latest?.metrics : nil
        return columns.map { name in current?.first { $0.name == name }.map { CSVFormat.float($0.value) } ?? "" }
    }

    /// The evaluation made at `step`, if there was one.
    func evaluation(at step: Int) -> [Metric]? {
        latest?.step == step ? latest?.metrics : nil
    }
}
