import Foundation

/// How to carry out a sweep, as chosen on the command line.
public struct SweepOptions: Sendable {
    /// Runs trained side by side.
    public var jobs: Int
    /// The threads each run computes on (1 by default: one run per core); results do not depend on it.
    public var threadsPerRun: Int
    /// Where datasets are; `$AAE_DATA_DIR` or `./data` when nil.
    public var dataDirectory: String?
    /// When requested, running runs checkpoint and stop, and no new run starts.
    public var stopRequest: StopRequest?
    /// Every run stops as if interrupted after this step (for tests).
    public var stopAfterStep: Int?
    /// Train only this block of the runs, leaving the sweep's summary alone (a SLURM array task).
    public var shard: SweepShard?

    /// One job per core.
    public static var defaultJobs: Int { ProcessInfo.processInfo.activeProcessorCount }

    public init(jobs: Int = SweepOptions.defaultJobs, threadsPerRun: Int = 1, dataDirectory: String? = nil, stopRequest: StopRequest? = nil,
                stopAfterStep: Int? = nil, shard: SweepShard? = nil) {
        self.jobs = jobs
        self.threadsPerRun = threadsPerRun
        self.dataDirectory = dataDirectory
        self.stopRequest = stopRequest
        self.stopAfterStep = stopAfterStep
        self.shard = shard
    }
}
