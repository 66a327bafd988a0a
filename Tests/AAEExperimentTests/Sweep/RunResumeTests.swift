import AAECore
import AAEExperiment
import AAEReport
import Foundation
import XCTest

/// A single run stopped and resumed from its checkpoint writes the same files
/// as a run never stopped; `aae-run eval` evaluates a finished run again; a
/// folder another process writes to is refused.
final class RunResumeTests: XCTestCase {
    private let single = tinySweepExperiment.components(separatedBy: "sweep:\n")[0]
        .replacingOccurrences(of: "steps: 60", with: "steps: 70")

    private func experiment(_ overrides: [String] = []) throws -> Experiment {
        try ExperimentReader.parse(Data(single.utf8), file: "single.yaml", overrides: overrides.map(Override.init(parsing:)))
    }

    private func run(_ experiment: Experiment, in directory: URL, resume: Bool = false, stopAfterStep: Int? = nil,
                     stop: StopRequest? = nil) throws -> RunResult {
        let options = RunOptions(outputDirectory: directory.path, dataDirectory: SweepWorkspace.dataDirectory.path,
                                 quiet: true, resume: resume, stopRequest: stop, stopAfterStep: stopAfterStep)
        return try ExperimentRunner(experiment: experiment, options: options).run()
    }

    private func files(_ directory: URL) throws -> [String: Data] {
        try Dictionary(uniqueKeysWithValues: ["metrics.csv", "eval.csv", "config.resolved.yaml"].map {
            ($0, try Data(contentsOf: directory.appendingPathComponent($0)))
        })
    }

    func testARunStoppedMidWindowAndResumedWritesByteIdenticalFiles() throws {
        let workspace = try SweepWorkspace()
        let reference = workspace.url.appendingPathComponent("reference")
        let stopped = workspace.url.appendingPathComponent("stopped")
        XCTAssertEqual(try run(experiment(), in: reference).status, .completed)

        let interrupted = try run(experiment(), in: stopped, stopAfterStep: 33)
        XCTAssertEqual(interrupted.status, .interrupted(step: 33))
        XCTAssertEqual(try RunCheckpointFile.load(in: stopped)?.step, 33)
        XCTAssertEqual(RunRecord.read(in: stopped)?.status, .interrupted)
        XCTAssertFalse(FileManager.default.fileExists(atPath: stopped.appendingPathComponent("eval.csv").path))

        let resumed = try run(experiment(), in: stopped, resume: true)
        XCTAssertEqual(resumed.status, .completed)
        XCTAssertEqual(RunRecord.read(in: stopped)?.status, .completed)
        assertSameFiles(try files(stopped), try files(reference))
        XCTAssertEqual(try RunCheckpointFile.load(in: stopped)?.step, 70)
    }

    func testAStopRequestedBeforeTheFirstStepCheckpointsStepZero() throws {
        let workspace = try SweepWorkspace()
        let stop = StopRequest()
        stop.request()
        let result = try run(experiment(), in: workspace.url, stop: stop)
        XCTAssertEqual(result.status, .interrupted(step: 0))
        XCTAssertEqual(try RunCheckpointFile.load(in: workspace.url)?.step, 0)
        XCTAssertEqual(try run(experiment(), in: workspace.url, resume: true).status, .completed)
        let reference = workspace.url.appendingPathComponent("reference")
        _ = try run(experiment(), in: reference)
        assertSameFiles(try files(workspace.url), try files(reference))
    }

    func testResumingAfterTwoStopsStillMatchesAnUninterruptedRun() throws {
        let workspace = try SweepWorkspace()
        let stopped = workspace.url.appendingPathComponent("stopped"), reference = workspace.url.appendingPathComponent("reference")
        _ = try run(experiment(), in: reference)
        _ = try run(experiment(), in: stopped, stopAfterStep: 20)
        XCTAssertEqual(try run(experiment(), in: stopped, resume: true, stopAfterStep: 51).status, .interrupted(step: 51))
        XCTAssertEqual(try run(experiment(), in: stopped, resume: true).status, .completed)
        assertSameFiles(try files(stopped), try files(reference))
        let wallTime = try XCTUnwrap(RunRecord.read(in: stopped)?.wallTimeSeconds)
        XCTAssertGreaterThan(wallTime, 0)
    }

    func testACheckpointOfAnotherExperimentIsRefused() throws {
        let workspace = try SweepWorkspace()
        _ = try run(experiment(), in: workspace.url, stopAfterStep: 10)
        XCTAssertThrowsError(try run(experiment(["optimizer.lr=0.01"]), in: workspace.url, resume: true)) { error in
            XCTAssertTrue("\(error)".contains("written by another experiment"), "\(error)")
        }
    }

    func testATruncatedCheckpointIsRefusedOnResume() throws {
        let workspace = try SweepWorkspace()
        _ = try run(experiment(), in: workspace.url, stopAfterStep: 10)
        let file = RunCheckpointFile.url(in: workspace.url)
        let bytes = try Data(contentsOf: file)
        try bytes.prefix(bytes.count / 3).write(to: file)
        XCTAssertThrowsError(try run(experiment(), in: workspace.url, resume: true)) { error in
            XCTAssertTrue("\(error)".contains("truncated"), "\(error)")
        }
    }

    func testEvaluatingAFinishedRunAgainRewritesTheSameEvalCSV() throws {
        let workspace = try SweepWorkspace()
        _ = try run(experiment(), in: workspace.url)
        let evalURL = workspace.url.appendingPathComponent("eval.csv")
        let original = try Data(contentsOf: evalURL)
        try FileManager.default.removeItem(at: evalURL)
        let options = RunOptions(outputDirectory: workspace.url.path, dataDirectory: SweepWorkspace.dataDirectory.path)
        _ = try ExperimentRunner(experiment: experiment(), options: options).reevaluate()
        XCTAssertEqual(try Data(contentsOf: evalURL), original)

        let otherK = try ExperimentRunner(experiment: experiment(["eval.knn_k=1"]), options: options).reevaluate()
        XCTAssertNotNil(otherK.first { $0.name == "knn_accuracy" })
        XCTAssertThrowsError(try ExperimentRunner(experiment: experiment(["optimizer.lr=0.5"]), options: options).reevaluate()) {
            XCTAssertTrue("\($0)".contains("only `eval` settings"), "\($0)")
        }
    }

    func testARunRefusesAFolderAnotherProcessHolds() throws {
        let workspace = try SweepWorkspace()
        let holder = try FolderLock(directory: workspace.url)
        XCTAssertThrowsError(try run(experiment(), in: workspace.url)) { error in
            XCTAssertTrue("\(error)".contains("in use by another aae-run (process \(getpid()))"), "\(error)")
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: workspace.url.appendingPathComponent("metrics.csv").path))
        holder.release()
        XCTAssertEqual(try run(experiment(), in: workspace.url).status, .completed)
    }

    func testEvaluatingASweepRunAgainUpdatesTheSweepSummary() throws {
        let workspace = try SweepWorkspace()
        try workspace.write("sweep.yaml", tinySweepExperiment)
        let plan = try workspace.plan("sweep.yaml")
        _ = try workspace.run(plan, jobs: 1)
        let before = try summary(of: plan)
        let runDirectory = plan.directory(of: plan.runs[1])
        let config = runDirectory.appendingPathComponent("config.resolved.yaml").path
        let options = RunOptions(outputDirectory: runDirectory.path, dataDirectory: SweepWorkspace.dataDirectory.path)
        let withParzen = try ExperimentReader.load(path: config, overrides: [try Override(parsing: "eval.parzen_samples=300")])

        let sweepLock = try FolderLock(directory: plan.outputDirectory)
        XCTAssertThrowsError(try ExperimentRunner(experiment: withParzen, options: options).reevaluate()) { error in
            XCTAssertTrue("\(error)".contains("\(plan.outputDirectory.path) is in use"), "\(error)")
        }
        sweepLock.release()

        let metrics = try ExperimentRunner(experiment: withParzen, options: options).reevaluate()
        let parzen = try XCTUnwrap(metrics.first { $0.name == "parzen_log_likelihood" })
        let after = try summary(of: plan)
        XCTAssertFalse(before.header.contains("eval_parzen_log_likelihood"))
        let column = try XCTUnwrap(after.header.firstIndex(of: "eval_parzen_log_likelihood"))
        XCTAssertEqual(after.rows[1][column], CSVFormat.float(parzen.value))
        XCTAssertEqual(after.rows.map { $0[column] }.filter(\.isEmpty).count, 3, "only the evaluated run has the new value")
        let kept = after.header.indices.filter { $0 != column }
        XCTAssertEqual(after.rows.map { row in kept.map { row[$0] } }, before.rows, "every other cell is unchanged")
    }

    func testAnUnfinishedRunCannotBeEvaluatedAgain() throws {
        let workspace = try SweepWorkspace()
        _ = try run(experiment(), in: workspace.url, stopAfterStep: 10)
        let options = RunOptions(outputDirectory: workspace.url.path, dataDirectory: SweepWorkspace.dataDirectory.path)
        XCTAssertThrowsError(try ExperimentRunner(experiment: experiment(), options: options).reevaluate()) {
            XCTAssertTrue("\($0)".contains("step 10 of 70"), "\($0)")
        }
    }
}
