/// The optimizer of one training phase together with its learning-rate
/// schedule, bound once when the model is built so that training reads no
/// configuration: before every step the training loop asks each of a model's
/// phase optimizers to set its rate for that step.
public struct PhaseOptimizer {
    public let phase: TrainingPhase
    public let optimizer: Optimizer
    /// The rate the schedule starts from (the setting's `lr`).
    public let initialLearningRate: Double
    public let schedule: LearningRateSchedule

    public init(phase: TrainingPhase, optimizer: Optimizer, initialLearningRate: Double,
                schedule: LearningRateSchedule) {
        self.phase = phase
        self.optimizer = optimizer
        self.initialLearningRate = initialLearningRate
        self.schedule = schedule
    }

    /// An optimizer whose learning rate stays at the one it was made with.
    public init(phase: TrainingPhase, optimizer: Optimizer) {
        self.init(phase: phase, optimizer: optimizer, initialLearningRate: Double(optimizer.learningRate),
                  schedule: ConstantLearningRate())
    }

    /// Sets the optimizer's rate for the step that follows `completedSteps` completed steps.
    public func scheduleLearningRate(completedSteps: Int) {
        optimizer.learningRate = Float(schedule.learningRate(initial: initialLearningRate, step: completedSteps))
    }

    /// Applies one update to the phase's parameters from their current gradients.
    public func step() {
        optimizer.step()
    }
}

/// Makes the optimizer of `phase`, with its schedule bound, for the parameters that phase updates:
/// what a model is built with, so that the model alone decides which phases it trains and on what.
public typealias PhaseOptimizerMaker = (_ phase: TrainingPhase, _ parameters: [Parameter]) -> PhaseOptimizer
