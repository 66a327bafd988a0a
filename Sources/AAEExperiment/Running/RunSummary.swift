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
        let length = experiment.training.epochs.map { "\($0) epochs" } ?? "\(experiment.training.steps) steps"
        var lines = ["\(experiment.name): \(result.status) after \(length) "
                     + "(\(CSVFormat.float(result.stepsPerSecond)) steps/s)"]
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
}
