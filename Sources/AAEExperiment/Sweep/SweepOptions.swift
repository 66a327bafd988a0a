import Foundation

/// How to carry out a sweep, as chosen on the command line.
public struct SweepOptions: Sendable {
    /// Runs trained side by side; each uses one BLAS thread (see `SweepRunner`).
    public var jobs: Int
    /// Where datasets are; `$AAE_DATA_DIR` or `./data` when nil.
    public var dataDirectory: String?
    /// When requested, running runs checkpoint and stop, and no new run starts.
    public var stopRequest: StopRequest?
    /// Every run stops as if interrupted after this step (for tests).
    public var stopAfterStep: Int?

    /// One job per core.
    public static var defaultJobs: Int { ProcessInfo.processInfo.activeProcessorCount }

    public init(jobs: Int = SweepOptions.defaultJobs, dataDirectory: String? = nil, stopRequest: StopRequest? = nil,
                stopAfterStep: Int? = nil) {
        self.jobs = jobs
        self.dataDirectory = dataDirectory
        self.stopRequest = stopRequest
        self.stopAfterStep = stopAfterStep
    }
}
