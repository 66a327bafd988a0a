import AAEExperiment
import Foundation
import XCTest

/// `resolvedYAML`: the text `aae-run show` prints and runs save, which reads
/// back as the same experiment.
final class ExperimentWriterTests: XCTestCase {
    private func reread(_ text: String, file: StaticString = #filePath, line: UInt = #line) throws -> Experiment {
        do {
            return try ExperimentReader.parse(Data(text.utf8), file: "resolved.yaml")
        } catch {
            XCTFail("the resolved text does not read back: \(error)\n\(text)", file: file, line: line)
            throw error
        }
    }

    func testEveryShippedExperimentRoundTrips() throws {
        let paths = try shippedExperimentPaths()
        XCTAssertGreaterThanOrEqual(paths.count, 11)
        for path in paths {
            let experiment = try ExperimentReader.load(path: path)
            let text = resolvedYAML(experiment)
            assertSameExperiment(try reread(text), experiment, path)
            XCTAssertEqual(resolvedYAML(try reread(text)), text, path)
        }
    }

    func testDefaultExperimentIsWrittenInTheSchemasOrderWithFlowLayerLists() throws {
        let path = Repository.root.appendingPathComponent("experiments/aae_deterministic.yaml").path
        let text = resolvedYAML(try ExperimentReader.load(path: path))
        let topLevelKeys = text.split(separator: "\n").filter { !$0.hasPrefix(" ") }.map { $0.prefix { $0 != ":" } }
        XCTAssertEqual(topLevelKeys, ["name", "description", "seed", "data", "model", "prior", "loss", "optimizer", "training", "eval", "report"])
        XCTAssertTrue(text.contains("\n  encoder: [dense 512, leaky_relu 0.2, dense 512, leaky_relu 0.2, dense latent]\n"))
        XCTAssertTrue(text.contains("\n  latent_dim: 8\n  encoder:"))
        XCTAssertTrue(text.contains("\n  kind: adam\n  lr: 0.0002\n  beta1: 0.5\n  beta2: 0.999\n  epsilon: 1e-07\n"))
        XCTAssertTrue(text.contains("\n  weights: {reconstruction: 0.999, adversarial: 0.001}\n"))
    }

    func testDefaultsAreWrittenOut() throws {
        let text = resolvedYAML(try ExperimentReader.parse(Data(lineByLineExperiment.utf8), file: "test.yaml"))
        XCTAssertTrue(text.contains("description: \"\"\n"))
        XCTAssertTrue(text.contains("  discriminator_steps: 1\n"))
        XCTAssertTrue(text.contains("  log_every: 100\n"))
        XCTAssertTrue(text.contains("  mean: 0\n  std: 1\n"))
    }

    func testKeysThatDoNotApplyToTheKindAreLeftOut() throws {
        let path = Repository.root.appendingPathComponent("experiments/vae.yaml").path
        let text = resolvedYAML(try ExperimentReader.load(path: path))
        XCTAssertTrue(text.contains("  mc_samples: 1\n"))
        let modelAndLoss = text.components(separatedBy: "\noptimizer:")[0]
        for key in ["posterior", "schedule", "discriminator", "noise_dim", "sparsity"] {
            XCTAssertFalse(modelAndLoss.contains("  \(key):"), key)
        }
    }

    func testAwkwardStringsAndNumbersRoundTrip() throws {
        let text = editing(editing(editing(lineByLineExperiment, "seed: 3",
                                           "seed: 3\ndescription: 'null: a \"quoted\" # value\\ with\ttab'\noutput: '~'"),
                                   "  std: 1", "  mean: -0.30000000000000004\n  std: 1e-300"),
                           "  batch_size: 4", "  batch_size: 4\n  log_every: 7")
        let experiment = try reread(text)
        let resolved = resolvedYAML(experiment)
        let again = try reread(resolved)
        assertSameExperiment(again, experiment)
        XCTAssertEqual(again.description, "null: a \"quoted\" # value\\ with\ttab")
        XCTAssertEqual(again.output, "~")
        XCTAssertEqual(again.prior.parameters["mean"], -0.30000000000000004)
    }

    func testPerPhaseOptimizersAndSparsityRoundTrip() throws {
        let text = editing(editing(lineByLineExperiment, "  lr: 0.001", "  lr: 0.001\n  generator: {kind: sgd, momentum: 0.5}"),
                           "optimizer:", "loss:\n  weights: {reconstruction: 0.3}\n  sparsity: {kind: kl, target: 0.1}\noptimizer:")
        let experiment = try reread(text)
        let resolved = resolvedYAML(experiment)
        XCTAssertTrue(resolved.contains("  generator:\n    kind: sgd\n    lr: 0.01\n    momentum: 0.5\n"), resolved)
        XCTAssertTrue(resolved.contains("  sparsity: {kind: kl, target: 0.1, weight: 1}\n"), resolved)
        assertSameExperiment(try reread(resolved), experiment)
    }

    func testLongFormLayersAreWrittenInShortForm() throws {
        let text = editing(lineByLineExperiment, "encoder: [dense 16,", "encoder: [{dense: {units: 16, bias: false}}, batch_norm,")
        let resolved = resolvedYAML(try reread(text))
        XCTAssertTrue(resolved.contains("  encoder: [dense 16 false, batch_norm, relu, dense latent]\n"), resolved)
    }
}
