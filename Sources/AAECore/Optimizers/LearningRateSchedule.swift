/// How an optimizer's learning rate changes over training: a pure function of
/// the initial rate and the number of training steps already taken.
///
/// A schedule is bound to a phase's optimizer when the model is built
/// (`PhaseOptimizer`), which sets the optimizer's `learningRate` from it
/// before every step, so a schedule needs no state and a resumed run gets the
/// same rates. Adding a schedule is one type conforming to this protocol plus one
/// registry entry.
public protocol LearningRateSchedule: Sendable {
    /// The learning rate for the step that follows `step` completed steps (0 for the first).
    func learningRate(initial: Double, step: Int) -> Double
}
