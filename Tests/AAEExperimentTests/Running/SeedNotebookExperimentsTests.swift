import AAEExperiment
import AAEReport
import Foundation
import XCTest

/// The files of experiments/seeds/, each the exact configuration of one seed notebook:
/// each says which in its header, reads, and trains (a few steps, on synthetic MNIST).
final class SeedNotebookExperimentsTests: SyntheticMNISTTestCase {
    private var files: [URL] {
        get throws {
            let folder = Repository.root.appendingPathComponent("experiments/seeds")
            return try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".yaml") }.sorted()
                .map { folder.appendingPathComponent($0) }
        }
    }

    func testEverySeedFileNamesTheNotebookItReproducesAndHasATunedVariant() throws {
        let files = try files
        XCTAssertEqual(files.map(\.lastPathComponent), ["aae_2d.yaml", "aae_student_t.yaml", "vae.yaml"])
        for file in files {
            let text = try String(contentsOf: file, encoding: .utf8)
            XCTAssertTrue(text.hasPrefix("# Seed notebook reproduced: "), "\(file.lastPathComponent) has no header")
            let tuned = Repository.root.appendingPathComponent("experiments").appendingPathComponent(file.lastPathComponent)
            XCTAssertTrue(FileManager.default.fileExists(atPath: tuned.path), "no tuned variant of \(file.lastPathComponent)")
            let experiment = try ExperimentReader.load(path: file.path)
            XCTAssertEqual(experiment.name, file.deletingPathExtension().lastPathComponent + "_seed")
        }
    }

    func testEverySeedFileTrainsAFewSteps() throws {
        for file in try files {
            let overrides = try ["training.steps=4", "training.log_every=2", "report.plots=[]", "report.eval=false"]
                .map { try Override(parsing: $0) }
            let experiment = try ExperimentReader.load(path: file.path, overrides: overrides)
            let output = FileManager.default.temporaryDirectory.appendingPathComponent("aae-seed-\(UUID().uuidString)")
            outputs.append(output)
            let result = try ExperimentRunner(experiment: experiment,
                                              options: RunOptions(outputDirectory: output.path,
                                                                  dataDirectory: Self.dataDirectory.path, quiet: true)).run()
            XCTAssertEqual(result.status, .completed, file.lastPathComponent)
            let metrics = try CSVTable.read(from: output.appendingPathComponent("metrics.csv"))
            XCTAssertEqual(metrics.rows.map { $0[0] }, ["2", "4"], file.lastPathComponent)
        }
    }

    func testTheSeedsOfTheTwoDimensionalAAEAndTheVAEDifferFromTheirTunedVariantsWhereTheNotebooksDo() throws {
        let root = Repository.root.appendingPathComponent("experiments")
        let aae = try ExperimentReader.load(path: root.appendingPathComponent("seeds/aae_2d.yaml").path)
        let aaeSettings = try XCTUnwrap(aae.model.settings as? AdversarialAutoencoderSettings)
        XCTAssertEqual(aaeSettings.discriminatorUpdate, .halves)
        XCTAssertEqual(aae.model.encoder.allLayers.count, 3, "one 512-unit layer, its relu and the code layer")
        let vae = try ExperimentReader.load(path: root.appendingPathComponent("seeds/vae.yaml").path)
        XCTAssertEqual(vae.optimizer.shared.kind, "rmsprop")
    }
}
