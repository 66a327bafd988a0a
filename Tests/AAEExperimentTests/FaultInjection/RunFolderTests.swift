import AAEExperiment
import AAEReport
import Foundation
import XCTest

/// What a run finds in its folder: another experiment's run (refused unless
/// `--overwrite`), figures and files an earlier run left (removed, so the
/// folder shows only what this run wrote), temporary files of a killed write.
final class RunFolderTests: XCTestCase {
    private var workspace: SweepWorkspace!

    override func setUpWithError() throws { workspace = try SweepWorkspace() }
    override func tearDown() { workspace = nil }

    private func files(_ folder: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { !$0.hasPrefix(".") }.sorted()
    }

    func testARunIntoAFolderOfAnotherExperimentIsRefusedAndLeavesItAsItWas() throws {
        let folder = URL(fileURLWithPath: workspace.path("run"))
        let first = try workspace.write("first.yaml", tinyMoonsExperiment(name: "first"))
        XCTAssertEqual(try AAERunChild.run(["run", first, "--out", folder.path, "--quiet"], in: workspace.url).status, 0)
        let before = try folderSnapshot(folder)

        let second = try workspace.write("second.yaml", tinyMoonsExperiment(name: "second"))
        let outcome = try AAERunChild.run(["run", second, "--out", folder.path, "--quiet"], in: workspace.url)
        XCTAssertEqual(outcome.status, 1, outcome.stderr)
        XCTAssertEqual(outcome.errorLines, ["aae-run: \(folder.path) holds a run of another experiment, `first`; "
                                            + "write elsewhere with --out, or replace that run with --overwrite"])
        try assertUnchanged(folder, since: before, "a refused run")
    }

    func testOverwriteReplacesAnotherExperimentsRunAndLeavesNoneOfItsFigures() throws {
        let folder = URL(fileURLWithPath: workspace.path("run"))
        let first = try workspace.write("first.yaml", tinyMoonsExperiment(name: "first"))
        XCTAssertEqual(try AAERunChild.run(["run", first, "--out", folder.path, "--quiet"], in: workspace.url).status, 0)
        XCTAssertTrue(try files(folder).contains("latent_scatter.png"))

        let second = try workspace.write("second.yaml", tinyMoonsExperiment(name: "second", extra: """
            report: {plots: [losses], eval: false}
            """))
        let outcome = try AAERunChild.run(["run", second, "--out", folder.path, "--quiet", "--overwrite"], in: workspace.url)
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        XCTAssertEqual(try files(folder), ["checkpoint.bin", "codes.npy", "config.resolved.yaml", "environment.csv", "labels.npy",
                                        "losses.png", "metrics.csv", "status.csv", "tb", "weights.safetensors"])
    }

    func testARunOfTheSameExperimentRemovesTheFiguresItDoesNotDraw() throws {
        let folder = workspace.path("run")
        let file = try workspace.write("tiny.yaml", tinyMoonsExperiment())
        XCTAssertEqual(try AAERunChild.run(["run", file, "--out", folder, "--quiet"], in: workspace.url).status, 0)
        try workspace.write("tiny.yaml", tinyMoonsExperiment(extra: "report: {plots: [losses]}"))
        XCTAssertEqual(try AAERunChild.run(["run", file, "--out", folder, "--quiet"], in: workspace.url).status, 0)
        XCTAssertEqual(try files(URL(fileURLWithPath: folder)),
                       ["checkpoint.bin", "codes.npy", "config.resolved.yaml", "environment.csv", "eval.csv", "labels.npy",
                        "losses.png", "metrics.csv", "status.csv", "tb", "weights.safetensors"])
    }

    func testAResumeRemovesTheTemporaryFileOfACheckpointWriteThatWasKilled() throws {
        let file = try workspace.write("tiny.yaml", tinyMoonsExperiment())
        let folder = URL(fileURLWithPath: workspace.path("run"))
        _ = try ExperimentRunner(experiment: ExperimentReader.load(path: file), options: RunOptions(
            outputDirectory: folder.path, quiet: true, stopAfterStep: 20)).run()
        let orphan = folder.appendingPathComponent(".\(RunCheckpointFile.fileName).tmp-Ab12Cd")
        try Data(repeating: 7, count: 100).write(to: orphan)
        let outcome = try AAERunChild.run(["resume", folder.path], in: workspace.url)
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: orphan.path))
    }

    func testASingleRunKilledMidRunResumesToTheFilesOfOneNeverKilled() throws {
        let file = try workspace.write("tiny.yaml", tinyMoonsExperiment(steps: 4_000).replacingOccurrences(
            of: "log_every: 10, checkpoint_every: 10", with: "log_every: 200, checkpoint_every: 50"))
        let reference = workspace.path("reference"), folder = URL(fileURLWithPath: workspace.path("run"))
        let child = try AAERunChild.start(["run", file, "--out", folder.path, "--quiet"], in: workspace.url)
        AAERunChild.waitFor(RunCheckpointFile.url(in: folder), while: child.0)
        kill(child.0.processIdentifier, SIGKILL)
        let killed = AAERunChild.wait(child)
        XCTAssertTrue(killed.killed, "the child ended before it was killed: \(killed.stderr)")

        XCTAssertEqual(try AAERunChild.run(["resume", folder.path], in: workspace.url).status, 0)
        XCTAssertEqual(try AAERunChild.run(["run", file, "--out", reference, "--quiet"], in: workspace.url).status, 0)
        for name in ["metrics.csv", "eval.csv"] {
            XCTAssertEqual(try Data(contentsOf: folder.appendingPathComponent(name)),
                           try Data(contentsOf: URL(fileURLWithPath: reference).appendingPathComponent(name)), name)
        }
        XCTAssertEqual(RunFolderLeftovers.temporaryFiles(in: folder), [])
    }

    func testSIGTERMDuringTheFinalEvaluationEndsInterruptedAndResumeCompletesIt() throws {
        let file = try workspace.write("slow-eval.yaml", tinyMoonsExperiment(steps: 20).replacingOccurrences(
            of: "checkpoint_every: 10", with: "checkpoint_every: 0").replacingOccurrences(
            of: "parzen_samples: 200", with: "parzen_samples: 10000").replacingOccurrences(
            of: "test_count: 100", with: "test_count: 1000"))
        let folder = URL(fileURLWithPath: workspace.path("run"))
        let child = try AAERunChild.start(["run", file, "--out", folder.path, "--quiet"], in: workspace.url)
        AAERunChild.waitFor(RunCheckpointFile.url(in: folder), while: child.0)
        kill(child.0.processIdentifier, SIGTERM)
        let outcome = AAERunChild.wait(child)
        XCTAssertEqual(outcome.status, 130, outcome.stderr)
        XCTAssertTrue(outcome.stdout.contains("interrupted after step 20 of 20 steps"), outcome.stdout)
        XCTAssertEqual(RunRecord.read(in: folder)?.status, .interrupted)

        let resumed = try AAERunChild.run(["resume", folder.path], in: workspace.url)
        XCTAssertEqual(resumed.status, 0, resumed.stderr)
        XCTAssertEqual(RunRecord.read(in: folder)?.status, .completed)
    }
}

/// The temporary files of atomic writes in a folder, which no finished process leaves.
enum RunFolderLeftovers {
    static func temporaryFiles(in folder: URL) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { $0.contains(".tmp-") }
    }
}
