import AAEExperiment
import AAEReport
import Foundation
import XCTest

/// `aae-run resume` refuses a folder it cannot continue — a corrupt or
/// foreign checkpoint, a sweep folder holding another experiment's run — with
/// one line and exit status 1, before it changes any file of the folder.
final class RefusedResumeTests: XCTestCase {
    private var workspace: SweepWorkspace!

    override func setUpWithError() throws { workspace = try SweepWorkspace() }
    override func tearDown() { workspace = nil }

    /// A single run in `folder`, interrupted after step 20 of 40 with a checkpoint.
    private func interruptedRun(_ folder: String) throws -> URL {
        let file = try workspace.write("tiny.yaml", tinyMoonsExperiment())
        let experiment = try ExperimentReader.load(path: file)
        let result = try ExperimentRunner(experiment: experiment, options: RunOptions(
            outputDirectory: workspace.path(folder), quiet: true, stopAfterStep: 20)).run()
        XCTAssertEqual(result.status, .interrupted(step: 20))
        return URL(fileURLWithPath: workspace.path(folder))
    }

    func testACorruptCheckpointIsRefusedAndTheRunFolderIsLeftAsItWas() throws {
        let run = try interruptedRun("run")
        let checkpoint = RunCheckpointFile.url(in: run)
        var bytes = try Data(contentsOf: checkpoint)
        bytes.removeLast(bytes.count / 2)
        try bytes.write(to: checkpoint)
        let before = try folderSnapshot(run)

        let outcome = try AAERunChild.run(["resume", run.path], in: workspace.url)
        XCTAssertEqual(outcome.status, 1, outcome.stderr)
        XCTAssertEqual(outcome.errorLines.count, 1, outcome.stderr)
        XCTAssertTrue(outcome.stderr.contains(checkpoint.path), outcome.stderr)
        XCTAssertNotNil(before[RunRecord.fileName], "the interrupted run's status.csv")
        try assertUnchanged(run, since: before, "a refused resume")
    }

    func testACheckpointOfOtherSettingsIsRefusedAndTheRunFolderIsLeftAsItWas() throws {
        let run = try interruptedRun("run")
        let config = run.appendingPathComponent("config.resolved.yaml")
        try String(contentsOf: config, encoding: .utf8).replacingOccurrences(of: "lr: 0.003", with: "lr: 0.004")
            .write(to: config, atomically: true, encoding: .utf8)
        let before = try folderSnapshot(run)

        let outcome = try AAERunChild.run(["resume", run.path], in: workspace.url)
        XCTAssertEqual(outcome.status, 1, outcome.stderr)
        XCTAssertEqual(outcome.errorLines.count, 1, outcome.stderr)
        XCTAssertTrue(outcome.stderr.contains("was written by another experiment"), outcome.stderr)
        try assertUnchanged(run, since: before, "a refused resume")
    }

    /// A finished sweep whose first run folder then received a run of another experiment.
    private func sweepWithAForeignRun(keepingSweepFile: Bool) throws -> (sweep: URL, foreign: String) {
        try workspace.write("sweep.yaml", tinyMoonsExperiment(name: "moons_sweep", extra: """
            sweep:
              grid:
                optimizer.lr: [0.001, 0.002]
            """))
        let plan = try workspace.plan("sweep.yaml")
        XCTAssertEqual(try workspace.run(plan, jobs: 1).exitCode, 0)
        let foreign = try ExperimentReader.load(path: workspace.write("other.yaml", tinyMoonsExperiment(name: "other", steps: 20)))
        _ = try ExperimentRunner(experiment: foreign, options: RunOptions(
            outputDirectory: plan.directory(of: plan.runs[0]).path, quiet: true, overwrite: true)).run()
        if !keepingSweepFile {
            try FileManager.default.removeItem(at: plan.outputDirectory.appendingPathComponent(SweepPlan.configurationFileName))
        }
        return (plan.outputDirectory, plan.runs[0].id)
    }

    func testResumeRefusesASweepFolderHoldingAnotherExperimentsRun() throws {
        let (sweep, foreign) = try sweepWithAForeignRun(keepingSweepFile: true)
        let before = try folderSnapshot(sweep)
        let outcome = try AAERunChild.run(["resume", sweep.path], in: workspace.url)
        XCTAssertEqual(outcome.status, 1, outcome.stderr)
        XCTAssertEqual(outcome.errorLines.count, 1, outcome.stderr)
        XCTAssertTrue(outcome.stderr.contains("(\(foreign))") && outcome.stderr.contains("differs from this sweep's"),
                      outcome.stderr)
        try assertUnchanged(sweep, since: before, "a refused resume")
    }

    func testResumeRefusesASweepFolderOfRunsOfSeveralExperimentsWithoutItsSweepFile() throws {
        let (sweep, foreign) = try sweepWithAForeignRun(keepingSweepFile: false)
        let before = try folderSnapshot(sweep)
        let outcome = try AAERunChild.run(["resume", sweep.path], in: workspace.url)
        XCTAssertEqual(outcome.status, 1, outcome.stderr)
        XCTAssertEqual(outcome.errorLines.count, 1, outcome.stderr)
        XCTAssertTrue(outcome.stderr.contains("several experiments") && outcome.stderr.contains("`other`: \(foreign)"),
                      outcome.stderr)
        try assertUnchanged(sweep, since: before, "a refused resume")
    }

    func testAResumedSweepExpandsItsSweepFileAndFinishesLikeTheOriginal() throws {
        try workspace.write("sweep.yaml", tinyMoonsExperiment(name: "moons_sweep", extra: """
            sweep:
              grid:
                optimizer.lr: [0.001, 0.002]
            """))
        let reference = try workspace.plan("sweep.yaml", out: "reference"), plan = try workspace.plan("sweep.yaml")
        XCTAssertEqual(try workspace.run(reference, jobs: 1).exitCode, 0)
        XCTAssertEqual(try workspace.run(plan, jobs: 1, stopAfterStep: 20).exitCode, 130)
        let resumed = try SweepPlan.resuming(directory: plan.outputDirectory)
        XCTAssertEqual(resumed.runs.map(\.id), plan.runs.map(\.id))
        XCTAssertEqual(resumed.configuration, plan.configuration)
        XCTAssertEqual(try workspace.run(resumed, jobs: 1).exitCode, 0)
        assertSameFiles(try resultFiles(of: resumed), try resultFiles(of: reference))
    }

    func testAResumeIntoAReadOnlyFolderIsRefusedInOneLine() throws {
        let mount = try TemporaryMount(sizeKiB: 1024)
        let file = try workspace.write("tiny.yaml", tinyMoonsExperiment())
        let run = mount.url.appendingPathComponent("run")
        _ = try ExperimentRunner(experiment: ExperimentReader.load(path: file), options: RunOptions(
            outputDirectory: run.path, quiet: true, stopAfterStep: 20)).run()
        try mount.remountReadOnly()
        let before = try folderSnapshot(run)
        let outcome = try AAERunChild.run(["resume", run.path], in: workspace.url)
        XCTAssertEqual(outcome.status, 1, outcome.stderr)
        XCTAssertEqual(outcome.errorLines.count, 1, outcome.stderr)
        XCTAssertTrue(outcome.stderr.contains("Read-only file system"), outcome.stderr)
        XCTAssertFalse(outcome.stderr.contains("Error Domain="), outcome.stderr)
        try assertUnchanged(run, since: before, "a refused resume")
    }
}
