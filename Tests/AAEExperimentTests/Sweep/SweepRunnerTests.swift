import AAECore
import AAEExperiment
import AAEReport
import Foundation
import XCTest

/// Running a sweep: parallel runs that do not change the results, a summary
/// in a stable order, and nothing lost to divergence, failure or interruption.
final class SweepRunnerTests: XCTestCase {
    /// The summary without its wall times, which differ from sweep to sweep.
    private func timeless(_ table: CSVTable) -> CSVTable {
        guard let column = table.header.firstIndex(of: "wall_time_s") else { return table }
        var copy = table
        copy.header.remove(at: column)
        copy.rows = copy.rows.map { var row = $0; row.remove(at: column); return row }
        return copy
    }

    func testOneJobAndTwoJobsGiveByteIdenticalRunFiles() throws {
        let workspace = try SweepWorkspace()
        try workspace.write("sweep.yaml", tinySweepExperiment)
        let serial = try workspace.plan("sweep.yaml", out: "serial"), parallel = try workspace.plan("sweep.yaml", out: "parallel")
        XCTAssertEqual(try workspace.run(serial, jobs: 1).exitCode, 0)
        XCTAssertEqual(try workspace.run(parallel, jobs: 2).exitCode, 0)
        assertSameFiles(try resultFiles(of: serial), try resultFiles(of: parallel))
        XCTAssertEqual(timeless(try summary(of: serial)), timeless(try summary(of: parallel)))
    }

    func testASweepRunWritesTheMetricsOfTheSameRunAloneOnAnyNumberOfThreads() throws {
        let workspace = try SweepWorkspace()
        try workspace.write("sweep.yaml", tinySweepExperiment)
        let plan = try workspace.plan("sweep.yaml")
        _ = try workspace.run(plan, jobs: 2)
        let metrics = "metrics.csv"
        let swept = try Data(contentsOf: plan.directory(of: plan.runs[3]).appendingPathComponent(metrics))
        for threads in [1, 2, 4] {
            let alone = workspace.url.appendingPathComponent("alone-\(threads)")
            _ = try ExperimentRunner(experiment: plan.runs[3].experiment, options: RunOptions(
                outputDirectory: alone.path, dataDirectory: SweepWorkspace.dataDirectory.path, quiet: true,
                threads: threads)).run()
            XCTAssertEqual(try Data(contentsOf: alone.appendingPathComponent(metrics)), swept, "\(threads) threads")
        }
    }

    func testTheSummaryHasOneRowPerRunInExpansionOrder() throws {
        let workspace = try SweepWorkspace()
        try workspace.write("sweep.yaml", tinySweepExperiment)
        let plan = try workspace.plan("sweep.yaml")
        let outcome = try workspace.run(plan, jobs: 2)
        XCTAssertEqual(outcome.statuses, Array(repeating: RunState.completed, count: 4))
        XCTAssertTrue(outcome.text.hasPrefix("4 runs: 4 completed\n"), outcome.text)
        let table = try summary(of: plan)
        XCTAssertEqual(Array(table.header.prefix(7)),
                       ["run_id", "model.latent_dim", "optimizer.lr", "seed", "status", "diverged_at_step", "step"])
        XCTAssertEqual(Array(table.header.suffix(2)), ["wall_time_s", "error"])
        XCTAssertTrue(table.header.contains("best_heldout_recon_mse"))
        XCTAssertTrue(table.header.contains("eval_knn_accuracy"))
        XCTAssertEqual(table.column(named: "run_id"), plan.runs.map(\.id))
        XCTAssertEqual(table.column(named: "model.latent_dim"), ["2", "2", "3", "3"])
        XCTAssertEqual(table.column(named: "seed"), plan.runs.map { String($0.experiment.seed) })
        XCTAssertEqual(table.column(named: "step"), ["60", "60", "60", "60"])
        let best = try XCTUnwrap(table.column(named: "best_heldout_recon_mse")).compactMap(Double.init)
        let last = try XCTUnwrap(table.column(named: "heldout_recon_mse")).compactMap(Double.init)
        XCTAssertEqual(best.count, 4)
        for (best, last) in zip(best, last) { XCTAssertLessThanOrEqual(best, last) }
        for run in plan.runs {
            let metrics = try CSVTable.read(from: plan.directory(of: run).appendingPathComponent("metrics.csv"))
            XCTAssertEqual(metrics.rows.map { $0[0] }, ["20", "40", "60"])
        }
        XCTAssertTrue(try ResultsDiff.compare(plan.outputDirectory, plan.outputDirectory).outcome == .equal)
    }

    func testADivergingRunIsMarkedAndTheOthersFinish() throws {
        let workspace = try SweepWorkspace()
        try workspace.write("sweep.yaml", tinySweepExperiment.replacingOccurrences(
            of: "    model.latent_dim: [2, 3]\n    optimizer.lr: [0.001, 0.002]\n",
            with: "    optimizer: [{kind: adam, lr: 0.001}, {kind: sgd, lr: 1e6}, {kind: rmsprop}]\n"))
        let plan = try workspace.plan("sweep.yaml")
        XCTAssertEqual(plan.runs.map(\.id), ["optimizer=adam_lr_0.001", "optimizer=sgd_lr_1e6", "optimizer=rmsprop"])
        let outcome = try workspace.run(plan, jobs: 2)
        XCTAssertEqual(outcome.statuses, [.completed, .diverged, .completed])
        XCTAssertEqual(outcome.exitCode, 3)
        XCTAssertTrue(outcome.text.contains("2 completed, 1 diverged"), outcome.text)
        let table = try summary(of: plan)
        let divergedAt = try XCTUnwrap(table.column(named: "diverged_at_step")?[1])
        XCTAssertNotNil(Int(divergedAt))
        XCTAssertEqual(table.column(named: "step")?[1], divergedAt)
        XCTAssertEqual(table.column(named: "diverged_at_step")?[0], "")
    }

    func testARunThatThrowsIsRecordedAsFailedAndTheOthersFinish() throws {
        let workspace = try SweepWorkspace()
        try workspace.write("sweep.yaml", tinySweepExperiment)
        let plan = try workspace.plan("sweep.yaml")
        let blocked = plan.directory(of: plan.runs[1]).appendingPathComponent("metrics.csv")
        try FileManager.default.createDirectory(at: blocked, withIntermediateDirectories: true)
        let outcome = try workspace.run(plan, jobs: 2)
        XCTAssertEqual(outcome.statuses, [.completed, .failed, .completed, .completed])
        XCTAssertEqual(outcome.exitCode, 1)
        XCTAssertTrue(outcome.text.contains("3 completed, 1 failed"), outcome.text)
        let error = try XCTUnwrap(summary(of: plan).column(named: "error")?[1])
        XCTAssertTrue(error.contains("metrics.csv"), error)
        XCTAssertEqual(RunRecord.read(in: plan.directory(of: plan.runs[1]))?.status, .failed)

        try FileManager.default.removeItem(at: blocked)
        XCTAssertEqual(try workspace.run(plan, jobs: 2).statuses, Array(repeating: RunState.completed, count: 4))
    }

    func testASecondSweepOnTheSameFolderIsRefused() throws {
        let workspace = try SweepWorkspace()
        try workspace.write("sweep.yaml", tinySweepExperiment)
        let plan = try workspace.plan("sweep.yaml")
        try FileManager.default.createDirectory(at: plan.outputDirectory, withIntermediateDirectories: true)
        let holder = try FolderLock(directory: plan.outputDirectory)
        XCTAssertThrowsError(try workspace.run(plan, jobs: 1)) { error in
            XCTAssertTrue("\(error)".contains("in use by another aae-run (process \(getpid()))"), "\(error)")
        }
        holder.release()
        XCTAssertEqual(try workspace.run(plan, jobs: 2).exitCode, 0)
    }

    func testAnInterruptedSweepRunAgainEndsWithTheFilesOfOneNeverInterrupted() throws {
        let workspace = try SweepWorkspace()
        try workspace.write("sweep.yaml", tinySweepExperiment)
        let reference = try workspace.plan("sweep.yaml", out: "reference"), plan = try workspace.plan("sweep.yaml")
        _ = try workspace.run(reference, jobs: 2)

        let stopped = try workspace.run(plan, jobs: 2, stopAfterStep: 33)
        XCTAssertEqual(stopped.statuses, Array(repeating: RunState.interrupted, count: 4))
        XCTAssertEqual(stopped.exitCode, 130)
        XCTAssertTrue(stopped.text.contains("continue with: aae-run resume"), stopped.text)
        XCTAssertEqual(try summary(of: plan).column(named: "status"), Array(repeating: "interrupted", count: 4))

        XCTAssertEqual(try workspace.run(plan, jobs: 1).exitCode, 0)
        assertSameFiles(try resultFiles(of: plan), try resultFiles(of: reference))
        XCTAssertEqual(timeless(try summary(of: plan)), timeless(try summary(of: reference)))
    }

    func testRunsThatEndedAreSkippedWhenTheSweepRunsAgain() throws {
        let workspace = try SweepWorkspace()
        try workspace.write("sweep.yaml", tinySweepExperiment)
        let plan = try workspace.plan("sweep.yaml")
        _ = try workspace.run(plan, jobs: 2)
        let before = try summary(of: plan)
        let metrics = plan.directory(of: plan.runs[0]).appendingPathComponent("metrics.csv")
        let modified = try FileManager.default.attributesOfItem(atPath: metrics.path)[.modificationDate] as? Date
        var lines: [String] = []
        let runner = SweepRunner(plan: plan, options: SweepOptions(jobs: 2, dataDirectory: SweepWorkspace.dataDirectory.path))
        runner.progress = { lines.append($0) }
        XCTAssertEqual(try runner.run().exitCode, 0)
        XCTAssertEqual(lines, ["4 of 4 runs already ended; skipping them"])
        XCTAssertEqual(try summary(of: plan), before)
        XCTAssertEqual(try FileManager.default.attributesOfItem(atPath: metrics.path)[.modificationDate] as? Date, modified)
    }

    func testAStopRequestedBeforeTheSweepStartsNoRun() throws {
        let workspace = try SweepWorkspace()
        try workspace.write("sweep.yaml", tinySweepExperiment)
        let plan = try workspace.plan("sweep.yaml")
        let stop = StopRequest()
        stop.request()
        let outcome = try workspace.run(plan, jobs: 2, stop: stop)
        XCTAssertEqual(outcome.statuses, Array(repeating: RunState.pending, count: 4))
        XCTAssertEqual(outcome.exitCode, 130)
        XCTAssertTrue(outcome.text.contains("4 not started"), outcome.text)
    }

    func testASweepResumedFromItsFolderContinuesWithTheSavedSettings() throws {
        let workspace = try SweepWorkspace()
        try workspace.write("sweep.yaml", tinySweepExperiment)
        let reference = try workspace.plan("sweep.yaml", out: "reference"), plan = try workspace.plan("sweep.yaml")
        _ = try workspace.run(reference, jobs: 2)
        _ = try workspace.run(plan, jobs: 2, stopAfterStep: 45)
        let resumed = try SweepPlan.resuming(directory: plan.outputDirectory)
        XCTAssertEqual(resumed.runs.map(\.id), plan.runs.map(\.id))
        XCTAssertEqual(resumed.keyPaths, plan.keyPaths)
        XCTAssertEqual(resumed.runs.map(\.values), plan.runs.map(\.values))
        XCTAssertEqual(try workspace.run(resumed, jobs: 2).exitCode, 0)
        assertSameFiles(try resultFiles(of: plan), try resultFiles(of: reference))
    }

    func testAChangedSweepIsRefusedOnTheFolderOfTheOldOne() throws {
        let workspace = try SweepWorkspace()
        try workspace.write("sweep.yaml", tinySweepExperiment)
        _ = try workspace.run(try workspace.plan("sweep.yaml"), jobs: 2, stopAfterStep: 5)
        let changed = try workspace.plan("sweep.yaml", overrides: ["training.steps=80"])
        XCTAssertThrowsError(try workspace.run(changed, jobs: 2)) { error in
            XCTAssertTrue("\(error)".contains("another version of this sweep"), "\(error)")
        }
    }
}
