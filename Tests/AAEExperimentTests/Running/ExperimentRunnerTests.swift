import AAEExperiment
import AAEReport
import Foundation
import XCTest

final class ExperimentRunnerTests: SyntheticMNISTTestCase {
    private let small = """
        name: small
        seed: 5
        data: {dataset: mnist, scale: [-1, 1]}
        model:
          kind: aae
          latent_dim: 2
          encoder: [dense 64, leaky_relu 0.2, dense latent]
          decoder: [dense 64, leaky_relu 0.2, dense input, tanh]
          discriminator: [dense 32, leaky_relu 0.2, dense 1, sigmoid]
        loss: {reconstruction: mse, weights: {reconstruction: 0.999, adversarial: 0.001}}
        optimizer: {kind: adam, lr: 0.001, beta1: 0.5}
        training: {steps: 120, batch_size: 32, log_every: 40}
        """

    private func run(_ text: String, overrides: [String] = [], dataDirectory: URL? = nil) throws -> RunResult {
        let experiment = try ExperimentReader.parse(Data(text.utf8), file: "small.yaml",
                                                    overrides: overrides.map { try Override(parsing: $0) })
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("aae-run-\(UUID().uuidString)")
        outputs.append(output)
        let options = RunOptions(outputDirectory: output.path,
                                 dataDirectory: (dataDirectory ?? Self.dataDirectory).path, quiet: true)
        return try ExperimentRunner(experiment: experiment, options: options).run()
    }

    private func metrics(_ result: RunResult) throws -> CSVTable {
        try CSVTable.read(from: result.outputDirectory.appendingPathComponent("metrics.csv"))
    }

    func testRunWritesMetricsWithFixedColumnsAndAScatterPlot() throws {
        let result = try run(small)
        XCTAssertEqual(result.status, .completed)
        let table = try metrics(result)
        XCTAssertEqual(table.header, ["step", "d_loss", "d_acc", "g_loss", "recon_loss", "adv_loss",
                                      "train_recon_mse", "heldout_recon_mse"])
        XCTAssertEqual(table.rows.map { $0[0] }, ["40", "80", "120"])
        let png = try Data(contentsOf: result.outputDirectory.appendingPathComponent("latent_scatter.png"))
        XCTAssertEqual(Array(png.prefix(4)), [0x89, 0x50, 0x4E, 0x47])
    }

    func testSameFileAndSeedGiveByteIdenticalMetrics() throws {
        let first = try Data(contentsOf: run(small).outputDirectory.appendingPathComponent("metrics.csv"))
        let second = try Data(contentsOf: run(small).outputDirectory.appendingPathComponent("metrics.csv"))
        XCTAssertEqual(first, second)
        let otherSeed = try Data(contentsOf: run(small, overrides: ["seed=6"]).outputDirectory
            .appendingPathComponent("metrics.csv"))
        XCTAssertNotEqual(first, otherSeed)
    }

    func testTrainingReducesHeldOutReconstructionError() throws {
        let table = try metrics(run(small, overrides: ["training.steps=600", "training.log_every=50"]))
        let heldOut = try XCTUnwrap(table.column(named: "heldout_recon_mse")).compactMap(Double.init)
        XCTAssertLessThan(heldOut.last!, heldOut.first! * 0.5, "held-out MSE \(heldOut)")
    }

    func testDivergingRunIsMarkedAndKeepsItsMetrics() throws {
        let result = try run(small, overrides: ["optimizer={kind: sgd, lr: 1e6}", "training.steps=200"])
        guard case .diverged(let step) = result.status else {
            return XCTFail("expected divergence, got \(result.status)")
        }
        let rows = try metrics(result).rows
        XCTAssertEqual(rows.last?.first, String(step))
        XCTAssertTrue(rows.last?.contains { $0 == "nan" || $0.hasSuffix("inf") } ?? false, "\(rows)")
    }

    func testBatchLargerThanTheTrainingSetIsAnError() {
        XCTAssertThrowsError(try run(small, overrides: ["training.batch_size=9000"])) { error in
            XCTAssertTrue("\(error)".contains("training.batch_size: a batch of 9000 examples"), "\(error)")
        }
    }

    func testMissingDataNamesThePathAndTheFix() {
        let empty = FileManager.default.temporaryDirectory.appendingPathComponent("aae-empty-\(UUID().uuidString)")
        XCTAssertThrowsError(try run(small, dataDirectory: empty)) { error in
            XCTAssertTrue("\(error)".contains(empty.path), "\(error)")
            XCTAssertTrue("\(error)".contains("make data"), "\(error)")
        }
    }

    /// The seed's deterministic AAE on real MNIST learns within a few hundred steps.
    func testDeterministicAAELearnsRealMNIST() throws {
        guard let data = Repository.realDataDirectory else { throw XCTSkip("real MNIST is not present") }
        let text = try String(contentsOf: Repository.root.appendingPathComponent("experiments/aae_deterministic.yaml"),
                              encoding: .utf8)
        let result = try run(text, overrides: ["training.steps=400", "training.log_every=200"], dataDirectory: data)
        let heldOut = try XCTUnwrap(metrics(result).column(named: "heldout_recon_mse")).compactMap(Double.init)
        XCTAssertLessThan(heldOut.last!, 0.035, "held-out MSE \(heldOut)")
    }
}
