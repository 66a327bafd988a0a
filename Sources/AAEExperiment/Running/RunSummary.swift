import AAECore
import AAEReport

/// The text printed on stdout when a run ends.
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
        for (name, value) in result.finalMetrics where name != "step" {
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
