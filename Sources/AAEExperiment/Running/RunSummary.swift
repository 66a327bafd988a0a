import AAECore
import AAEReport

/// The text printed on stdout when a run ends: the last logged training
/// metrics, then the held-out evaluation (a metric both report is shown once,
/// under the evaluation).
public struct RunSummary {
    public let experiment: Experiment
    public let result: RunResult

    public init(experiment: Experiment, result: RunResult) {
        self.experiment = experiment
        self.result = result
    }

    public var text: String {
        var lines = ["\(experiment.name): \(ending) (\(CSVFormat.float(result.stepsPerSecond)) steps/s)"]
        lines.append("data: \(result.dataDescription)")
        let evaluated = Set(result.evaluation.map(\.name))
        for (name, value) in result.finalMetrics where name != "step" && !evaluated.contains(name) {
            lines.append("  \(name.padding(toLength: 18, withPad: " ", startingAt: 0)) \(CSVFormat.float(value))")
        }
        if !result.evaluation.isEmpty { lines.append("evaluation (held-out):") }
        for metric in result.evaluation {
            let error = metric.standardError.map { " ± \(CSVFormat.float($0))" } ?? ""
            lines.append("  \(metric.name.padding(toLength: 22, withPad: " ", startingAt: 0)) \(CSVFormat.float(metric.value))\(error)")
        }
        lines.append("results: \(result.outputDirectory.path)")
        return lines.joined(separator: "\n")
    }

    /// How far the run got: "completed after 300 steps", "diverged at step 2 of
    /// 300 steps", "interrupted after step 120 of 5 epochs" — the steps done, of the planned length.
    private var ending: String {
        let length = experiment.training.epochs.map { "\($0) epochs" } ?? "\(experiment.training.steps) steps"
        switch result.status {
        case .completed: return "completed after \(length)"
        case .diverged(let step): return "diverged at step \(step) of \(length)"
        case .interrupted(let step): return "interrupted after step \(step) of \(length)"
        }
    }
}
