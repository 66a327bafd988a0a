import AAECore
import AAEReport
import Foundation

/// How to carry out one run of an experiment, as chosen on the command line.
public struct RunOptions: Sendable {
    /// Where the run writes its results; `results/<name>/<run id>` when nil.
    public var outputDirectory: String?
    /// Where datasets are; `$AAE_DATA_DIR` or `./data` when nil.
    public var dataDirectory: String?
    /// Suppresses the per-log-step progress lines.
    public var quiet: Bool
    /// The threads the run computes on (its `WorkerPool`: its own and
    /// `threads − 1` workers). A speed setting only: products are cut into the
    /// same blocks on any number of threads, so results do not depend on it.
    public var threads: Int
    /// Continue from the checkpoint in the output folder, when there is one.
    public var resume: Bool
    /// Replace the run of another experiment that the output folder holds
    /// (without it, such a folder is refused and left as it is).
    public var overwrite: Bool
    /// Checked before every step: when requested, the run writes a checkpoint and ends `interrupted`.
    public var stopRequest: StopRequest?
    /// Ends the run as an interruption would once this step is done (for tests and time-boxed jobs).
    public var stopAfterStep: Int?
    /// The run's value of each swept key when it is a run of a sweep: its TensorBoard
    /// event file then opens an HParams session with them. Empty for a single run.
    public var hyperparameters: [(name: String, value: HParamValue)]
    /// The run is refused, before its data is loaded, when its memory estimate is above
    /// this budget; nil: no check.
    public var memoryBudget: MemoryBudget?

    public init(outputDirectory: String? = nil, dataDirectory: String? = nil, quiet: Bool = false,
                threads: Int = RunOptions.availableCores, resume: Bool = false, stopRequest: StopRequest? = nil,
                stopAfterStep: Int? = nil, overwrite: Bool = false,
                hyperparameters: [(name: String, value: HParamValue)] = []) {
        self.outputDirectory = outputDirectory
        self.dataDirectory = dataDirectory
        self.quiet = quiet
        self.threads = threads
        self.resume = resume
        self.stopRequest = stopRequest
        self.stopAfterStep = stopAfterStep
        self.overwrite = overwrite
        self.hyperparameters = hyperparameters
    }

    /// The cores this process may use: the default thread count of a single run.
    public static var availableCores: Int { max(1, ProcessInfo.processInfo.activeProcessorCount) }
}
