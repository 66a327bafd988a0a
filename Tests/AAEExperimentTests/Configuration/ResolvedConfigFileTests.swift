import AAEExperiment
import Foundation
import XCTest

/// Every run saves the experiment it ran, resolved, as `config.resolved.yaml`.
final class ResolvedConfigFileTests: XCTestCase {
    func testRunWritesTheResolvedExperimentBesideItsMetrics() throws {
        let data = try SyntheticMNIST.makeDirectory()
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("aae-resolved-\(UUID().uuidString)")
        defer {
            try? FileManager.default.removeItem(at: data)
            try? FileManager.default.removeItem(at: output)
        }
        let experiment = try ExperimentReader.parse(Data(lineByLineExperiment.utf8), file: "test.yaml",
                                                    overrides: [Override(parsing: "training.steps=2")])
        let options = RunOptions(outputDirectory: output.path, dataDirectory: data.path, quiet: true)
        _ = try ExperimentRunner(experiment: experiment, options: options).run()
        let saved = try String(contentsOf: output.appendingPathComponent("config.resolved.yaml"), encoding: .utf8)
        XCTAssertEqual(saved, resolvedYAML(experiment))
        XCTAssertTrue(saved.contains("  steps: 2\n"))
        XCTAssertTrue(FileManager.default.fileExists(atPath: output.appendingPathComponent("metrics.csv").path))
    }
}
