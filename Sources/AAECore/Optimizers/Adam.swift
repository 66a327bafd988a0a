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

    public func step() {
        iterations += 1
        let t = Double(iterations)
        let correction = Float(Double(learningRate) * (1 - pow(Double(beta2), t)).squareRoot()
                               / (1 - pow(Double(beta1), t)))
        let b1 = beta1, b2 = beta2, eps = epsilon
        for index in parameters.indices {
            let parameter = parameters[index]
            let theta = parameter.value.data, gradient = parameter.gradient.data
            let m = firstMoments[index].data, v = secondMoments[index].data
            Parallelism.forEachChunk(count: parameter.value.count) { range in
                Self.update(theta: theta + range.lowerBound, gradient: gradient + range.lowerBound,
                            firstMoment: m + range.lowerBound, secondMoment: v + range.lowerBound,
                            count: range.count, stepSize: correction, beta1: b1, beta2: b2, epsilon: eps)
            }
        }
    }

    /// The update of one parameter tensor, eight elements at a time.
    private static func update(theta: UnsafeMutablePointer<Float>, gradient: UnsafeMutablePointer<Float>,
                               firstMoment: UnsafeMutablePointer<Float>, secondMoment: UnsafeMutablePointer<Float>,
                               count: Int, stepSize: Float, beta1: Float, beta2: Float, epsilon: Float) {
        typealias Lanes = SIMD8<Float>
        let whole = count & ~7
        var i = 0
        while i < whole {
            let g = UnsafeRawPointer(gradient + i).loadUnaligned(as: Lanes.self)
            let m = beta1 * UnsafeRawPointer(firstMoment + i).loadUnaligned(as: Lanes.self) + (1 - beta1) * g
            let v = beta2 * UnsafeRawPointer(secondMoment + i).loadUnaligned(as: Lanes.self) + (1 - beta2) * g * g
            let t = UnsafeRawPointer(theta + i).loadUnaligned(as: Lanes.self) - stepSize * m / (v.squareRoot() + epsilon)
            UnsafeMutableRawPointer(firstMoment + i).storeBytes(of: m, as: Lanes.self)
            UnsafeMutableRawPointer(secondMoment + i).storeBytes(of: v, as: Lanes.self)
            UnsafeMutableRawPointer(theta + i).storeBytes(of: t, as: Lanes.self)
            i += 8
        }
        while i < count {
            firstMoment[i] = beta1 * firstMoment[i] + (1 - beta1) * gradient[i]
            secondMoment[i] = beta2 * secondMoment[i] + (1 - beta2) * gradient[i] * gradient[i]
            theta[i] -= stepSize * firstMoment[i] / (secondMoment[i].squareRoot() + epsilon)
            i += 1
        }
    }
}

