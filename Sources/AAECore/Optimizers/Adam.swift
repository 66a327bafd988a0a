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
    /// Where each parameter's elements start when all are laid end to end; the last entry is the total.
    private let elementOffsets: [Int]

    public init(parameters: [Parameter], learningRate: Float = 0.001, beta1: Float = 0.9,
                beta2: Float = 0.999, epsilon: Float = 1e-7) {
        self.parameters = parameters
        self.learningRate = learningRate
        self.beta1 = beta1
        self.beta2 = beta2
        self.epsilon = epsilon
        firstMoments = parameters.map { Tensor(shape: $0.shape) }
        secondMoments = parameters.map { Tensor(shape: $0.shape) }
        elementOffsets = parameters.reduce(into: [0]) { $0.append($0.last! + $1.value.count) }
    }

    public var stateTensors: [Tensor] { firstMoments + secondMoments }

    public func step() {
        iterations += 1
        let t = Double(iterations)
        let correction = Float(Double(learningRate) * (1 - pow(Double(beta2), t)).squareRoot()
                               / (1 - pow(Double(beta1), t)))
        let b1 = beta1, b2 = beta2, eps = epsilon
        // One split over every parameter's elements, not one per tensor: a single
        // hand-off to the other cores per update, and small tensors ride along.
        Parallelism.forEachChunk(count: elementOffsets[parameters.count]) { range in
            var index = elementOffsets.lastIndex { $0 <= range.lowerBound } ?? 0
            while index < parameters.count, elementOffsets[index] < range.upperBound {
                let start = max(range.lowerBound, elementOffsets[index]) - elementOffsets[index]
                let end = min(range.upperBound, elementOffsets[index + 1]) - elementOffsets[index]
                let parameter = parameters[index]
                aae_adam_update(parameter.value.data + start, parameter.gradient.data + start,
                                firstMoments[index].data + start, secondMoments[index].data + start,
                                end - start, correction, b1, b2, eps)
                index += 1
            }
        }
    }
}
