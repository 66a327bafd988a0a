import AAEExperiment
import ArgumentParser
import Foundation

/// `aae-run run FILE`: one training run of an experiment file.
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Train one experiment and write metrics.csv and plots.",
        discussion: """
            A folder that holds a run of another experiment (another `name` in its config.resolved.yaml) is \
            refused unless --overwrite is given; a run of the same experiment replaces the earlier one, whose \
            figures and evaluation are removed first. A run that fails once it has started writes status.csv \
            with the reason.
            """)

    @Argument(help: "The experiment file (YAML).")
    var file: String

    @Option(name: .long, help: "The folder to write results to (default: results/<name>/seed=<seed>).")
    var out: String?

    @Option(name: .customLong("set"), help: ArgumentHelp(
        "Override a key of the file, e.g. --set training.steps=200 (repeatable).", valueName: "key.path=value"))
    var overrides: [String] = []

    @Option(name: .customLong("unset"), help: ArgumentHelp(
        "Reset a key to its default as if the file did not give it, e.g. --unset training.epochs (repeatable; "
            + "applied after --set).", valueName: "key.path"))
    var unsets: [String] = []

    @Option(name: .long, help: "The random seed (overrides the file's `seed`).")
    var seed: UInt64?

    @Option(name: .customLong("data-dir"), help: "Where datasets are (default: $AAE_DATA_DIR, else ./data).")
    var dataDirectory: String?

    @Flag(name: .long, help: "Print no progress (neither lines nor the terminal bar), only the final summary.")
    var quiet = false

    @Flag(name: .long, help: ArgumentHelp(
        "Replace the run of another experiment that the output folder holds (without it, such a folder is refused).",
        discussion: "The earlier run's metrics, evaluation, figures and checkpoint are removed before training."))
    var overwrite = false

    @Option(name: .long, help: ThreadsHelp.text)
    var threads: Int?

    @Option(name: .customLong("memory-limit"), help: ArgumentHelp(
        "The most memory the run may need, e.g. 8GB or 512MB, or none (default: 80% of the machine's memory); "
        + "a run estimated above it is refused before it starts.", valueName: "size"))
    var memoryLimit: String?

    func run() throws {
        try CommandLineFailure.checkThreads(threads)
        try CommandLineFailure.reporting {
            var all = try Override.commandLine(set: overrides, unset: unsets)
            if let seed { all.append(Override(keyPath: ["seed"], value: String(seed))) }
            let experiment = try ExperimentReader.load(path: file, overrides: all)
            if experiment.sweep != nil {
                let plan = try SweepPlan.load(path: file, overrides: all, outputDirectory: out)
                return try SweepExecution.run(plan, jobs: nil, threads: threads, dataDirectory: dataDirectory,
                                             memoryLimit: memoryLimit)
            }
            do {
                try SingleRunExecution.run(experiment, options: RunOptions(
                    outputDirectory: out, dataDirectory: dataDirectory, quiet: quiet,
                    threads: threads ?? RunOptions.availableCores, overwrite: overwrite),
                    memoryLimit: memoryLimit)
            } catch let error as RunError {
                guard let keyPath = error.keyPath else { throw error }
                throw ConfigErrors([ExperimentReader.diagnostic(error.message, at: keyPath, in: file, overrides: all)])
            }
        }
    }
}
