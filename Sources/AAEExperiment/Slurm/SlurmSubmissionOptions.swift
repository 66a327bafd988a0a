import Foundation

/// How to put a sweep on a SLURM cluster, as chosen on the command line.
public struct SlurmSubmissionOptions: Sendable {
    /// Runs one array task trains, one after another (or side by side with `--cpus-per-task`).
    public var runsPerTask: Int
    /// At most this many tasks of an array at once (`--array=...%P`); nil: as many as the cluster gives.
    public var maxParallel: Int?
    /// Each task's time limit, in any form `sbatch --time` takes; nil: the partition's.
    public var timeLimit: String?
    /// Seconds before the time limit at which Slurm sends SIGUSR1, so that a task checkpoints and requeues itself.
    public var signalAheadSeconds: Int
    /// A task requeues itself at most this many times; after that it checkpoints and ends.
    public var maxRequeues: Int
    /// Lines added to both scripts as `#SBATCH ARG` (account, partition, memory, ...).
    public var sbatchArguments: [String]
    /// Passed to the tasks as `--data-dir` (made absolute).
    public var dataDirectory: String?
    /// The aae-run the tasks run: this one, by its absolute path.
    public var executable: String
    /// The tasks' working folder (`--chdir`): where the sweep was submitted from.
    public var workingDirectory: String

    public static let defaultSignalAheadSeconds = 120
    public static let defaultMaxRequeues = 3

    public init(runsPerTask: Int = 1, maxParallel: Int? = nil, timeLimit: String? = nil,
                signalAheadSeconds: Int = SlurmSubmissionOptions.defaultSignalAheadSeconds,
                maxRequeues: Int = SlurmSubmissionOptions.defaultMaxRequeues, sbatchArguments: [String] = [],
                dataDirectory: String? = nil, executable: String = SlurmSubmissionOptions.currentExecutable,
                workingDirectory: String = FileManager.default.currentDirectoryPath) {
        self.runsPerTask = runsPerTask
        self.maxParallel = maxParallel
        self.timeLimit = timeLimit
        self.signalAheadSeconds = signalAheadSeconds
        self.maxRequeues = maxRequeues
        self.sbatchArguments = sbatchArguments
        self.dataDirectory = dataDirectory.map { URL(fileURLWithPath: $0).standardizedFileURL.path }
        self.executable = executable
        self.workingDirectory = workingDirectory
    }

    /// The absolute path of the running program.
    public static var currentExecutable: String {
        (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
            ?? URL(fileURLWithPath: CommandLine.arguments[0]).standardizedFileURL.path
    }

    /// - Throws: `SlurmError` naming the flag when a value is out of range.
    public func validate() throws {
        guard runsPerTask >= 1 else { throw SlurmError("--runs-per-task \(runsPerTask): must be 1 or more") }
        if let maxParallel, maxParallel < 1 { throw SlurmError("--max-parallel \(maxParallel): must be 1 or more") }
        guard signalAheadSeconds >= 1 else { throw SlurmError("--signal-ahead \(signalAheadSeconds): must be 1 s or more") }
        guard maxRequeues >= 0 else { throw SlurmError("--max-requeues \(maxRequeues): must be 0 or more") }
        try checkSignalFitsTimeLimit()
    }

    /// A task whose time limit is not longer than `--signal-ahead` plus Slurm's
    /// earliness would be signalled as soon as it starts, and again after every requeue.
    private func checkSignalFitsTimeLimit() throws {
        guard let timeLimit, let seconds = try SlurmTimeLimit(timeLimit).seconds else { return }
        let needed = signalAheadSeconds + SlurmTimeLimit.signalEarliness
        guard seconds > needed else {
            throw SlurmError("--time \(timeLimit) gives each task \(seconds) s, but Slurm sends the --signal-ahead "
                             + "\(signalAheadSeconds) s signal up to \(SlurmTimeLimit.signalEarliness) s early, so a task "
                             + "would be signalled as it starts; give a --time over \(needed) s or a smaller --signal-ahead")
        }
    }
}
