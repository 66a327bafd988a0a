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

    func run() throws {
        var validations: [FileValidation] = []
        try CommandLineFailure.reporting {
            let parsed = try overrides.map(Override.init(parsing:))
            for file in files {
                let validation = FileValidation(path: file, overrides: parsed)
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
