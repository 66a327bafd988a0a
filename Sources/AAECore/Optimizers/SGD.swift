/// Stochastic gradient descent with optional (Nesterov-free) momentum, as Keras' `SGD`:
/// `v ← μ·v − η·g; θ ← θ + v`.
public final class SGD: Optimizer {
    public let parameters: [Parameter]
    public var learningRate: Float
    public let momentum: Float
    public var iterations = 0
    private let velocities: [Tensor]

    public init(parameters: [Parameter], learningRate: Float = 0.01, momentum: Float = 0) {
        self.parameters = parameters
        self.learningRate = learningRate
        self.momentum = momentum
        self.velocities = parameters.map { Tensor(shape: $0.shape) }
    }

    public var stateTensors: [Tensor] { velocities }

    public func step() {
        iterations += 1
        let lr = learningRate, mu = momentum
        for (parameter, velocity) in zip(parameters, velocities) {
            let theta = parameter.value.data, g = parameter.gradient.data, v = velocity.data
            for i in 0..<parameter.value.count {
                v[i] = mu * v[i] - lr * g[i]
                theta[i] += v[i]
            }
        }
    }
}
