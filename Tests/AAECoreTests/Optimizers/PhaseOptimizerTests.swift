import AAECore
import Foundation
import XCTest

/// A phase's optimizer with its bound schedule: the rate it sets before each step, and its updates.
final class PhaseOptimizerTests: XCTestCase {
    private func sgd(learningRate: Float) -> SGD {
        let parameter = Parameter(name: "w", value: Tensor(shape: [1, 2], values: [1, 2]))
        return SGD(parameters: [parameter], learningRate: learningRate)
    }

    func testTheScheduleSetsTheRateOfTheStepAfterTheCompletedOnes() {
        let phase = PhaseOptimizer(phase: .discriminator, optimizer: sgd(learningRate: 0.1), initialLearningRate: 0.1,
                                   schedule: StepDecay(every: 10, factor: 0.5))
        for (completed, expected) in [(0, 0.1), (9, 0.1), (10, 0.05), (25, 0.025)] {
            phase.scheduleLearningRate(completedSteps: completed)
            XCTAssertEqual(phase.optimizer.learningRate, Float(expected), "after \(completed) steps")
        }
    }

    func testTheRateIsComputedInDoubleFromTheInitialRateThenRounded() {
        let initial = 0.001
        let schedule = ExponentialDecay(decayRate: 0.96, decaySteps: 7)
        let phase = PhaseOptimizer(phase: .reconstruction, optimizer: sgd(learningRate: Float(initial)),
                                   initialLearningRate: initial, schedule: schedule)
        for completed in [1, 13, 700] {
            phase.scheduleLearningRate(completedSteps: completed)
            XCTAssertEqual(phase.optimizer.learningRate, Float(initial * pow(0.96, Double(completed) / 7)))
        }
    }

    func testAnUnscheduledPhaseKeepsTheRateItsOptimizerWasMadeWith() {
        let phase = PhaseOptimizer(phase: .generator, optimizer: sgd(learningRate: 0.003))
        for completed in [0, 1, 1_000_000] {
            phase.scheduleLearningRate(completedSteps: completed)
            XCTAssertEqual(phase.optimizer.learningRate, 0.003)
        }
    }

    func testAStepUpdatesThePhasesParameters() {
        let optimizer = sgd(learningRate: 0.5)
        let parameter = optimizer.parameters[0]
        parameter.gradient.data[0] = 1
        parameter.gradient.data[1] = -2
        PhaseOptimizer(phase: .reconstruction, optimizer: optimizer).step()
        XCTAssertEqual(optimizer.iterations, 1)
        XCTAssertEqual([parameter.value.data[0], parameter.value.data[1]], [0.5, 3])
    }
}
