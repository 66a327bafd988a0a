import AAEExperiment
import AAEReport
import Foundation
import XCTest

/// The parts of a SLURM submission that need no cluster: shards, arrays,
/// the cluster's configuration, the batch scripts, the frozen sweep and the
/// collect step.
final class SlurmSubmissionTests: XCTestCase {
    func testShardsCoverEveryRunOnceInContiguousBlocksThatDifferByAtMostOne() throws {
        let blocks = try (0..<4).map { try SweepShard(index: $0, count: 4).runIndices(total: 7) }
        XCTAssertEqual(blocks, [0..<1, 1..<3, 3..<5, 5..<7])
        XCTAssertEqual(try SweepShard(parsing: "2/3"), try SweepShard(index: 2, count: 3))
        XCTAssertThrowsError(try SweepShard(parsing: "3/3"))
        XCTAssertThrowsError(try SweepShard(parsing: "1-3"))
        XCTAssertThrowsError(try SweepShard(index: 0, count: 5).runIndices(total: 4))
    }

    func testArraysAreSplitAtMaxArraySizeAllFullButTheLast() {
        XCTAssertEqual(SlurmArray.split(shardCount: 8, maxArraySize: 3),
                       [SlurmArray(firstShard: 0, taskCount: 3), SlurmArray(firstShard: 3, taskCount: 3),
                        SlurmArray(firstShard: 6, taskCount: 2)])
        XCTAssertEqual(SlurmArray.split(shardCount: 4, maxArraySize: 1001), [SlurmArray(firstShard: 0, taskCount: 4)])
        XCTAssertEqual(SlurmArray(firstShard: 3, taskCount: 3).arraySpecification(maxParallel: 2), "0-2%2")
    }

    func testMaxArraySizeIsReadFromScontrolShowConfig() {
        let text = "Configuration data as of 2026-12-01T10:00:00\nMaxArraySize            = 3\nMaxJobCount             = 10000\n"
        XCTAssertEqual(SlurmClusterConfig(scontrolOutput: text).maxArraySize, 3)
        XCTAssertEqual(SlurmClusterConfig(scontrolOutput: "").maxArraySize, SlurmClusterConfig.defaultMaxArraySize)
    }

    private func submission(_ options: SlurmSubmissionOptions, maxArraySize: Int = 1001) throws -> SlurmSubmission {
        let workspace = try SweepWorkspace()
        try workspace.write("sweep.yaml", tinySweepExperiment)
        return SlurmSubmission(plan: try workspace.plan("sweep.yaml", out: "out"), options: options,
                               cluster: SlurmClusterConfig(maxArraySize: maxArraySize))
    }

    func testTheTaskScriptExecsAaeRunOnItsShardWithTheSignalAheadAndTheUsersArguments() throws {
        let options = SlurmSubmissionOptions(runsPerTask: 3, timeLimit: "2:00:00", signalAheadSeconds: 300, maxRequeues: 2,
                                             sbatchArguments: ["--account=lab", "--partition=gpu"],
                                             dataDirectory: "/data dir", executable: "/opt/aae-run", workingDirectory: "/home/u")
        let submission = try submission(options)
        XCTAssertEqual(submission.shardCount, 2)
        let script = submission.scripts.task
        for line in ["#SBATCH --signal=B:USR1@300", "#SBATCH --time=2:00:00", "#SBATCH --requeue", "#SBATCH --open-mode=append",
                     "#SBATCH --account=lab", "#SBATCH --partition=gpu", "#SBATCH --chdir=/home/u",
                     "shard=$(( ${1:?the first shard of this array} + SLURM_ARRAY_TASK_ID ))", "trap '' USR1"] {
            XCTAssertTrue(script.contains(line + "\n"), "missing \(line) in\n\(script)")
        }
        let exec = try XCTUnwrap(script.split(separator: "\n").last)
        XCTAssertTrue(exec.hasPrefix("exec /opt/aae-run resume "), String(exec))
        XCTAssertTrue(exec.hasSuffix("--shard \"$shard/2\" --jobs \"${SLURM_CPUS_PER_TASK:-1}\" --max-requeues 2 --data-dir '/data dir'"),
                      String(exec))
        let collect = submission.scripts.collect
        XCTAssertTrue(collect.contains("#SBATCH --account=lab\n") && !collect.contains("--time"), collect)
        XCTAssertTrue(collect.hasSuffix("collect \(submission.plan.outputDirectory.standardizedFileURL.path)\n"), collect)
    }

    func testTimeLimitsAreReadInEveryFormSbatchTakes() throws {
        let forms: [(String, Int?)] = [("90", 5400), ("5:30", 330), ("2:00:00", 7200), ("1-12", 129_600),
                                       ("1-02:03", 93_780), ("0-00:02:05", 125), ("UNLIMITED", nil), ("infinite", nil)]
        for (text, seconds) in forms { XCTAssertEqual(try SlurmTimeLimit(text).seconds, seconds, text) }
        for text in ["", "1:2:3:4", "a", "-5", "1-2-3", "1:", "2h"] {
            XCTAssertThrowsError(try SlurmTimeLimit(text), text) { error in
                XCTAssertTrue("\(error)".contains("D-HH:MM:SS"), "\(error)")
            }
        }
    }

    func testATimeLimitThatSlurmsEarlySignalWouldReachAtTheStartIsRefusedWithTheFix() throws {
        let tooShort = SlurmSubmissionOptions(timeLimit: "1", signalAheadSeconds: 59)
        XCTAssertThrowsError(try tooShort.validate()) { error in
            XCTAssertEqual("\(error)", "--time 1 gives each task 60 s, but Slurm sends the --signal-ahead 59 s signal up to "
                           + "60 s early, so a task would be signalled as it starts; give a --time over 119 s or a smaller "
                           + "--signal-ahead")
        }
        XCTAssertNoThrow(try SlurmSubmissionOptions(timeLimit: "2", signalAheadSeconds: 50).validate())
        XCTAssertNoThrow(try SlurmSubmissionOptions(timeLimit: "unlimited", signalAheadSeconds: 50).validate())
    }

    func testTheCollectJobDependsOnEveryArrayAndMaxParallelChainsTheArrays() throws {
        let lines = try submission(SlurmSubmissionOptions(maxParallel: 2), maxArraySize: 3).commandLines
        XCTAssertEqual(lines.count, 3)
        XCTAssertTrue(lines[0].contains("--array=0-2%2") && lines[0].hasSuffix("task.sbatch 0"), lines[0])
        XCTAssertTrue(lines[1].contains("--array=0-0%2 --dependency=afterany:<array 1>") && lines[1].hasSuffix(" 3"), lines[1])
        XCTAssertTrue(lines[2].contains("--dependency=afterany:<array 1>:<array 2>"), lines[2])
    }

    func testAFrozenSweepKeepsItsRunsAndRefusesAnotherVersionOfTheFile() throws {
        let workspace = try SweepWorkspace()
        try workspace.write("sweep.yaml", tinySweepExperiment)
        let plan = try workspace.plan("sweep.yaml", out: "out")
        try FrozenSweep.freeze(plan)
        try workspace.write("sweep.yaml", tinySweepExperiment.replacingOccurrences(of: "[2, 3]", with: "[4, 2, 3]"))
        let frozen = try FrozenSweep.load(directory: plan.outputDirectory)
        XCTAssertEqual(frozen.runs.map(\.id), plan.runs.map(\.id))
        XCTAssertEqual(frozen.keyPaths, plan.keyPaths)
        XCTAssertEqual(frozen.runs.map(\.experiment.seed), plan.runs.map(\.experiment.seed))
        XCTAssertEqual(try summary(of: plan).column(named: "status"), Array(repeating: "pending", count: 4))
        let before = try FileManager.default.subpathsOfDirectory(atPath: plan.outputDirectory.path).sorted()
        XCTAssertThrowsError(try FrozenSweep.freeze(workspace.plan("sweep.yaml", out: "out")))
        XCTAssertEqual(try FileManager.default.subpathsOfDirectory(atPath: plan.outputDirectory.path).sorted(), before)
    }

    func testCollectingCallsARunThatStartedButLeftNoRecordInterrupted() throws {
        let workspace = try SweepWorkspace()
        try workspace.write("sweep.yaml", tinySweepExperiment)
        let plan = try workspace.plan("sweep.yaml", out: "out")
        try FrozenSweep.freeze(plan)
        let shard = try SweepShard(index: 0, count: 2)
        let outcome = try SweepRunner(plan: plan, options: SweepOptions(jobs: 1, dataDirectory: SweepWorkspace.dataDirectory.path,
                                                                        shard: shard)).run()
        XCTAssertEqual(outcome.statuses, [.completed, .completed])
        XCTAssertEqual(try summary(of: plan).column(named: "status"), Array(repeating: "pending", count: 4),
                       "a shard wrote the sweep's summary")
        try Data("step\n".utf8).write(to: plan.directory(of: plan.runs[2]).appendingPathComponent("metrics.csv"))
        let collected = try SweepCollection.collect(plan)
        XCTAssertEqual(collected.statuses, [.completed, .completed, .interrupted, .pending])
        XCTAssertEqual(try summary(of: plan).column(named: "status"), collected.statuses.map(\.word))
    }

    func testALockRefusedByTheFilesystemSaysSoWithTheFix() {
        let folder = URL(fileURLWithPath: "/scratch/sweep")
        for code in [ENOLCK, ENOSYS] {
            let message = FolderLockError.locksUnsupported(directory: folder, errno: code)?.description ?? ""
            XCTAssertTrue(message.contains(code == ENOLCK ? "ENOLCK" : "ENOSYS") && message.contains("shared filesystem where locks work"),
                          message)
        }
        XCTAssertNil(FolderLockError.locksUnsupported(directory: folder, errno: EWOULDBLOCK))
    }

    func testATaskReadsItsJobAndRequeueCountFromSlurmsEnvironment() {
        XCTAssertNil(SlurmTask(environment: [:]))
        let task = SlurmTask(environment: ["SLURM_JOB_ID": "42", "SLURM_RESTART_COUNT": "2"])
        XCTAssertEqual(task?.jobID, "42")
        XCTAssertEqual(task?.mayRequeue(maxRequeues: 3), true)
        XCTAssertEqual(task?.mayRequeue(maxRequeues: 2), false)
    }
}
