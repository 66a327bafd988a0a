import AAECore
import AAEExperiment
import Foundation
import XCTest

/// What a user sees of every shipped experiment — its resolved configuration and
/// the metrics.csv and eval.csv of a 200-step run on one BLAS thread — stays
/// byte-identical to the fixtures in Tests/Golden (see its README to regenerate).
final class GoldenOutputTests: XCTestCase {
    private let golden = Repository.root.appendingPathComponent("Tests/Golden")
    private var isUpdating: Bool { ProcessInfo.processInfo.environment["AAE_GOLDEN_UPDATE"] == "1" }

    private var experimentNames: [String] {
        get throws {
            try FileManager.default.contentsOfDirectory(atPath: Repository.root.appendingPathComponent("experiments").path)
                .filter { $0.hasSuffix(".yaml") }.map { String($0.dropLast(5)) }.sorted()
        }
    }

    private func experimentPath(_ name: String) -> String {
        Repository.root.appendingPathComponent("experiments/\(name).yaml").path
    }

    func testShowOfEveryShippedExperimentIsUnchanged() throws {
        let names = try experimentNames
        XCTAssertGreaterThanOrEqual(names.count, 14)
        for name in names {
            let shown = resolvedYAML(try ExperimentReader.load(path: experimentPath(name)))
            try check(Data(shown.utf8), against: "show/\(name).yaml")
        }
    }

    func testMetricsAndEvaluationOfA200StepRunOfEveryShippedExperimentAreUnchanged() throws {
        guard let dataDirectory = Repository.realDataDirectory else {
            throw XCTSkip("the real MNIST test set is not in data/ or ../shared/data: `make data` copies it")
        }
        let previousThreads = (BLAS.threadCount, Parallelism.workers)
        defer { (BLAS.threadCount, Parallelism.workers) = previousThreads }
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("aae-golden-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: scratch) }
        for name in try experimentNames where name != "sweep" {
            let length = name == "vae_moons" ? "training.epochs=10" : "training.steps=200"
            let experiment = try ExperimentReader.load(path: experimentPath(name),
                                                       overrides: Override.commandLine(set: [length], unset: []))
            let folder = scratch.appendingPathComponent(name)
            let result = try ExperimentRunner(experiment: experiment, options: RunOptions(
                outputDirectory: folder.path, dataDirectory: dataDirectory.path, quiet: true, blasThreads: 1)).run()
            XCTAssertEqual(result.status, .completed, name)
            for file in ["metrics.csv", "eval.csv"] {
                try check(Data(contentsOf: folder.appendingPathComponent(file)), against: "runs/\(name)/\(file)")
            }
        }
    }

    /// Compares `actual` with the fixture at `path`, or rewrites the fixture under AAE_GOLDEN_UPDATE=1.
    private func check(_ actual: Data, against path: String) throws {
        let url = golden.appendingPathComponent(path)
        if isUpdating {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try actual.write(to: url)
            return
        }
        let expected = try Data(contentsOf: url)
        XCTAssertEqual(String(decoding: actual, as: UTF8.self), String(decoding: expected, as: UTF8.self),
                       "\(path) differs from its golden copy")
    }
}
