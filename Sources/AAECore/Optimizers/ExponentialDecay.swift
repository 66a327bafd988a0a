import Foundation

/// Keras' `ExponentialDecay`: `initial · decayRate^(step / decaySteps)`, with
/// the exponent rounded down to a whole number when `staircase` is set (the
/// rate then drops once every `decaySteps` steps).
public struct ExponentialDecay: LearningRateSchedule {
    public let decayRate: Double
    /// Steps over which the rate is multiplied by `decayRate` (at least 1).
    public let decaySteps: Int
    public let staircase: Bool

    public init(decayRate: Double, decaySteps: Int, staircase: Bool = false) {
        precondition(decaySteps >= 1, "an exponential schedule needs decay_steps ≥ 1")
        self.decayRate = decayRate
        self.decaySteps = decaySteps
        self.staircase = staircase
    }

    public func learningRate(initial: Double, step: Int) -> Double {
        let exponent = Double(step) / Double(decaySteps)
        return initial * pow(decayRate, staircase ? exponent.rounded(.down) : exponent)
    }
}
