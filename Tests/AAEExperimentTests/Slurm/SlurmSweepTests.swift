import AAEExperiment
import AAEReport
import Foundation
import XCTest

/// `aae-run sweep --launcher slurm` against a real SLURM cluster (the
/// one-node cluster of scripts/local-slurm.sh in CI): the arrays, the collect
/// job, preemption, the time limit, failures, scancel and MaxArraySize. Each
/// compares its results with a local `--jobs 2` sweep of the same file.
final class SlurmSweepTests: XCTestCase {
    override func setUpWithError() throws {
        try LocalSlurmCluster.require()
    }

    /// Local `--jobs 2` sweeps of `tinySweepExperiment` with `steps` steps, made once per test process.
    private static var references: [Int: (workspace: SweepWorkspace, plan: SweepPlan)] = [:]

    private func reference(steps: Int) throws -> SweepPlan {
        if let made = Self.references[steps] { return made.plan }
        let workspace = try SweepWorkspace()
        try workspace.write("sweep.yaml", sweep(steps: steps))
        let plan = try workspace.plan("sweep.yaml", out: "reference")
        XCTAssertEqual(try workspace.run(plan, jobs: 2).exitCode, 0)
        Self.references[steps] = (workspace, plan)
        return plan
    }

    private func sweep(steps: Int) -> String {
        tinySweepExperiment.replacingOccurrences(of: "steps: 60", with: "steps: \(steps)")
    }

    /// Runs `aae-run arguments`; its exit status and stdout.
    private func aaeRun(_ arguments: [String]) throws -> (status: Int32, text: String) {
        let process = Process()
        process.executableURL = try AAERunBinary.url()
        process.arguments = arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    /// `aae-run sweep FILE --launcher slurm --out OUT` with `flags`, on the synthetic data.
    private func submit(_ workspace: SweepWorkspace, _ file: String, out: String, _ flags: [String] = []) throws
        -> (status: Int32, text: String) {
        try aaeRun(["sweep", workspace.path(file), "--launcher", "slurm", "--out", workspace.path(out),
                    "--data-dir", SweepWorkspace.dataDirectory.path] + flags)
    }

    private func jobs(_ workspace: SweepWorkspace, _ out: String) throws -> SlurmJobs {
        try XCTUnwrap(SlurmJobs.read(in: URL(fileURLWithPath: workspace.path(out))), "no .slurm/jobs in \(out)")
    }

    /// Waits until some run of the sweep in `out` has written `file`.
    private func waitForRunFile(_ file: String, in out: URL, timeout: Double = 120) throws {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            let runs = (try? FileManager.default.contentsOfDirectory(atPath: out.path)) ?? []
            if runs.contains(where: { FileManager.default.fileExists(atPath: out.appendingPathComponent("\($0)/\(file)").path) }) {
                return
            }
            usleep(20_000)
        }
        throw SlurmTestTimeout(description: "no run in \(out.path) wrote \(file) in \(Int(timeout)) s")
    }

    /// The text of every task log of the sweep in `out`.
    private func taskLogs(_ workspace: SweepWorkspace, _ out: String) throws -> String {
        let logs = URL(fileURLWithPath: workspace.path(out)).appendingPathComponent(".slurm/logs")
        return try FileManager.default.contentsOfDirectory(atPath: logs.path).sorted().filter { !$0.hasPrefix("collect") }
            .map { try String(contentsOf: logs.appendingPathComponent($0), encoding: .utf8) }.joined(separator: "\n")
    }

    private func assertIdentical(_ out: String, in workspace: SweepWorkspace, to reference: SweepPlan,
                                 file: StaticString = #filePath, line: UInt = #line) throws {
        let diff = try ResultsDiff.compare(URL(fileURLWithPath: workspace.path(out)), reference.outputDirectory, tolerance: 0)
        XCTAssertEqual(diff.outcome, .equal, diff.text, file: file, line: line)
    }

    private func statuses(_ workspace: SweepWorkspace, _ out: String) throws -> [String] {
        try CSVTable.read(from: URL(fileURLWithPath: workspace.path(out)).appendingPathComponent("summary.csv"))
            .column(named: "status") ?? []
    }

    func testWaitEndsWithEveryRunCompletedAndTheSameResultsAsALocalSweep() throws {
        let reference = try reference(steps: 60)
        let workspace = try SweepWorkspace()
        try workspace.write("sweep.yaml", sweep(steps: 60))
        let submitted = try submit(workspace, "sweep.yaml", out: "cluster", ["--wait"])
        XCTAssertEqual(submitted.status, 0, submitted.text)
        XCTAssertTrue(submitted.text.contains("4 runs: 4 completed"), submitted.text)
        let jobs = try jobs(workspace, "cluster")
        XCTAssertEqual(jobs.arrays.map(\.array), [SlurmArray(firstShard: 0, taskCount: 4)])
        XCTAssertEqual(try statuses(workspace, "cluster"), Array(repeating: "completed", count: 4))
        try assertIdentical("cluster", in: workspace, to: reference)
    }

    func testAPreemptionRequeuesTheRunningTasksAndTheResultsStayIdentical() throws {
        let reference = try reference(steps: 3000)
        let workspace = try SweepWorkspace()
        try workspace.write("sweep.yaml", sweep(steps: 3000))
        XCTAssertEqual(try submit(workspace, "sweep.yaml", out: "cluster").status, 0)
        let jobs = try jobs(workspace, "cluster")
        try waitForRunFile("metrics.csv", in: URL(fileURLWithPath: workspace.path("cluster")))
        let cpus = try LocalSlurmCluster.run("sinfo", ["-h", "-o", "%c"]).text.trimmingCharacters(in: .whitespacesAndNewlines)
        let preemptor = try LocalSlurmCluster.run("sbatch", ["--parsable", "--partition=high", "--cpus-per-task=\(cpus)",
                                                             "--output=/dev/null", "--wrap", "sleep 1"])
        XCTAssertEqual(preemptor.status, 0)
        try LocalSlurmCluster.waitUntilEnded(jobs.allJobIDs + [preemptor.text.trimmingCharacters(in: .whitespacesAndNewlines)])
        let logs = try taskLogs(workspace, "cluster")
        XCTAssertTrue(logs.contains("stopping at the next step boundary"), "no task saw the preemption's SIGTERM:\n\(logs)")
        XCTAssertGreaterThan(logs.components(separatedBy: "tiny_sweep: shard").count - 1, 4, "no task was requeued:\n\(logs)")
        XCTAssertEqual(try statuses(workspace, "cluster"), Array(repeating: "completed", count: 4))
        try assertIdentical("cluster", in: workspace, to: reference)
    }

    func testTheSignalAheadOfTheTimeLimitRequeuesTheTaskWhichCompletesIdentically() throws {
        // A 2-minute limit with the signal 59 s ahead (the most a 2-minute limit allows): Slurm sends
        // it about 61 s into the task, at its next time-limit check. The one task's runs are made to
        // take about 120 s on this machine, so the signal comes while they train; the requeued task
        // continues from their checkpoints (and requeues again if it is signalled again).
        let calibration = try SweepWorkspace()
        try calibration.write("one.yaml", sweep(steps: 400).replacingOccurrences(of: "[2, 3]", with: "[2]")
            .replacingOccurrences(of: "[0.001, 0.002]", with: "[0.001]"))
        let start = Date()
        XCTAssertEqual(try calibration.run(calibration.plan("one.yaml"), jobs: 1).statuses, [.completed])
        let steps = max(400, Int(400 * 30 / max(Date().timeIntervalSince(start), 0.01)) / 100 * 100)
        let reference = try reference(steps: steps)

        let workspace = try SweepWorkspace()
        try workspace.write("sweep.yaml", sweep(steps: steps))
        let submitted = try submit(workspace, "sweep.yaml", out: "cluster",
                                   ["--runs-per-task", "4", "--time", "2", "--signal-ahead", "59", "--max-requeues", "6"])
        XCTAssertEqual(submitted.status, 0, submitted.text)
        let jobs = try jobs(workspace, "cluster")
        XCTAssertEqual(jobs.arrays.map(\.array), [SlurmArray(firstShard: 0, taskCount: 1)])
        try LocalSlurmCluster.waitUntilEnded(jobs.allJobIDs, timeout: 600)
        let logs = try taskLogs(workspace, "cluster")
        XCTAssertTrue(logs.contains("SIGUSR1 (time limit ahead)"), "the task was not signalled ahead of its time limit:\n\(logs)")
        XCTAssertTrue(logs.contains("requeueing job"), "the task did not requeue itself:\n\(logs)")
        XCTAssertEqual(try statuses(workspace, "cluster"), Array(repeating: "completed", count: 4), logs)
        try assertIdentical("cluster", in: workspace, to: reference)
    }

    func testAFailingRunLeavesItsReasonAndTheCollectJobStillRunsAndReportsIt() throws {
        let workspace = try SweepWorkspace()
        try workspace.write("sweep.yaml", sweep(steps: 60).replacingOccurrences(
            of: "optimizer.lr: [0.001, 0.002]", with: "data.train_size: [2000, 20]"))
        let submitted = try submit(workspace, "sweep.yaml", out: "cluster", ["--wait"])
        XCTAssertEqual(submitted.status, 1, submitted.text)
        XCTAssertTrue(submitted.text.contains("2 completed, 2 failed"), submitted.text)
        let summary = try CSVTable.read(from: URL(fileURLWithPath: workspace.path("cluster/summary.csv")))
        XCTAssertEqual(summary.column(named: "status"), ["completed", "failed", "completed", "failed"])
        XCTAssertTrue(summary.column(named: "error")?[1].contains("batch_size") ?? false, "\(summary.rows[1])")
        let record = try XCTUnwrap(RunRecord.read(in: URL(fileURLWithPath: workspace.path("cluster/latent_dim=2,train_size=20"))))
        XCTAssertEqual(record.status, .failed)
        let collectLog = try XCTUnwrap(FileManager.default.contentsOfDirectory(atPath: workspace.path("cluster/.slurm/logs"))
            .first { $0.hasPrefix("collect") })
        let collected = try String(contentsOfFile: workspace.path("cluster/.slurm/logs/\(collectLog)"), encoding: .utf8)
        XCTAssertTrue(collected.contains("4 runs: 2 completed, 2 failed"), collected)
    }

    func testScancelLeavesTheRunsInterruptedAndResumeCompletesThemLocally() throws {
        let reference = try reference(steps: 3000)
        let workspace = try SweepWorkspace()
        try workspace.write("sweep.yaml", sweep(steps: 3000))
        XCTAssertEqual(try submit(workspace, "sweep.yaml", out: "cluster").status, 0)
        let jobs = try jobs(workspace, "cluster")
        try waitForRunFile(RunCheckpointFile.fileName, in: URL(fileURLWithPath: workspace.path("cluster")))
        XCTAssertEqual(try LocalSlurmCluster.run("scancel", jobs.allJobIDs).status, 0)
        try LocalSlurmCluster.waitUntilEnded(jobs.allJobIDs)

        let plan = try FrozenSweep.load(directory: URL(fileURLWithPath: workspace.path("cluster")))
        let records = plan.runs.map { RunRecord.read(in: plan.directory(of: $0))?.status }
        XCTAssertTrue(records.contains(.interrupted), "\(records)")
        XCTAssertFalse(records.contains(.failed), "\(records)")
        let resumed = try aaeRun(["resume", workspace.path("cluster"), "--jobs", "2", "--data-dir", SweepWorkspace.dataDirectory.path])
        XCTAssertEqual(resumed.status, 0, resumed.text)
        XCTAssertEqual(try statuses(workspace, "cluster"), Array(repeating: "completed", count: 4))
        try assertIdentical("cluster", in: workspace, to: reference)
    }

    func testASweepLargerThanMaxArraySizeIsSplitIntoSeveralArrays() throws {
        let reference = try reference(steps: 60)
        let configuration = try XCTUnwrap(LocalSlurmCluster.configuration)
        let original = try String(contentsOfFile: configuration, encoding: .utf8)
        let limited = original.split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.hasPrefix("MaxArraySize=") ? "MaxArraySize=3" : String($0) }.joined(separator: "\n")
        try limited.write(toFile: configuration, atomically: true, encoding: .utf8)
        defer {
            try? original.write(toFile: configuration, atomically: true, encoding: .utf8)
            _ = try? LocalSlurmCluster.run("scontrol", ["reconfigure"])
        }
        XCTAssertEqual(try LocalSlurmCluster.run("scontrol", ["reconfigure"]).status, 0)
        XCTAssertEqual(try SlurmClusterConfig.query().maxArraySize, 3)

        let workspace = try SweepWorkspace()
        try workspace.write("sweep.yaml", sweep(steps: 60))
        let submitted = try submit(workspace, "sweep.yaml", out: "cluster", ["--wait"])
        XCTAssertEqual(submitted.status, 0, submitted.text)
        XCTAssertEqual(try jobs(workspace, "cluster").arrays.map(\.array),
                       [SlurmArray(firstShard: 0, taskCount: 3), SlurmArray(firstShard: 3, taskCount: 1)])
        XCTAssertEqual(try statuses(workspace, "cluster"), Array(repeating: "completed", count: 4))
        try assertIdentical("cluster", in: workspace, to: reference)
    }
}
