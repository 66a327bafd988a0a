import AAEExperiment
import Foundation
import XCTest

/// The first line of a run's summary counts the steps the run did, of the steps it planned.
final class RunSummaryTests: XCTestCase {
    private func summary(overrides: [String], stopAfterStep: Int? = nil) throws -> String {
        let workspace = try SweepWorkspace()
        let file = try workspace.write("tiny.yaml", tinyMoonsExperiment(steps: 30))
        let experiment = try ExperimentReader.load(path: file, overrides: overrides.map(Override.init(parsing:)))
        let result = try ExperimentRunner(experiment: experiment, options: RunOptions(
            outputDirectory: workspace.path("run"), quiet: true, stopAfterStep: stopAfterStep)).run()
        return String(RunSummary(experiment: experiment, result: result).text.split(separator: "\n")[0])
    }

    func testADivergedRunSaysAtWhichStepOfHowMany() throws {
        let line = try summary(overrides: ["optimizer.lr=1e30"])
        XCTAssertTrue(line.hasPrefix("tiny_moons: diverged at step "), line)
        XCTAssertTrue(line.contains(" of 30 steps ("), line)
        XCTAssertFalse(line.contains("after 30 steps"), line)
    }

    func testAnInterruptedRunSaysAfterWhichStepOfHowMany() throws {
        XCTAssertTrue(try summary(overrides: [], stopAfterStep: 12).hasPrefix("tiny_moons: interrupted after step 12 of 30 steps ("))
    }

    func testACompletedRunSaysItsLength() throws {
        XCTAssertTrue(try summary(overrides: []).hasPrefix("tiny_moons: completed after 30 steps ("))
    }
}
