import AAEExperiment
import Foundation
import XCTest

/// The `sweep:` section as a file gives it: its checks, each at its line, and
/// its round trip through `aae-run show`.
final class SweepFileTests: XCTestCase {
    private let base = tinySweepExperiment.components(separatedBy: "sweep:\n")[0]

    private func diagnostics(_ sweep: String) throws -> [ConfigDiagnostic] {
        let workspace = try SweepWorkspace()
        try workspace.write("sweep.yaml", base + sweep)
        do {
            _ = try workspace.plan("sweep.yaml")
            XCTFail("expected the sweep to be rejected")
        } catch let errors as ConfigErrors {
            return errors.diagnostics
        }
        return []
    }

    /// The line of `fragment` in the file made of the base and `sweep`.
    private func line(of fragment: String, in sweep: String) -> Int {
        let lines = (base + sweep).components(separatedBy: "\n")
        return (lines.firstIndex { $0.contains(fragment) } ?? -1) + 1
    }

    func testAnUnknownSweptKeyIsReportedAtItsLineWithTheRunsItBreaks() throws {
        let sweep = "sweep:\n  grid:\n    model.latent_dim: [2, 3]\n    optimizer.lrr: [0.001]\n"
        let found = try diagnostics(sweep)
        XCTAssertEqual(found.count, 1, "\(found)")
        XCTAssertEqual(found.first?.line, line(of: "optimizer.lrr", in: sweep))
        XCTAssertEqual(found.first?.keyPath, "optimizer.lrr")
        XCTAssertTrue(found.first?.message.contains("in run `latent_dim=2,lrr=0.001` and 1 more run") ?? false, "\(found)")
        XCTAssertTrue(found.first?.message.contains("did you mean `lr`?") ?? false, "\(found)")
    }

    func testAnInvalidSweptValueNamesTheRunWithIt() throws {
        let sweep = "sweep:\n  grid:\n    optimizer.lr: [0.001, 0.002]\n    model.latent_dim: [2, 9999]\n"
        let found = try diagnostics(sweep)
        XCTAssertEqual(found.count, 1, "\(found)")
        XCTAssertEqual(found.first?.line, line(of: "model.latent_dim", in: sweep))
        XCTAssertTrue(found.first?.message.contains("in run `lr=0.001,latent_dim=9999` and 1 more run") ?? false, "\(found)")
        XCTAssertTrue(found.first?.message.contains("found 9999") ?? false, "\(found)")
    }

    func testASweptKeyPathCanBeSetFromTheCommandLine() throws {
        let workspace = try SweepWorkspace()
        try workspace.write("sweep.yaml", tinySweepExperiment)
        let plan = try workspace.plan("sweep.yaml", overrides: ["sweep.grid.model.latent_dim=[4, 5, 6]"])
        XCTAssertEqual(plan.keyPaths, ["model.latent_dim", "optimizer.lr"])
        XCTAssertEqual(plan.runs.count, 6)
        XCTAssertEqual(Set(plan.runs.map(\.experiment.model.latentDimension)), [4, 5, 6])
        XCTAssertThrowsError(try workspace.plan("sweep.yaml", overrides: ["sweep.grid.optimizer.lrr=[0.1]"])) { error in
            XCTAssertTrue("\(error)".contains("did you mean `lr`?"), "\(error)")
        }
    }

    func testTheShapeOfTheSectionIsCheckedLineByLine() throws {
        let cases: [(sweep: String, at: String, fragment: String)] = [
            ("sweep:\n  grid: {model.latent_dim: 2}\n", "grid:", "expected a list"),
            ("sweep:\n  grid: {model.latent_dim: []}\n", "grid:", "non-empty list"),
            ("sweep:\n  zip:\n    optimizer.lr: [0.1, 0.2]\n    optimizer.beta1: [0.5]\n", "optimizer.beta1", "equal lengths"),
            ("sweep:\n  grid: {seed: [1, 2]}\n  seeds: [3]\n", "seeds:", "cannot also be swept"),
            ("sweep:\n  grid: {optimizer.lr: [0.1]}\n  zip: {optimizer.lr: [0.2]}\n", "zip:", "already swept"),
            ("sweep:\n  grid: {extends: [a.yaml]}\n", "grid:", "cannot be swept"),
            ("sweep:\n  grid: {optimizer..lr: [1]}\n", "grid:", "not a key path"),
            ("sweep:\n  random: {samples: 2, space: {optimizer.lr: {log_uniform: [0, 1]}}}\n", "random:", "must be positive"),
            ("sweep:\n  random: {samples: 2, space: {optimizer.lr: {uniform: [1, 0.5]}}}\n", "random:", "low < high"),
            ("sweep:\n  random: {samples: 2, space: {optimizer.lr: {normal: [1, 2]}}}\n", "random:", "unknown key `normal`"),
            ("sweep:\n  seeds: [1, 1]\n", "seeds:", "listed twice"),
            ("sweep:\n  grids: {optimizer.lr: [1]}\n", "grids:", "did you mean `grid`?"),
            ("sweep: {}\n", "sweep:", "at least one of grid"),
        ]
        for (sweep, at, fragment) in cases {
            let found = try diagnostics(sweep)
            XCTAssertEqual(found.count, 1, "\(sweep): \(found)")
            XCTAssertEqual(found.first?.line, line(of: at, in: sweep), "\(sweep): \(found)")
            XCTAssertTrue(found.first?.message.contains(fragment) ?? false, "\(sweep): \(found)")
        }
    }

    func testShowPrintsTheSweepSoThatItReadsBackTheSame() throws {
        let sweep = """
            sweep:
              grid: {model.latent_dim: [2, 3], model.encoder: [[dense 8, relu, dense latent]], prior: [{kind: normal}]}
              zip: {optimizer.lr: [0.001, 0.002], optimizer.beta1: [0.5, 0.9]}
              random: {samples: 2, seed: 7, space: {loss.weights.adversarial: {log_uniform: [0.0001, 0.1]}, description: {choice: ["a: b", c]}}}
              seeds: [4, 5]

            """
        let experiment = try ExperimentReader.parse(Data((base + sweep).utf8), file: "sweep.yaml")
        let text = resolvedYAML(experiment)
        XCTAssertTrue(text.contains("\nsweep:\n  grid:\n    model.latent_dim: [2, 3]\n"), text)
        let reread = try ExperimentReader.parse(Data(text.utf8), file: "resolved.yaml")
        XCTAssertEqual(reread.sweep, experiment.sweep)
        XCTAssertEqual(resolvedYAML(reread), text)
        XCTAssertEqual(experiment.sweep?.runCount, 2 * 1 * 1 * 2 * 2 * 2)
    }

    func testTheShippedSweepHasEightRunsOverTheDeterministicAAE() throws {
        let path = Repository.root.appendingPathComponent("experiments/sweep.yaml").path
        let plan = try SweepPlan.load(path: path)
        XCTAssertEqual(plan.runs.count, 8)
        XCTAssertEqual(Set(plan.runs.map(\.experiment.model.latentDimension)), [2, 8])
        XCTAssertEqual(Set(plan.runs.map(\.experiment.prior.kind)).count, 2)
        XCTAssertEqual(plan.outputDirectory.lastPathComponent, plan.name)
    }
}
