import AAEExperiment
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

            Exit status: 0 success; 1 an error (bad file, missing data, a refused folder, a failed run; \
            `validate`: an invalid file; `diff`: the inputs differ); 2 `diff` could not compare; 3 a run \
            diverged; 64 a usage error (unknown flag, missing or invalid argument); 130 interrupted by \
            SIGINT/SIGTERM (a checkpoint was written; continue with `aae-run resume`).
            """,
        version: AAERunVersion.current,
        subcommands: [RunCommand.self, SweepCommand.self, ResumeCommand.self, CollectCommand.self, EvalCommand.self, ExportCommand.self, ValidateCommand.self, ShowCommand.self, DiffCommand.self, IndexCommand.self, TableCommand.self],
        defaultSubcommand: RunCommand.self)
}
