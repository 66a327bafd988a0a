import Foundation

/// The two batch scripts of a sweep on SLURM, kept in `<out>/.slurm/` for
/// the user to read: `task.sbatch`, run by every array task on its shard, and
/// `collect.sbatch`, which rebuilds summary.csv once every task has ended.
///
/// Both `exec` aae-run, so that the signals Slurm sends the batch shell
/// (SIGTERM, the SIGUSR1 ahead of the time limit) reach aae-run itself.
public struct SlurmBatchScript: Sendable {
    public static let taskFileName = "task.sbatch"
    public static let collectFileName = "collect.sbatch"
    static let logFolderName = "logs"

    public let plan: SweepPlan
    public let options: SlurmSubmissionOptions
    public let shardCount: Int

    public init(plan: SweepPlan, options: SlurmSubmissionOptions, shardCount: Int) {
        self.plan = plan
        self.options = options
        self.shardCount = shardCount
    }

    var directory: String { plan.outputDirectory.standardizedFileURL.path }
    var slurmFolder: String { FrozenSweep.folder(of: plan.outputDirectory.standardizedFileURL).path }
    var logFolder: String { slurmFolder + "/" + Self.logFolderName }

    /// The script of the array tasks; its one argument is the array's first shard.
    public var task: String {
        let runs = "\(plan.runs.count) run\(plan.runs.count == 1 ? "" : "s")"
        var lines = [
            "#!/bin/bash",
            "# \(plan.name): \(runs) of the sweep frozen in \(slurmFolder)/\(FrozenSweep.planFileName),",
            "# \(options.runsPerTask) per array task (\(shardCount) shard\(shardCount == 1 ? "" : "s")). Written by `aae-run sweep --launcher slurm`",
            "# and submitted once per array as `sbatch --array=0-<tasks-1> \(slurmFolder)/\(Self.taskFileName) <first shard>`",
            "# (the arrays and their job ids are in \(slurmFolder)/\(SlurmJobs.fileName)).",
            "# Task i trains shard <first shard>+i: runs that ended are skipped, the others continue from their",
            "# checkpoints. SIGTERM (scancel, preemption, the time limit) checkpoints the runs and ends the task;",
            "# SIGUSR1, sent \(options.signalAheadSeconds) s ahead of the time limit, checkpoints them and requeues the task",
            "# (at most \(options.maxRequeues) times).",
            "#SBATCH --job-name=aae-\(plan.name)",
            "#SBATCH --output=\(logFolder)/%A_%a.out",
            "#SBATCH --open-mode=append",
            "#SBATCH --requeue",
            "#SBATCH --signal=B:USR1@\(options.signalAheadSeconds)",
            "#SBATCH --chdir=\(options.workingDirectory)",
        ]
        if let time = options.timeLimit { lines.append("#SBATCH --time=\(time)") }
        lines += options.sbatchArguments.map { "#SBATCH \($0)" }
        var command = [Self.quoted(options.executable), "resume", Self.quoted(directory),
                       "--shard", "\"$shard/\(shardCount)\"", "--jobs", "\"${SLURM_CPUS_PER_TASK:-1}\"",
                       "--max-requeues", String(options.maxRequeues)]
        if let data = options.dataDirectory { command += ["--data-dir", Self.quoted(data)] }
        lines += ["set -u",
                  "shard=$(( ${1:?the first shard of this array} + SLURM_ARRAY_TASK_ID ))",
                  "# A SIGUSR1 that comes before aae-run has its handler must not end the task (bash's default",
                  "# action): ignored until then (the disposition survives exec; aae-run installs its own).",
                  "trap '' USR1",
                  "exec " + command.joined(separator: " ")]
        return lines.joined(separator: "\n") + "\n"
    }

    /// The script of the collect job, submitted to start once every array has ended (`afterany`).
    public var collect: String {
        var lines = [
            "#!/bin/bash",
            "# \(plan.name): rebuilds \(directory)/summary.csv and the sweep's figures from the runs' own",
            "# records once every array task has ended, however it ended. Its exit status is the sweep's:",
            "# 0 every run completed, 1 some failed, 3 some diverged, 130 some unfinished.",
            "#SBATCH --job-name=aae-\(plan.name)-collect",
            "#SBATCH --output=\(logFolder)/collect_%j.out",
            "#SBATCH --open-mode=append",
            "#SBATCH --chdir=\(options.workingDirectory)",
        ]
        lines += options.sbatchArguments.map { "#SBATCH \($0)" }
        lines.append("exec \(Self.quoted(options.executable)) collect \(Self.quoted(directory))")
        return lines.joined(separator: "\n") + "\n"
    }

    /// `text` as one shell word.
    static func quoted(_ text: String) -> String {
        let plain = text.allSatisfy { $0.isLetter || $0.isNumber || "/._-+=:,@".contains($0) }
        return plain ? text : "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
