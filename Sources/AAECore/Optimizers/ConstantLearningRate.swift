/// The learning rate stays at its initial value (the default schedule).
public struct ConstantLearningRate: LearningRateSchedule {
    public init() {}

    public func learningRate(initial: Double, step: Int) -> Double { initial }
}
