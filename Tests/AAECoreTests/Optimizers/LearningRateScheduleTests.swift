import AAECore
import Foundation
import XCTest

/// The learning-rate schedules' values at chosen steps, against their formulas
/// (Keras' `ExponentialDecay` for the exponential one).
final class LearningRateScheduleTests: XCTestCase {
    func testConstantScheduleKeepsTheInitialRate() {
        let schedule = ConstantLearningRate()
        for step in [0, 1, 999, 1_000_000] { XCTAssertEqual(schedule.learningRate(initial: 0.001, step: step), 0.001) }
    }

    func testStepScheduleMultipliesByTheFactorEveryNSteps() {
        let schedule = StepDecay(every: 100, factor: 0.5)
        XCTAssertEqual(schedule.learningRate(initial: 0.1, step: 0), 0.1)
        XCTAssertEqual(schedule.learningRate(initial: 0.1, step: 99), 0.1)
        XCTAssertEqual(schedule.learningRate(initial: 0.1, step: 100), 0.05)
        XCTAssertEqual(schedule.learningRate(initial: 0.1, step: 250), 0.025)
        XCTAssertEqual(schedule.learningRate(initial: 0.1, step: 1000), 0.1 / 1024, accuracy: 1e-15)
    }

    func testStepScheduleWithFactorZeroStopsAfterTheFirstInterval() {
        let schedule = StepDecay(every: 20, factor: 0)
        XCTAssertEqual(schedule.learningRate(initial: 0.01, step: 19), 0.01)
        XCTAssertEqual(schedule.learningRate(initial: 0.01, step: 20), 0)
        XCTAssertEqual(schedule.learningRate(initial: 0.01, step: 500), 0)
    }

    func testExponentialScheduleFollowsTheKerasFormula() {
        let schedule = ExponentialDecay(decayRate: 0.96, decaySteps: 1000)
        XCTAssertEqual(schedule.learningRate(initial: 0.1, step: 0), 0.1)
        XCTAssertEqual(schedule.learningRate(initial: 0.1, step: 500), 0.1 * pow(0.96, 0.5), accuracy: 1e-15)
        XCTAssertEqual(schedule.learningRate(initial: 0.1, step: 1000), 0.096, accuracy: 1e-15)
        XCTAssertEqual(schedule.learningRate(initial: 0.1, step: 2500), 0.1 * pow(0.96, 2.5), accuracy: 1e-15)
        XCTAssertEqual(schedule.learningRate(initial: 0.1, step: 100_000), 0.1 * pow(0.96, 100), accuracy: 1e-15)
    }

    func testStaircaseExponentialScheduleDropsOnlyAtWholeMultiples() {
        let schedule = ExponentialDecay(decayRate: 0.5, decaySteps: 10, staircase: true)
        XCTAssertEqual(schedule.learningRate(initial: 1, step: 0), 1)
        XCTAssertEqual(schedule.learningRate(initial: 1, step: 9), 1)
        XCTAssertEqual(schedule.learningRate(initial: 1, step: 10), 0.5)
        XCTAssertEqual(schedule.learningRate(initial: 1, step: 19), 0.5)
        XCTAssertEqual(schedule.learningRate(initial: 1, step: 35), 0.125)
    }
}
