import AAEExperiment
import AAEReport
import Foundation
import XCTest

/// A sweep's TensorBoard files as TensorBoard itself reads them (its EventAccumulator,
/// through scripts/read-tensorboard.py), against the CSV files and the sweep they
/// stand for; and what `aae-run diff` makes of them.
final class TensorBoardEventsTests: XCTestCase {
    /// What read-tensorboard.py prints for one run.
    private struct ReadRun: Decodable {
        var scalars: [String: [[Scalar]]]
        var images: [String: [[Scalar]]]
        var experiment: Experiment?
        var session_start: [String: Scalar]?
        var session_end: Int?

        struct Experiment: Decodable {
            var hparams: [String: [Scalar]]
            var metrics: [String]
        }
    }

    /// A JSON number, string or boolean.
    private enum Scalar: Decodable, Equatable {
        case number(Double), text(String), flag(Bool)

        init(from decoder: Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let flag = try? container.decode(Bool.self) { self = .flag(flag) }
            else if let number = try? container.decode(Double.self) { self = .number(number) }
            else { self = .text(try container.decode(String.self)) }
        }

        var int: Int? { if case .number(let value) = self { Int(value) } else { nil } }
        /// A number, or a repr string of one (`nan`).
        var float: Float? {
            switch self {
            case .number(let value): Float(value)
            case .text(let text): Double(text).map(Float.init)
            case .flag: nil
            }
        }
    }

    private static let sweepFile = tinySweepExperiment.replacingOccurrences(
        of: "eval: {parzen_samples: 0}",
        with: "eval: {parzen_samples: 0}\nreport: {plots: [latent_scatter, losses], snapshot_every: 30}")

    /// What TensorBoard's reader finds under `directory`, by run name.
    private func read(_ directory: URL, with interpreter: URL) throws -> [String: ReadRun] {
        let script = Repository.root.appendingPathComponent("scripts/read-tensorboard.py").path
        let result = try PythonEnvironment.run(interpreter, [script, directory.path])
        XCTAssertEqual(result.status, 0, result.error)
        return try JSONDecoder().decode([String: ReadRun].self, from: Data(result.output.utf8))
    }

    /// Checks that `read` holds every metrics.csv cell of the run in `directory` as a
    /// scalar at its step, to float32 precision, and every eval.csv value at `step`.
    private func assertScalarsMatchTheCSVFiles(_ read: ReadRun, in directory: URL, step: Int, _ run: String,
                                               file: StaticString = #filePath, line: UInt = #line) throws {
        let metrics = try CSVTable.read(from: directory.appendingPathComponent("metrics.csv"))
        for (column, name) in metrics.header.enumerated().dropFirst() {
            let expected = metrics.rows.compactMap { row in Double(row[column]).map { [Int(row[0])!, Int(Float($0).bitPattern)] } }
            let scalars = try XCTUnwrap(read.scalars[name], "\(run) has no scalar \(name)", file: file, line: line)
            XCTAssertEqual(scalars.map { [$0[0].int!, Int($0[1].float!.bitPattern)] }, expected, "\(run) \(name)",
                           file: file, line: line)
        }
        let evaluation = try CSVTable.read(from: directory.appendingPathComponent("eval.csv"))
        XCTAssertFalse(evaluation.rows.isEmpty, file: file, line: line)
        for row in evaluation.rows {
            let scalars = try XCTUnwrap(read.scalars["eval/\(row[0])"], "\(run) has no eval/\(row[0])", file: file, line: line)
            XCTAssertEqual(scalars.map { $0[0].int }, [step], file: file, line: line)
            XCTAssertEqual(scalars[0][1].float, Float(Double(row[1])!), "\(run) eval/\(row[0])", file: file, line: line)
        }
    }

    /// Checks that `read` holds the figures at `step` and the snapshots at 30 and 60, each decoding as a PNG.
    private func assertImagesDecode(_ read: ReadRun, step: Int, _ run: String,
                                    file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(Set(read.images.keys), ["figures/latent_scatter", "figures/losses", "snapshots/latent_scatter",
                                               "snapshots/manifold"], run, file: file, line: line)
        for (tag, images) in read.images {
            XCTAssertEqual(images.map { $0[0].int }, tag.hasPrefix("snapshots/") ? [30, 60] : [step], "\(run) \(tag)",
                           file: file, line: line)
            XCTAssertTrue(images.allSatisfy { $0[3] == .flag(true) }, "\(run) \(tag) does not decode as PNG",
                          file: file, line: line)
        }
    }

    func testTensorBoardReadsEveryMetricEvaluationFigureAndTheSweepsHParams() throws {
        let python = PythonEnvironment.interpreter(importing: ["tensorboard"])
        guard let interpreter = python.url else {
            print("TensorBoardEventsTests: skipped: \(python.reason)")
            throw XCTSkip(python.reason)
        }
        let workspace = try SweepWorkspace()
        try workspace.write("sweep.yaml", Self.sweepFile)
        let plan = try workspace.plan("sweep.yaml")
        XCTAssertEqual(try workspace.run(plan, jobs: 2).statuses, Array(repeating: RunState.completed, count: 4))

        let runs = try read(plan.outputDirectory, with: interpreter)
        XCTAssertEqual(Set(runs.keys), Set(["tb"] + plan.runs.map { "\($0.id)/tb" }))

        let experiment = try XCTUnwrap(runs["tb"]?.experiment)
        XCTAssertEqual(Set(experiment.hparams.keys), ["model.latent_dim", "optimizer.lr"])
        XCTAssertEqual(experiment.hparams["optimizer.lr"], [.number(0.001), .number(0.002)])
        XCTAssertTrue(experiment.metrics.contains("heldout_recon_mse"), "\(experiment.metrics)")
        XCTAssertTrue(experiment.metrics.contains("eval/knn_accuracy"), "\(experiment.metrics)")

        for run in plan.runs {
            let directory = plan.directory(of: run)
            let read = try XCTUnwrap(runs["\(run.id)/tb"], run.id)
            try assertScalarsMatchTheCSVFiles(read, in: directory, step: 60, run.id)
            assertImagesDecode(read, step: 60, run.id)
            let latentDim = Double(run.values[plan.keyPaths.firstIndex(of: "model.latent_dim")!])!
            let lr = Double(run.values[plan.keyPaths.firstIndex(of: "optimizer.lr")!])!
            XCTAssertEqual(read.session_start, ["model.latent_dim": .number(latentDim), "optimizer.lr": .number(lr)])
            XCTAssertEqual(read.session_end, 1, "\(run.id) should end with STATUS_SUCCESS")
        }
    }

    func testARunThatFailsEndsItsSessionFailedAndEvalRewritesTheEventFileWithTheNewEvaluation() throws {
        let python = PythonEnvironment.interpreter(importing: ["tensorboard"])
        guard let interpreter = python.url else {
            print("TensorBoardEventsTests: skipped: \(python.reason)")
            throw XCTSkip(python.reason)
        }
        let workspace = try SweepWorkspace()
        try workspace.write("sweep.yaml", Self.sweepFile)
        let plan = try workspace.plan("sweep.yaml", overrides: ["sweep.grid.model.latent_dim=[2]"])
        let failing = plan.directory(of: plan.runs[1])
        try FileManager.default.createDirectory(at: failing.appendingPathComponent("metrics.csv"),
                                                withIntermediateDirectories: true)
        XCTAssertEqual(try workspace.run(plan, jobs: 1).statuses, [.completed, .failed])
        let before = try XCTUnwrap(read(plan.outputDirectory, with: interpreter)["\(plan.runs[1].id)/tb"])
        XCTAssertEqual(before.session_end, 2, "a run that threw after it began writing ends with STATUS_FAILURE")

        let evaluated = plan.directory(of: plan.runs[0])
        let config = evaluated.appendingPathComponent("config.resolved.yaml").path
        let withParzen = try ExperimentReader.load(path: config, overrides: [try Override(parsing: "eval.parzen_samples=300")])
        let options = RunOptions(outputDirectory: evaluated.path, dataDirectory: SweepWorkspace.dataDirectory.path)
        let metrics = try ExperimentRunner(experiment: withParzen, options: options).reevaluate()
        XCTAssertNotNil(metrics.first { $0.name == "parzen_log_likelihood" })
        let after = try XCTUnwrap(read(plan.outputDirectory, with: interpreter)["\(plan.runs[0].id)/tb"])
        XCTAssertNotNil(after.scalars["eval/parzen_log_likelihood"], "the new evaluation is in the event file")
        try assertScalarsMatchTheCSVFiles(after, in: evaluated, step: 60, plan.runs[0].id)
        assertImagesDecode(after, step: 60, plan.runs[0].id)
        XCTAssertEqual(after.session_start, ["model.latent_dim": .number(2), "optimizer.lr": .number(0.001)])
        XCTAssertEqual(after.session_end, 1, "the completed run's session still ends with STATUS_SUCCESS")
    }

    func testEveryRunWritesItsEventFileAndDiffIgnoresTheirWallTimes() throws {
        let workspace = try SweepWorkspace()
        try workspace.write("sweep.yaml", tinySweepExperiment)
        let short = ["sweep.grid.model.latent_dim=[2]", "training.steps=20"]
        let first = try workspace.plan("sweep.yaml", out: "first", overrides: short)
        let second = try workspace.plan("sweep.yaml", out: "second", overrides: short)
        _ = try workspace.run(first, jobs: 2)
        _ = try workspace.run(second, jobs: 2)
        for plan in [first, second] {
            XCTAssertTrue(FileManager.default.fileExists(atPath: TensorBoardLog.url(in: plan.outputDirectory).path))
            for run in plan.runs {
                XCTAssertTrue(FileManager.default.fileExists(atPath: TensorBoardLog.url(in: plan.directory(of: run)).path))
            }
        }
        let run = first.runs[0]
        XCTAssertNotEqual(try Data(contentsOf: TensorBoardLog.url(in: first.directory(of: run))),
                          try Data(contentsOf: TensorBoardLog.url(in: second.directory(of: run))),
                          "event files hold wall times, so two runs' files differ")
        XCTAssertEqual(try resultFiles(of: first), try resultFiles(of: second))
        let diff = try ResultsDiff.compare(first.outputDirectory, second.outputDirectory)
        XCTAssertEqual(diff.outcome, .equal, "\(diff.onlyInA) \(diff.onlyInB)")
        XCTAssertEqual(try ResultsDiff.compare(first.directory(of: run), second.directory(of: run)).outcome, .equal)
    }
}
