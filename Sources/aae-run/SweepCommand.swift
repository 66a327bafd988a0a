import AAEExperiment
import ArgumentParser

/// `aae-run sweep FILE`: every run of the file's `sweep:` section, in parallel.
struct SweepCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sweep",
        abstract: "Train every run of an experiment file's sweep, several at a time.",
        discussion: """
            Expands the file's `sweep:` section (grid, zip, random, seeds), checks every run against the \
            schema, then trains the runs, each in <out>/<run id>/, with one BLAS thread per run so that \
            results do not depend on --jobs. <out>/summary.csv has one row per run and is updated as runs \
            end; <out>/sweep.resolved.yaml holds the sweep (--set applied) that `resume` expands again. \
            Running the same sweep again (or `aae-run resume <out>`) skips runs that ended and \
            continues the others from their checkpoints. Ctrl-C stops the runs at a step boundary with a \
            checkpoint. Exit status: 0 all completed, 1 some failed, 3 some diverged, 130 interrupted.
            """)

    @Argument(help: "The experiment file (YAML) with a `sweep:` section.")
    var file: String

    @Option(name: .long, help: "Runs trained at once, at least 1 (default: the number of cores).")
    var jobs: Int?

    @Option(name: .long, help: "The sweep's folder (default: results/<name>).")
    var out: String?

    @Option(name: .customLong("set"), help: ArgumentHelp(
        "Override a key of the file in every run, e.g. --set training.steps=200 (repeatable).", valueName: "key.path=value"))
    var overrides: [String] = []

    @Option(name: .customLong("unset"), help: ArgumentHelp(
        "Reset a key to its default as if the file did not give it, e.g. --unset training.epochs (repeatable; "
            + "applied after --set).", valueName: "key.path"))
    var unsets: [String] = []

    @Flag(name: .customLong("dry-run"), help: "List the run ids and their overrides; train nothing.")
    var dryRun = false

    @Option(name: .customLong("data-dir"), help: "Where datasets are (default: $AAE_DATA_DIR, else ./data).")
    var dataDirectory: String?

    func run() throws {
        try CommandLineFailure.checkJobs(jobs)
        try CommandLineFailure.reporting {
            let plan = try SweepPlan.load(path: file, overrides: Override.commandLine(set: overrides, unset: unsets), outputDirectory: out)
            try SweepExecution.run(plan, jobs: jobs, dataDirectory: dataDirectory, dryRun: dryRun)
        }
    }
}
