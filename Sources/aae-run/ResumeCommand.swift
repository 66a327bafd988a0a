import AAEExperiment
import AAEReport
import ArgumentParser
import Foundation

/// `aae-run resume DIR`: continues an interrupted sweep or run from its checkpoints.
struct ResumeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "resume",
        abstract: "Continue an interrupted sweep or run from its checkpoints.",
        discussion: """
            DIR is a sweep folder (it holds summary.csv): the sweep saved in its sweep.resolved.yaml is expanded \
            again and checked against the run folders as `aae-run sweep` does (a folder holding another \
            experiment's run is refused); runs that ended are skipped and the others continue from their last \
            checkpoint (or start). \
            Or DIR is a run folder (it holds config.resolved.yaml): the run continues from its checkpoint. \
            A resumed run writes the same metrics.csv as a run never interrupted. A folder that cannot be \
            continued (a corrupt checkpoint, one of other settings) is refused before any file changes.

            With --shard i/N (what a SLURM array task runs), DIR is a sweep frozen by `aae-run sweep \
            --launcher slurm`: only the i-th of N blocks of its runs trains, each locking only its own folder, \
            summary.csv is left to `aae-run collect`, a repeated SIGTERM still lets the checkpoints be \
            written, and SIGUSR1 checkpoints the runs and requeues the task (scontrol requeue).
            """)

    @Argument(help: ArgumentHelp("A sweep folder or a run folder.", valueName: "DIR"))
    var directory: String

    @Option(name: .long, help: "Runs trained at once, for a sweep, at least 1 (default: the number of cores).")
    var jobs: Int?

    @Option(name: .long, help: ThreadsHelp.text)
    var threads: Int?

    @Option(name: .long, help: ArgumentHelp(
        "Train only the i-th of N blocks of a frozen sweep's runs (0-based; a SLURM array task).", valueName: "i/N"))
    var shard: String?

    @Option(name: .customLong("max-requeues"), help: ArgumentHelp(
        "With --shard: times the task may requeue itself on SIGUSR1 (it compares SLURM_RESTART_COUNT).",
        valueName: "N"))
    var maxRequeues = SlurmSubmissionOptions.defaultMaxRequeues

    @Option(name: .customLong("data-dir"), help: "Where datasets are (default: $AAE_DATA_DIR, else ./data).")
    var dataDirectory: String?

    func run() throws {
        try CommandLineFailure.checkJobs(jobs)
        try CommandLineFailure.checkThreads(threads)
        try CommandLineFailure.reporting {
            let folder = URL(fileURLWithPath: directory, isDirectory: true)
            if let shard {
                return try SlurmTaskExecution.run(directory: folder, shard: SweepShard(parsing: shard), jobs: jobs,
                                                  threads: threads,
                                                  dataDirectory: dataDirectory, maxRequeues: maxRequeues)
            }
            if FileManager.default.fileExists(atPath: folder.appendingPathComponent("summary.csv").path) {
                try SweepExecution.run(SweepPlan.resuming(directory: folder), jobs: jobs, threads: threads,
                                       dataDirectory: dataDirectory)
            } else {
                let config = RunFolderLayout(folder).configuration.path
                let experiment = try ExperimentReader.load(path: config)
                try SingleRunExecution.run(experiment, options: RunOptions(
                    outputDirectory: directory, dataDirectory: dataDirectory,
                    threads: threads ?? RunOptions.availableCores, resume: true))
            }
        }
    }
}
