import AAECore
import AAEExperiment
import AAEReport
import ArgumentParser
import Foundation

/// `aae-run eval RUN_DIR`: evaluates a finished run again from its final checkpoint.
struct EvalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Evaluate a finished run again from its final checkpoint, rewriting eval.csv.",
        discussion: """
            Rebuilds the model from RUN_DIR/config.resolved.yaml, restores RUN_DIR/checkpoint.bin (written \
            when a run ends) and rewrites RUN_DIR/eval.csv. Only `eval` settings may be changed, e.g. \
            --set eval.knn_k=10 --set eval.parzen_samples=0.
            """)

    @Argument(help: ArgumentHelp("The folder of a finished run.", valueName: "RUN_DIR"))
    var directory: String

    @Option(name: .customLong("set"), help: ArgumentHelp(
        "Change an evaluation setting, e.g. --set eval.knn_k=10 (repeatable).", valueName: "eval.key=value"))
    var overrides: [String] = []

    @Option(name: .customLong("unset"), help: ArgumentHelp(
        "Reset an evaluation setting to its default as if the file did not give it, e.g. --unset eval.knn_k (repeatable; "
            + "applied after --set).", valueName: "key.path"))
    var unsets: [String] = []

    @Option(name: .customLong("data-dir"), help: "Where datasets are (default: $AAE_DATA_DIR, else ./data).")
    var dataDirectory: String?

    func run() throws {
        try CommandLineFailure.reporting {
            let parsed = try Override.commandLine(set: overrides, unset: unsets)
            if let other = parsed.first(where: { $0.keyPath.first != "eval" }) {
                throw ValidationError("`--set \(other)`: only eval settings can change when a run is evaluated again")
            }
            let layout = RunFolderLayout(URL(fileURLWithPath: directory))
            let config = layout.configuration.path
            let experiment = try ExperimentReader.load(path: config, overrides: parsed)
            let runner = ExperimentRunner(experiment: experiment,
                                          options: RunOptions(outputDirectory: directory, dataDirectory: dataDirectory))
            for metric in try runner.reevaluate() {
                let error = metric.standardError.map { " ± \(CSVFormat.float($0))" } ?? ""
                print("\(metric.name.padding(toLength: 22, withPad: " ", startingAt: 0)) \(CSVFormat.float(metric.value))\(error)")
            }
            print("wrote \(layout.evaluation.path)")
        }
    }
}
