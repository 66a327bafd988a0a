import AAEExperiment
import ArgumentParser

/// `aae-run sweep FILE`: every run of the file's `sweep:` section, in parallel.
struct SweepCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sweep",
        abstract: "Train every run of an experiment file's sweep, several at a time.",
        discussion: """
            Expands the file's `sweep:` section (grid, zip, random, seeds), checks every run against the \
            schema, then trains the runs, each in <out>/<run id>/, on one thread per run by default \
            (--threads); results depend neither on --jobs nor on --threads. <out>/summary.csv has one row per run and is updated as runs \
            end; <out>/sweep.resolved.yaml holds the sweep (--set applied) that `resume` expands again. \
            Running the same sweep again (or `aae-run resume <out>`) skips runs that ended and \
            continues the others from their checkpoints. Ctrl-C stops the runs at a step boundary with a \
            checkpoint. Exit status: 0 all completed, 1 some failed, 3 some diverged, 130 interrupted.

            With --launcher slurm the runs train on a SLURM cluster instead: the sweep is checked and frozen \
            in <out>/.slurm/, submitted as job arrays (one task per run, or --runs-per-task K) plus a collect job \
            that writes summary.csv once every task has ended, and the command returns with the job ids \
            (or follows them with --wait). <out> must be on a filesystem the nodes share, with working file \
            locks. See docs/slurm.md.
            """)

    /// Where the runs train.
    enum Launcher: String, ExpressibleByArgument, CaseIterable {
        case local, slurm
    }

    @Argument(help: "The experiment file (YAML) with a `sweep:` section.")
    var file: String

    @Option(name: .long, help: "Runs trained at once, at least 1 (default: the number of cores); local launcher only.")
    var jobs: Int?

    @Option(name: .long, help: ThreadsHelp.text)
    var threads: Int?

    @Option(name: .long, help: ArgumentHelp(
        "Where the runs train: local (this machine) or slurm (job arrays on a SLURM cluster, submitted with sbatch).",
        valueName: "local|slurm"))
    var launcher: Launcher = .local

    @Option(name: .customLong("runs-per-task"), help: ArgumentHelp(
        "slurm: runs each array task trains, one after another (packs short runs; default 1).", valueName: "K"))
    var runsPerTask = 1

    @Option(name: .customLong("max-parallel"), help: ArgumentHelp(
        "slurm: at most P array tasks at once (sbatch --array=...%P); several arrays then run one after another.",
        valueName: "P"))
    var maxParallel: Int?

    @Option(name: .long, help: ArgumentHelp(
        "slurm: each task's time limit, as sbatch --time takes it (e.g. 2:00:00; default: the partition's).",
        valueName: "T"))
    var time: String?

    @Option(name: .customLong("signal-ahead"), help: ArgumentHelp(
        "slurm: seconds before the time limit at which a task checkpoints and requeues itself (SIGUSR1).",
        valueName: "S"))
    var signalAhead = SlurmSubmissionOptions.defaultSignalAheadSeconds

    @Option(name: .customLong("max-requeues"), help: ArgumentHelp(
        "slurm: times a task may requeue itself at its time limit; then it checkpoints and ends.", valueName: "N"))
    var maxRequeues = SlurmSubmissionOptions.defaultMaxRequeues

    @Option(name: .customLong("sbatch-arg"), parsing: .unconditionalSingleValue, help: ArgumentHelp(
        "slurm: a line added to the batch scripts as #SBATCH ARG, e.g. --sbatch-arg --account=lab "
            + "--sbatch-arg --partition=gpu (repeatable).", valueName: "ARG"))
    var sbatchArguments: [String] = []

    @Flag(name: .long, help: "slurm: follow the jobs until every one has ended, then exit with the sweep's status.")
    var wait = false

    @Option(name: .long, help: "The sweep's folder (default: results/<name>).")
    var out: String?

    @Option(name: .customLong("set"), help: ArgumentHelp(
        "Override a key of the file in every run, e.g. --set training.steps=200 (repeatable).", valueName: "key.path=value"))
    var overrides: [String] = []

    @Option(name: .customLong("unset"), help: ArgumentHelp(
        "Reset a key to its default as if the file did not give it, e.g. --unset training.epochs (repeatable; "
            + "applied after --set).", valueName: "key.path"))
    var unsets: [String] = []

    @Flag(name: .customLong("dry-run"), help: ArgumentHelp(
        "List the run ids and their overrides; train nothing (slurm: also print the batch scripts and sbatch lines, submit nothing)."))
    var dryRun = false

    @Option(name: .customLong("data-dir"), help: "Where datasets are (default: $AAE_DATA_DIR, else ./data).")
    var dataDirectory: String?

    @Option(name: .customLong("memory-limit"), help: ArgumentHelp(
        "The most memory the runs trained at once may need together, e.g. 8GB, or none (default: 80% of the "
        + "machine's memory); a sweep estimated above it is refused before any run starts.", valueName: "size"))
    var memoryLimit: String?

    func validate() throws {
        guard launcher == .local else {
            if jobs != nil { throw ValidationError("--jobs is for the local launcher; with slurm, each task trains its runs") }
            if threads != nil { throw ValidationError("--threads is for the local launcher; with slurm, each run uses one") }
            return
        }
        let slurmOnly = [("--runs-per-task", runsPerTask != 1), ("--max-parallel", maxParallel != nil), ("--time", time != nil),
                         ("--signal-ahead", signalAhead != SlurmSubmissionOptions.defaultSignalAheadSeconds),
                         ("--max-requeues", maxRequeues != SlurmSubmissionOptions.defaultMaxRequeues),
                         ("--sbatch-arg", !sbatchArguments.isEmpty), ("--wait", wait)]
        if let flag = slurmOnly.first(where: \.1) { throw ValidationError("\(flag.0) needs --launcher slurm") }
    }

    func run() throws {
        try CommandLineFailure.checkJobs(jobs)
        try CommandLineFailure.checkThreads(threads)
        try CommandLineFailure.reporting {
            let plan = try SweepPlan.load(path: file, overrides: Override.commandLine(set: overrides, unset: unsets), outputDirectory: out)
            switch launcher {
            case .local:
                try SweepExecution.run(plan, jobs: jobs, threads: threads, dataDirectory: dataDirectory, dryRun: dryRun,
                                       memoryLimit: memoryLimit)
            case .slurm:
                let options = SlurmSubmissionOptions(
                    runsPerTask: runsPerTask, maxParallel: maxParallel, timeLimit: time, signalAheadSeconds: signalAhead,
                    maxRequeues: maxRequeues, sbatchArguments: sbatchArguments, dataDirectory: dataDirectory)
                try SlurmSweepExecution.run(plan, options: options, dryRun: dryRun, wait: wait)
            }
        }
    }
}
