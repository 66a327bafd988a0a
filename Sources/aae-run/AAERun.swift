import ArgumentParser

/// The `aae-run` command: describe autoencoder experiments in YAML and run them.
@main
struct AAERun: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "aae-run",
        abstract: "Train autoencoder experiments described in YAML files.",
        discussion: """
            `aae-run FILE.yaml` is the same as `aae-run run FILE.yaml`.
            Results go to results/<experiment name>/seed=<seed> unless --out is given.
            """,
        subcommands: [RunCommand.self, SweepCommand.self, ResumeCommand.self, EvalCommand.self, ExportCommand.self, ValidateCommand.self, ShowCommand.self, DiffCommand.self, IndexCommand.self, TableCommand.self],
        defaultSubcommand: RunCommand.self)
}
