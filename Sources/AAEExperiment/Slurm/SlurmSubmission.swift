import AAEReport
import Foundation

/// Puts a validated sweep on a SLURM cluster: freezes it in `<out>/.slurm/`,
/// writes the two batch scripts there, submits one job array per
/// MaxArraySize tasks (`sbatch --parsable --array`), then the collect job,
/// which starts when every array has ended however it ended (`afterany`),
/// and records the job ids in `<out>/.slurm/jobs`.
///
/// SLURM schedules; each task is `aae-run resume <out> --shard i/N`. Submitting
/// the same sweep again resubmits every shard, and the tasks skip the runs
/// that have ended.
public struct SlurmSubmission {
    public let plan: SweepPlan
    public let options: SlurmSubmissionOptions
    public let cluster: SlurmClusterConfig

    public init(plan: SweepPlan, options: SlurmSubmissionOptions, cluster: SlurmClusterConfig) {
        self.plan = plan
        self.options = options
        self.cluster = cluster
    }

    /// One shard per `runsPerTask` runs.
    public var shardCount: Int { (plan.runs.count + options.runsPerTask - 1) / options.runsPerTask }

    public var arrays: [SlurmArray] { SlurmArray.split(shardCount: shardCount, maxArraySize: cluster.maxArraySize) }

    public var scripts: SlurmBatchScript { SlurmBatchScript(plan: plan, options: options, shardCount: shardCount) }

    /// The sbatch lines the submission runs, for `--dry-run` (`<array N>` stands for an array's job id).
    public var commandLines: [String] {
        let folder = scripts.slurmFolder
        var lines = arrays.enumerated().map { index, array in
            "sbatch --parsable --array=\(array.arraySpecification(maxParallel: options.maxParallel))"
                + (index > 0 && options.maxParallel != nil ? " --dependency=afterany:<array \(index)>" : "")
                + " \(folder)/\(SlurmBatchScript.taskFileName) \(array.firstShard)"
        }
        let all = arrays.indices.map { "<array \($0 + 1)>" }.joined(separator: ":")
        lines.append("sbatch --parsable --dependency=afterany:\(all) \(folder)/\(SlurmBatchScript.collectFileName)")
        return lines
    }

    /// Freezes, writes and submits; returns the jobs.
    /// - Throws: `SlurmError` when the folder's previous submission still has
    ///   jobs queued or running, or sbatch refuses a job (the arrays submitted
    ///   before it are then cancelled).
    public func submit() throws -> SlurmJobs {
        try options.validate()
        if let previous = SlurmJobs.read(in: plan.outputDirectory) {
            let left = try SlurmQueue.unfinished(previous.allJobIDs)
            guard left.isEmpty else {
                throw SlurmError("\(plan.outputDirectory.path) has jobs of an earlier submission still queued or running "
                                 + "(\(left.prefix(3).joined(separator: ", "))\(left.count > 3 ? ", ..." : "")); "
                                 + "wait for them or `scancel \(previous.allJobIDs.joined(separator: " "))`")
            }
        }
        try FileManager.default.createDirectory(at: plan.outputDirectory, withIntermediateDirectories: true)
        let folderLock = try FolderLock(directory: plan.outputDirectory)
        defer { folderLock.release() }
        try FrozenSweep.freeze(plan)
        let scripts = self.scripts
        let folder = FrozenSweep.folder(of: plan.outputDirectory)
        try FileManager.default.createDirectory(at: folder.appendingPathComponent(SlurmBatchScript.logFolderName),
                                                withIntermediateDirectories: true)
        let taskURL = folder.appendingPathComponent(SlurmBatchScript.taskFileName)
        let collectURL = folder.appendingPathComponent(SlurmBatchScript.collectFileName)
        try AtomicFile.write(scripts.task, to: taskURL)
        try AtomicFile.write(scripts.collect, to: collectURL)

        var submitted: [(jobID: String, array: SlurmArray)] = []
        do {
            for array in arrays {
                var arguments = ["--parsable", "--array=\(array.arraySpecification(maxParallel: options.maxParallel))"]
                if options.maxParallel != nil, let previous = submitted.last { arguments.append("--dependency=afterany:\(previous.jobID)") }
                submitted.append((try Self.sbatch(arguments + [taskURL.path, String(array.firstShard)]), array))
            }
            let dependency = "--dependency=afterany:" + submitted.map(\.jobID).joined(separator: ":")
            let collect = try Self.sbatch(["--parsable", dependency, collectURL.path])
            let jobs = SlurmJobs(arrays: submitted, collectJobID: collect)
            try jobs.write(in: plan.outputDirectory)
            return jobs
        } catch {
            if !submitted.isEmpty { _ = try? SlurmCommand.run("scancel", submitted.map(\.jobID)) }
            throw error
        }
    }

    /// Submits a job; its id (`--parsable` prints `id` or `id;cluster`).
    static func sbatch(_ arguments: [String]) throws -> String {
        let output = try SlurmCommand.run("sbatch", arguments)
        guard let id = output.split(separator: "\n").first?.split(separator: ";").first.map(String.init), !id.isEmpty else {
            throw SlurmError("sbatch printed no job id: \(output)")
        }
        return id
    }
}
