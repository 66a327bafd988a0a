import AAEExperiment
import ArgumentParser
import Foundation

/// `aae-run sweep --launcher slurm`: submits a planned sweep as job arrays
/// and a collect job, prints their ids, and returns, or with `wait` follows
/// the jobs until they have all ended and exits with the sweep's status.
enum SlurmSweepExecution {
    static func run(_ plan: SweepPlan, options: SlurmSubmissionOptions, dryRun: Bool, wait: Bool) throws {
        try options.validate()
        let cluster = dryRun ? (try? SlurmClusterConfig.query()) ?? SlurmClusterConfig() : try SlurmClusterConfig.query()
        let submission = SlurmSubmission(plan: plan, options: options, cluster: cluster)
        let arrays = submission.arrays
        print("\(plan.name): \(plan.runs.count) run\(plan.runs.count == 1 ? "" : "s") → \(plan.outputDirectory.relativePath) "
              + "(\(submission.shardCount) SLURM task\(submission.shardCount == 1 ? "" : "s") of \(options.runsPerTask) run"
              + "\(options.runsPerTask == 1 ? "" : "s") in \(arrays.count) arra\(arrays.count == 1 ? "y" : "ys"), "
              + "MaxArraySize \(cluster.maxArraySize))")
        if dryRun {
            print(plan.listing)
            print("\n# \(FrozenSweep.folderName)/\(SlurmBatchScript.taskFileName)\n" + submission.scripts.task)
            print("# \(FrozenSweep.folderName)/\(SlurmBatchScript.collectFileName)\n" + submission.scripts.collect)
            print("# submitted with\n" + submission.commandLines.joined(separator: "\n"))
            return
        }
        let jobs = try submission.submit()
        for (jobID, array) in jobs.arrays {
            print("array \(jobID): shards \(array.firstShard)-\(array.firstShard + array.taskCount - 1)")
        }
        print("collect \(jobs.collectJobID) (after every array has ended)")
        print("jobs: \(FrozenSweep.folder(of: plan.outputDirectory).appendingPathComponent(SlurmJobs.fileName).relativePath)")
        fflush(stdout)
        guard wait else { return }
        try SlurmQueue.wait(for: jobs.allJobIDs)
        let outcome = SweepCollection.outcome(plan)
        print(outcome.text)
        if outcome.exitCode != 0 { throw ExitCode(outcome.exitCode) }
    }
}
