/// RMSprop as Keras' default form (ρ 0.9, ε 1e-7, no momentum):
/// `s ← ρ·s + (1−ρ)·g²; θ ← θ − η·g / (√s + ε)`.
public final class RMSprop: Optimizer {
    public let parameters: [Parameter]
    public var learningRate: Float
    public let rho: Float
    public let epsilon: Float
    public var iterations = 0
    private let squareAverages: [Tensor]

    public init(parameters: [Parameter], learningRate: Float = 0.001, rho: Float = 0.9, epsilon: Float = 1e-7) {
        self.parameters = parameters
        self.learningRate = learningRate
        self.rho = rho
        self.epsilon = epsilon
        squareAverages = parameters.map { Tensor(shape: $0.shape) }
    }

    public var stateTensors: [Tensor] { squareAverages }

    public func step() {
        iterations += 1
        let lr = learningRate, rho = self.rho, eps = epsilon
        for (parameter, average) in zip(parameters, squareAverages) {
            let theta = parameter.value.data, g = parameter.gradient.data, s = average.data
            for i in 0..<parameter.value.count {
                s[i] = rho * s[i] + (1 - rho) * g[i] * g[i]
                theta[i] -= lr * g[i] / (s[i].squareRoot() + eps)
            }
        }
    }
}
