import CKernels
import Foundation

/// Adam (Kingma & Ba, 2015) with Keras' formulation and defaults
/// (β₁ 0.9, β₂ 0.999, ε 1e-7): `θ ← θ − η·√(1−β₂ᵗ)/(1−β₁ᵗ) · m / (√v + ε)`.
public final class Adam: Optimizer {
    public let parameters: [Parameter]
    public var learningRate: Float
    public let beta1: Float
    public let beta2: Float
    public let epsilon: Float
    public var iterations = 0
    private let firstMoments: [Tensor]
    private let secondMoments: [Tensor]

    public init(parameters: [Parameter], learningRate: Float = 0.001, beta1: Float = 0.9,
                beta2: Float = 0.999, epsilon: Float = 1e-7) {
        self.parameters = parameters
        self.learningRate = learningRate
        self.beta1 = beta1
        self.beta2 = beta2
        self.epsilon = epsilon
        firstMoments = parameters.map { Tensor(shape: $0.shape) }
        secondMoments = parameters.map { Tensor(shape: $0.shape) }
    }

    public var stateTensors: [Tensor] { firstMoments + secondMoments }

    /// One pass over the parameters on the calling thread. Handing part of it to
    /// another core does not pay while OpenBLAS's threads wait on the others (in
    /// the benchmark, alternating windows in one process: the step is 1–8 %
    /// slower with the update split over two cores than with it on one).
    public func step() {
        iterations += 1
        let t = Double(iterations)
        let correction = Float(Double(learningRate) * (1 - pow(Double(beta2), t)).squareRoot()
                               / (1 - pow(Double(beta1), t)))
        for index in parameters.indices {
            let parameter = parameters[index]
            aae_adam_update(parameter.value.data, parameter.gradient.data, firstMoments[index].data,
                            secondMoments[index].data, parameter.value.count, correction, beta1, beta2, epsilon)
        }
    }
}
