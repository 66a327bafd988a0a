import Foundation

/// The array task this process runs as, from the environment Slurm gives a
/// batch job: its job id and how many times it has been requeued.
public struct SlurmTask: Sendable, Equatable {
    /// The task's own job id (each array task has one; `scontrol requeue` takes it).
    public let jobID: String
    /// `SLURM_RESTART_COUNT`: 0 on the first start, n after n requeues.
    public let restartCount: Int

    /// The task of `environment`; nil outside a Slurm job.
    public init?(environment: [String: String] = ProcessInfo.processInfo.environment) {
        guard let id = environment["SLURM_JOB_ID"], !id.isEmpty else { return nil }
        jobID = id
        restartCount = Int(environment["SLURM_RESTART_COUNT"] ?? "") ?? 0
    }

    /// Whether the task may requeue itself once more under a bound of `maxRequeues`.
    public func mayRequeue(maxRequeues: Int) -> Bool { restartCount < maxRequeues }

    /// Puts this task back in the queue (`scontrol requeue`): Slurm ends the
    /// running process and starts the task again later, which resumes from
    /// the checkpoints.
    public func requeue() throws {
        _ = try SlurmCommand.run("scontrol", ["requeue", jobID])
    }
}
