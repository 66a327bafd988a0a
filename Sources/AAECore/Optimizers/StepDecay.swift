import Foundation

/// The learning rate is multiplied by `factor` every `every` steps:
/// `initial · factor^⌊step / every⌋`. A factor of 0 stops training after the
/// first `every` steps.
public struct StepDecay: LearningRateSchedule {
    /// Steps between two multiplications (at least 1).
    public let every: Int
    public let factor: Double

    public init(every: Int, factor: Double) {
        precondition(every >= 1, "a step schedule needs every ≥ 1")
        self.every = every
        self.factor = factor
    }

    public func learningRate(initial: Double, step: Int) -> Double {
        initial * pow(factor, Double(step / every))
    }
}
