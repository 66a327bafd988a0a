/// What an optimizer has learnt besides the parameters: its update count and
/// its moment or velocity tensors, saved in checkpoints.
public struct OptimizerState: Equatable, Sendable {
    /// The number of updates made (Adam's bias correction depends on it).
    public var iterations: Int
    /// The values of `Optimizer.stateTensors`, in order.
    public var tensors: [[Float]]

    public init(iterations: Int, tensors: [[Float]]) {
        self.iterations = iterations
        self.tensors = tensors
    }

    /// The current state of `optimizer`.
    public init(of optimizer: Optimizer) {
        self.init(iterations: optimizer.iterations, tensors: optimizer.stateTensors.map(\.scalars))
    }
}
