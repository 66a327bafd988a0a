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
        of: "eval: {parzen_samples: 0}", with: "eval: {parzen_samples: 0}\nreport: {plots: [latent_scatter, losses]}")

    func testTensorBoardReadsEveryMetricEvaluationFigureAndTheSweepsHParams() throws {
        let python = PythonEnvironment.interpreter(importing: ["tensorboard"])
        guard let interpreter = python.url else {
            print("TensorBoardEventsTests: skipped: \(python.reason)")
            throw XCTSkip(python.reason)
        }
        let workspace = try SweepWorkspace()
        try workspace.write("sweep.yaml", Self.sweepFile)
        let plan = try workspace.plan("sweep.yaml")
        XCTAssertEqual(try workspace.run(plan, jobs: 2).statuses, Array(repeating: "completed", count: 4))

        let script = Repository.root.appendingPathComponent("scripts/read-tensorboard.py").path
        let result = try PythonEnvironment.run(interpreter, [script, plan.outputDirectory.path])
        XCTAssertEqual(result.status, 0, result.error)
        let runs = try JSONDecoder().decode([String: ReadRun].self, from: Data(result.output.utf8))
        XCTAssertEqual(Set(runs.keys), Set(["tb"] + plan.runs.map { "\($0.id)/tb" }))

        let experiment = try XCTUnwrap(runs["tb"]?.experiment)
        XCTAssertEqual(Set(experiment.hparams.keys), ["model.latent_dim", "optimizer.lr"])
        XCTAssertEqual(experiment.hparams["optimizer.lr"], [.number(0.001), .number(0.002)])
        XCTAssertTrue(experiment.metrics.contains("heldout_recon_mse"), "\(experiment.metrics)")
        XCTAssertTrue(experiment.metrics.contains("eval/knn_accuracy"), "\(experiment.metrics)")

        for run in plan.runs {
            let directory = plan.directory(of: run)
            let read = try XCTUnwrap(runs["\(run.id)/tb"], run.id)
            let metrics = try CSVTable.read(from: directory.appendingPathComponent("metrics.csv"))
            for (column, name) in metrics.header.enumerated().dropFirst() {
                let expected = metrics.rows.compactMap { row in Double(row[column]).map { [Int(row[0])!, Int(Float($0).bitPattern)] } }
                let scalars = try XCTUnwrap(read.scalars[name], "\(run.id) has no scalar \(name)")
                XCTAssertEqual(scalars.map { [$0[0].int!, Int($0[1].float!.bitPattern)] }, expected, "\(run.id) \(name)")
            }
            let evaluation = try CSVTable.read(from: directory.appendingPathComponent("eval.csv"))
            XCTAssertFalse(evaluation.rows.isEmpty)
            for row in evaluation.rows {
                let scalars = try XCTUnwrap(read.scalars["eval/\(row[0])"], "\(run.id) has no eval/\(row[0])")
                XCTAssertEqual(scalars.map { $0[0].int }, [60])
                XCTAssertEqual(scalars[0][1].float, Float(Double(row[1])!), "\(run.id) eval/\(row[0])")
            }
            XCTAssertEqual(Set(read.images.keys), ["figures/latent_scatter", "figures/losses"])
            for (tag, images) in read.images {
                XCTAssertEqual(images.count, 1)
                XCTAssertEqual(images[0][0].int, 60)
                XCTAssertEqual(images[0][3], .flag(true), "\(run.id) \(tag) does not decode as PNG")
            }
            let latentDim = Double(run.values[plan.keyPaths.firstIndex(of: "model.latent_dim")!])!
            let lr = Double(run.values[plan.keyPaths.firstIndex(of: "optimizer.lr")!])!
            XCTAssertEqual(read.session_start, ["model.latent_dim": .number(latentDim), "optimizer.lr": .number(lr)])
            XCTAssertEqual(read.session_end, 1, "\(run.id) should end with STATUS_SUCCESS")
        }
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
