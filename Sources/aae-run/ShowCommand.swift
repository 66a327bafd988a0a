import AAEExperiment
import ArgumentParser

/// `aae-run show FILE`: prints the experiment as it would run.
struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Print the fully resolved experiment as YAML.",
        discussion: """
            Prints every key with its value — defaults filled in, `extends` and --set applied — in the \
            schema's order. This is the text each run saves as config.resolved.yaml, and reading it back \
            gives the same experiment.
            """)

    @Argument(help: "The experiment file (YAML).")
    var file: String

    @Option(name: .customLong("set"), help: ArgumentHelp(
        "Override a key of the file, e.g. --set training.steps=200 (repeatable).", valueName: "key.path=value"))
    var overrides: [String] = []

    @Option(name: .customLong("unset"), help: ArgumentHelp(
        "Reset a key to its default as if the file did not give it, e.g. --unset training.epochs (repeatable; "
            + "applied after --set).", valueName: "key.path"))
    var unsets: [String] = []

    func run() throws {
        try CommandLineFailure.reporting {
            let experiment = try ExperimentReader.load(path: file, overrides: Override.commandLine(set: overrides, unset: unsets))
            print(resolvedYAML(experiment), terminator: "")
        }
    }
}
