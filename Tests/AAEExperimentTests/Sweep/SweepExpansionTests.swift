import AAEExperiment
import Foundation
import XCTest

/// How a `sweep:` section expands into runs, and the runs' ids and seeds.
final class SweepExpansionTests: XCTestCase {
    private func plan(_ sweep: String, overrides: [String] = []) throws -> SweepPlan {
        let workspace = try SweepWorkspace()
        try workspace.write("sweep.yaml", tinySweepExperiment.components(separatedBy: "sweep:\n")[0] + "sweep:\n" + sweep)
        return try workspace.plan("sweep.yaml", overrides: overrides)
    }

    func testGridIsTheCartesianProductWithTheLastKeyVaryingFastest() throws {
        let plan = try plan("  grid: {model.latent_dim: [2, 8], optimizer.lr: [0.0002, 0.001]}\n")
        XCTAssertEqual(plan.runs.map(\.id), ["latent_dim=2,lr=0.0002", "latent_dim=2,lr=0.001",
                                             "latent_dim=8,lr=0.0002", "latent_dim=8,lr=0.001"])
        XCTAssertEqual(plan.keyPaths, ["model.latent_dim", "optimizer.lr"])
        XCTAssertEqual(plan.runs[2].values, ["8", "0.0002"])
        XCTAssertEqual(plan.runs[2].experiment.model.latentDimension, 8)
        XCTAssertEqual(plan.runs[2].experiment.optimizer.shared.parameters["lr"], 0.0002)
        XCTAssertEqual(plan.runs[2].overrides.map(\.description), ["model.latent_dim=8", "optimizer.lr=0.0002"])
        XCTAssertNil(plan.runs[0].experiment.sweep)
    }

    func testZipPairsValuesElementByElementAndCombinesWithTheGrid() throws {
        let plan = try plan("""
              grid: {model.latent_dim: [2, 3]}
              zip: {loss.weights.reconstruction: [0.999, 0.99], loss.weights.adversarial: [0.001, 0.01]}

            """)
        XCTAssertEqual(plan.runs.map(\.id), [
            "latent_dim=2,reconstruction=0.999,adversarial=0.001", "latent_dim=2,reconstruction=0.99,adversarial=0.01",
            "latent_dim=3,reconstruction=0.999,adversarial=0.001", "latent_dim=3,reconstruction=0.99,adversarial=0.01",
        ])
        XCTAssertEqual(plan.runs[1].experiment.loss.adversarialWeight, 0.01)
    }

    func testRandomSearchDrawsTheSamePointsEveryTimeRoundedToFourDigits() throws {
        let text = """
              random:
                samples: 5
                seed: 3
                space:
                  optimizer.lr: {log_uniform: [1e-4, 1e-2]}
                  optimizer.beta1: {uniform: [0.4, 0.9]}
                  model.latent_dim: {choice: [2, 3, 4]}

            """
        let first = try plan(text), second = try plan(text)
        XCTAssertEqual(first.runs.map(\.id), second.runs.map(\.id))
        XCTAssertEqual(first.runs.count, 5)
        for run in first.runs {
            let lr = try XCTUnwrap(run.experiment.optimizer.shared.parameters["lr"])
            let beta1 = try XCTUnwrap(run.experiment.optimizer.shared.parameters["beta1"])
            XCTAssertTrue((1e-4...1e-2).contains(lr), "\(lr)")
            XCTAssertTrue((0.4...0.9).contains(beta1), "\(beta1)")
            XCTAssertTrue([2, 3, 4].contains(run.experiment.model.latentDimension))
            XCTAssertLessThanOrEqual(run.values[0].filter(\.isNumber).drop { $0 == "0" }.count, 4, run.values[0])
        }
        let otherSeed = try plan(text.replacingOccurrences(of: "seed: 3", with: "seed: 4"))
        XCTAssertNotEqual(first.runs.map(\.id), otherSeed.runs.map(\.id))
    }

    func testSeedsRunEveryPointOncePerSeedAndSetTheRunsSeed() throws {
        let plan = try plan("  grid: {optimizer.lr: [0.001, 0.002]}\n  seeds: [1, 2, 3]\n")
        XCTAssertEqual(plan.runs.map(\.id), ["lr=0.001,seed=1", "lr=0.001,seed=2", "lr=0.001,seed=3",
                                             "lr=0.002,seed=1", "lr=0.002,seed=2", "lr=0.002,seed=3"])
        XCTAssertEqual(plan.runs.map(\.experiment.seed), [1, 2, 3, 1, 2, 3])
        XCTAssertEqual(plan.keyPaths, ["optimizer.lr", "seed"])
    }

    func testADerivedSeedDependsOnTheExperimentSeedAndTheRunsOwnValuesOnly() throws {
        let both = try plan("  grid: {optimizer.lr: [0.001, 0.002]}\n")
        let one = try plan("  grid: {optimizer.lr: [0.002]}\n")
        XCTAssertEqual(both.runs[1].experiment.seed, one.runs[0].experiment.seed)
        XCTAssertNotEqual(both.runs[0].experiment.seed, both.runs[1].experiment.seed)
        let reseeded = try plan("  grid: {optimizer.lr: [0.001, 0.002]}\n", overrides: ["seed=6"])
        XCTAssertNotEqual(both.runs[0].experiment.seed, reseeded.runs[0].experiment.seed)
    }

    func testIdsNameKeysByTheShortestUniqueSuffixOfTheirPath() throws {
        let plan = try plan("  grid: {loss.weights.reconstruction: [0.9, 0.99], loss.reconstruction: [mse]}\n")
        XCTAssertEqual(plan.runs.map(\.id), ["weights.reconstruction=0.9,loss.reconstruction=mse",
                                             "weights.reconstruction=0.99,loss.reconstruction=mse"])
    }

    func testIdsKeepOnlyFileNameCharactersAndShortenMappingsToTheirKind() throws {
        let plan = try plan("""
              grid:
                model.encoder: [[dense 16, relu, dense latent], [dense 8, relu, dense latent]]
                prior: [{kind: uniform, low: -2, high: 2}]

            """)
        XCTAssertEqual(plan.runs.map(\.id), ["encoder=dense_16_relu_dense_latent,prior=uniform_low_-2_high_2",
                                             "encoder=dense_8_relu_dense_latent,prior=uniform_low_-2_high_2"])
        XCTAssertEqual(plan.runs[0].values, ["[dense 16, relu, dense latent]", "uniform low=-2 high=2"])
        XCTAssertEqual(plan.runs[0].experiment.prior.kind, "uniform")
        XCTAssertEqual(plan.runs[0].experiment.prior.parameters["low"], -2)
    }

    func testLongIdsAreCutAndEndWithAStableHashOfTheFullText() throws {
        let long = "[" + Array(repeating: "dense 16, relu", count: 8).joined(separator: ", ") + ", dense latent]"
        let shorter = "[" + Array(repeating: "dense 16, relu", count: 7).joined(separator: ", ") + ", dense latent]"
        let plan = try plan("  grid: {model.encoder: [\(long), \(shorter)]}\n")
        let ids = plan.runs.map(\.id)
        XCTAssertTrue(ids.allSatisfy { $0.count <= RunIdentifier.maximumLength }, "\(ids)")
        XCTAssertNotEqual(ids[0], ids[1])
        XCTAssertTrue(ids[0].hasPrefix("encoder=dense_16_relu_dense_16"), ids[0])
        XCTAssertNotNil(ids[0].range(of: "-[0-9a-f]{12}$", options: .regularExpression), ids[0])
        XCTAssertEqual(try self.plan("  grid: {model.encoder: [\(long)]}\n").runs[0].id, ids[0])
    }

    func testTwoIdenticalPointsAreRefused() throws {
        XCTAssertThrowsError(try plan("  random: {samples: 4, seed: 1, space: {model.latent_dim: {choice: [2]}}}\n")) { error in
            XCTAssertTrue("\(error)".contains("same point (latent_dim=2)"), "\(error)")
        }
    }

    func testDryRunListingShowsEachRunsOverridesAndSeed() throws {
        let plan = try plan("  grid: {optimizer.lr: [0.001]}\n")
        XCTAssertEqual(plan.listing, "lr=0.001  optimizer.lr=0.001 (seed \(plan.runs[0].experiment.seed))")
    }
}
