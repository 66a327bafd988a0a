import AAEExperiment
import AAEReport
import Foundation
import XCTest

/// The built `aae-run` binary in a child process, killed or interrupted in the
/// middle of a sweep, as a user or a machine would.
final class SweepProcessTests: XCTestCase {
    /// Starts `aae-run sweep` on `file` into `out`, its output discarded.
    private func startSweep(_ file: String, out: String, jobs: Int = 2) throws -> Process {
        let process = Process()
        process.executableURL = try AAERunBinary.url()
        process.arguments = ["sweep", file, "--out", out, "--jobs", String(jobs),
                             "--data-dir", SweepWorkspace.dataDirectory.path]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }

    /// Waits until some run of the sweep in `out` has written `file`, or the process ended.
    /// The sweeps these tests start are long enough (thousands of steps) that a
    /// signal sent right after the first file appears lands mid-run even on a busy machine.
    private func waitForRunFile(_ file: String, in out: URL, while process: Process) {
        while process.isRunning {
            let runs = (try? FileManager.default.contentsOfDirectory(atPath: out.path)) ?? []
            if runs.contains(where: { FileManager.default.fileExists(atPath: out.appendingPathComponent("\($0)/\(file)").path) }) {
                return
            }
            usleep(2_000)
        }
    }

    private func endedRunCount(_ plan: SweepPlan) -> Int {
        plan.runs.filter { RunRecord.read(in: plan.directory(of: $0))?.isFinished ?? false }.count
    }

    func testASweepKilledMidRunAndRunAgainEndsWithTheFilesOfOneNeverKilled() throws {
        let workspace = try SweepWorkspace()
        try workspace.write("sweep.yaml", tinySweepExperiment.replacingOccurrences(of: "steps: 60", with: "steps: 3000"))
        let reference = try workspace.plan("sweep.yaml", out: "reference"), plan = try workspace.plan("sweep.yaml")
        XCTAssertEqual(try workspace.run(reference, jobs: 2).exitCode, 0)

        let child = try startSweep(workspace.path("sweep.yaml"), out: plan.outputDirectory.path)
        waitForRunFile(RunCheckpointFile.fileName, in: plan.outputDirectory, while: child)
        kill(child.processIdentifier, SIGKILL)
        child.waitUntilExit()
        XCTAssertEqual(child.terminationReason, .uncaughtSignal)
        XCTAssertLessThan(endedRunCount(plan), plan.runs.count, "the child ended before it was killed")

        XCTAssertEqual(try workspace.run(plan, jobs: 2).exitCode, 0)
        assertSameFiles(try resultFiles(of: plan), try resultFiles(of: reference))
    }

    func testSIGINTStopsTheRunningRunsWithACheckpointAndTheSweepResumes() throws {
        let workspace = try SweepWorkspace()
        try workspace.write("sweep.yaml", tinySweepExperiment.replacingOccurrences(of: "steps: 60", with: "steps: 4000"))
        let plan = try workspace.plan("sweep.yaml")
        let child = try startSweep(workspace.path("sweep.yaml"), out: plan.outputDirectory.path)
        waitForRunFile("metrics.csv", in: plan.outputDirectory, while: child)
        kill(child.processIdentifier, SIGINT)
        child.waitUntilExit()
        XCTAssertEqual(child.terminationReason, .exit)
        XCTAssertEqual(child.terminationStatus, 130)

        let statuses = try XCTUnwrap(summary(of: plan).column(named: "status"))
        XCTAssertTrue(statuses.contains("interrupted"), "\(statuses)")
        XCTAssertTrue(statuses.allSatisfy { ["interrupted", "pending", "completed"].contains($0) }, "\(statuses)")
        for (run, status) in zip(plan.runs, statuses) where status == "interrupted" {
            let checkpoint = try XCTUnwrap(RunCheckpointFile.load(in: plan.directory(of: run)))
            XCTAssertLessThan(checkpoint.step, 4000)
            XCTAssertEqual(RunRecord.read(in: plan.directory(of: run))?.status, .interrupted)
        }
        let leftovers = try FileManager.default.subpathsOfDirectory(atPath: plan.outputDirectory.path)
            .filter { $0.contains(".tmp-") }
        XCTAssertEqual(leftovers, [])

        let resumed = try workspace.run(SweepPlan.resuming(directory: plan.outputDirectory), jobs: 2)
        XCTAssertEqual(resumed.statuses, Array(repeating: RunState.completed, count: 4))
    }
}
