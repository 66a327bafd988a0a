import AAEExperiment
import AAEReport
import Foundation
import XCTest

/// `report.snapshot_every`: the latent scatter and the manifold drawn during training,
/// and the contact sheet of the latent snapshots.
final class RunSnapshotsTests: SyntheticMNISTTestCase {
    private let small = """
        name: small
        seed: 5
        data: {dataset: mnist, scale: [-1, 1], test_size: 300}
        model:
          kind: aae
          latent_dim: 2
          encoder: [dense 32, leaky_relu 0.2, dense latent]
          decoder: [dense 32, leaky_relu 0.2, dense input, tanh]
          discriminator: [dense 16, leaky_relu 0.2, dense 1, sigmoid]
        optimizer: {kind: adam, lr: 0.001, beta1: 0.5}
        training: {steps: 90, batch_size: 32, log_every: 20}
        """

    private func experiment(_ overrides: [String]) throws -> Experiment {
        try ExperimentReader.parse(Data(small.utf8), file: "small.yaml", overrides: overrides.map { try Override(parsing: $0) })
    }

    private func run(_ overrides: [String]) throws -> URL {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("aae-snapshots-\(UUID().uuidString)")
        outputs.append(output)
        let options = RunOptions(outputDirectory: output.path, dataDirectory: Self.dataDirectory.path, quiet: true)
        XCTAssertEqual(try ExperimentRunner(experiment: experiment(overrides), options: options).run().status, .completed)
        return output
    }

    func testSnapshotsAreDrawnEveryNStepsWithoutChangingAnyMetric() throws {
        let plain = try run([])
        let snapshotted = try run(["report.snapshot_every=30"])
        for file in ["metrics.csv", "eval.csv", "samples.png", "latent_scatter.png"] {
            XCTAssertEqual(try Data(contentsOf: plain.appendingPathComponent(file)),
                           try Data(contentsOf: snapshotted.appendingPathComponent(file)), file)
        }
        let snapshots = try FileManager.default.contentsOfDirectory(atPath: snapshotted.appendingPathComponent("snapshots").path)
        XCTAssertEqual(snapshots.sorted(), ["latent_step_000030.png", "latent_step_000060.png", "latent_step_000090.png",
                                            "manifold_step_000030.png", "manifold_step_000060.png", "manifold_step_000090.png"])
        XCTAssertNotEqual(try Data(contentsOf: snapshotted.appendingPathComponent("snapshots/latent_step_000030.png")),
                          try Data(contentsOf: snapshotted.appendingPathComponent("snapshots/latent_step_000090.png")),
                          "the codes move as the model trains")
        let sheet = [UInt8](try Data(contentsOf: snapshotted.appendingPathComponent(RunSnapshots.sheetFileName)))
        XCTAssertEqual(Array(sheet.prefix(4)), [0x89, 0x50, 0x4E, 0x47])
        let width = sheet[16..<20].reduce(0) { $0 << 8 | Int($1) }
        XCTAssertEqual(width, 3 * 400 + 16, "three thumbnails in a row")
        XCTAssertFalse(FileManager.default.fileExists(atPath: plain.appendingPathComponent("snapshots").path))
        XCTAssertFalse(FileManager.default.fileExists(atPath: plain.appendingPathComponent(RunSnapshots.sheetFileName).path))
    }

    func testARunStartedAgainRemovesTheEarlierRunsSnapshotsAndAResumedOneKeepsThem() throws {
        let output = try run(["report.snapshot_every=30"])
        let options = RunOptions(outputDirectory: output.path, dataDirectory: Self.dataDirectory.path, quiet: true)
        let sheet = output.appendingPathComponent(RunSnapshots.sheetFileName)
        let late = output.appendingPathComponent("snapshots/latent_step_000090.png")
        let resumed = try ExperimentRunner(experiment: experiment(["report.snapshot_every=30"]), options: {
            var resuming = options
            resuming.resume = true
            return resuming
        }()).run()
        XCTAssertEqual(resumed.status, .completed)
        XCTAssertTrue(FileManager.default.fileExists(atPath: late.path), "a resumed run keeps its snapshots")
        XCTAssertTrue(FileManager.default.fileExists(atPath: sheet.path))
        let again = try ExperimentRunner(experiment: experiment(["report.snapshot_every=40"]), options: options).run()
        XCTAssertEqual(again.status, .completed)
        let snapshots = try FileManager.default.contentsOfDirectory(atPath: output.appendingPathComponent("snapshots").path)
        XCTAssertEqual(snapshots.sorted(), ["latent_step_000040.png", "latent_step_000080.png",
                                            "manifold_step_000040.png", "manifold_step_000080.png"],
                       "no snapshot of the earlier run is left")
        XCTAssertTrue(FileManager.default.fileExists(atPath: sheet.path))
    }

    func testASnapshotReturnsTheFiguresItWroteOnlyWhenDue() throws {
        let experiment = try experiment(["report.snapshot_every=25"])
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("aae-snapshots-\(UUID().uuidString)")
        outputs.append(directory)
        let data = try ExperimentData.load(experiment.data, seed: experiment.seed, dataDirectory: Self.dataDirectory.path)
        let model = ModelBuilder.model(experiment, inputFeatures: data.train.featureCount, seed: experiment.seed)
        let snapshots = try XCTUnwrap(RunSnapshots(experiment: experiment, test: data.test, steps: 1_000_000,
                                                   directory: directory))
        XCTAssertEqual(try snapshots.takeIfDue(step: 24, model: model), [])
        let written = try snapshots.takeIfDue(step: 50, model: model)
        XCTAssertEqual(written.map(\.url.lastPathComponent), ["latent_step_0000050.png", "manifold_step_0000050.png"],
                       "steps padded to the width of the last step, at least six digits")
        XCTAssertEqual(written.map(\.figure), ["latent_scatter", "manifold"])
        XCTAssertEqual(written.map(\.step), [50, 50])
        XCTAssertTrue(written.allSatisfy { FileManager.default.fileExists(atPath: $0.url.path) })
        XCTAssertEqual(RunSnapshots.taken(in: directory), written, "the files on disk read back as the snapshots taken")
        XCTAssertNil(RunSnapshots(experiment: try self.experiment([]), test: data.test, steps: 90, directory: directory))
    }

    func testTheContactSheetThinsManySnapshotsKeepingTheFirstAndTheLast() {
        XCTAssertEqual(RunSnapshots.thinned(Array(1...100), to: 5), [1, 26, 51, 75, 100])
        XCTAssertEqual(RunSnapshots.thinned(Array(1...4), to: 25), [1, 2, 3, 4])
    }
}
