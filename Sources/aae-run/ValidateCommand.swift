import AAEExperiment
import ArgumentParser

/// `aae-run validate FILE...`: checks experiment files without training.
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check experiment files without training.",
        discussion: """
            For each valid file, prints each network's layers with output shapes and parameter counts \
            (as Keras' model.summary()) and the totals; for each invalid file, every error as \
            file:line:column: error: key.path: message. A sweep file is checked run by run, as \
            `sweep --dry-run` does. Exit status 0 when every file is valid, 1 otherwise.
            """)

    @Argument(help: ArgumentHelp("The experiment files (YAML).", valueName: "FILE"))
    var files: [String]

    @Option(name: .customLong("set"), help: ArgumentHelp(
        "Override a key of every file, e.g. --set training.steps=200 (repeatable).", valueName: "key.path=value"))
    var overrides: [String] = []

    @Option(name: .customLong("unset"), help: ArgumentHelp(
        "Reset a key to its default as if the file did not give it, e.g. --unset training.epochs (repeatable; "
            + "applied after --set).", valueName: "key.path"))
    var unsets: [String] = []

    @Option(name: .customLong("data-dir"), help: ArgumentHelp(
        "Where datasets are (default: $AAE_DATA_DIR, else ./data); the training-set size of mnist and fashion_mnist is read from there.",
        valueName: "dir"))
    var dataDirectory: String?

    func run() throws {
        var validations: [FileValidation] = []
        try CommandLineFailure.reporting {
            let parsed = try Override.commandLine(set: overrides, unset: unsets)
            for file in files {
                let validation = FileValidation(path: file, overrides: parsed, dataDirectory: dataDirectory)
                if !validations.isEmpty { print("") }
                print(validation.text, terminator: "")
                validations.append(validation)
            }
        }
        let invalid = validations.filter { !$0.isValid }.count
        if validations.count > 1 {
            print("\n\(validations.count - invalid) of \(validations.count) files valid")
        }
        if invalid > 0 { throw ExitCode.failure }
    }
}
