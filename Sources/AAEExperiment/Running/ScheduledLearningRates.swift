import AAECore

/// The learning-rate schedules of a model's optimizers, each from the setting
/// of the phase the optimizer serves: before every step the runner sets each
/// optimizer's `learningRate` to its schedule's value for that step.
struct ScheduledLearningRates {
    private let entries: [(optimizer: Optimizer, initial: Double, schedule: LearningRateSchedule)]

    init(model: TrainableModel, optimizer spec: OptimizerSpec) {
        entries = model.phaseOptimizers.compactMap { phase, optimizer in
            let setting = spec.setting(for: phase)
            guard setting.schedule != .constant, let initial = setting.parameters["lr"] else { return nil }
            return (optimizer, initial, ScheduleRegistry.schedule(setting.schedule))
        }
    }

    /// Sets every scheduled optimizer's rate for the step after `completedSteps` steps.
    func apply(completedSteps: Int) {
        for entry in entries {
            entry.optimizer.learningRate = Float(entry.schedule.learningRate(initial: entry.initial, step: completedSteps))
        }
    }
}
