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
    private let update: AdamUpdate

    public init(parameters: [Parameter], learningRate: Float = 0.001, beta1: Float = 0.9,
                beta2: Float = 0.999, epsilon: Float = 1e-7) {
        self.parameters = parameters
        self.learningRate = learningRate
        self.beta1 = beta1
        self.beta2 = beta2
        self.epsilon = epsilon
        firstMoments = parameters.map { Tensor(shape: $0.shape) }
        secondMoments = parameters.map { Tensor(shape: $0.shape) }
        update = AdamUpdate(parameters: parameters, firstMoments: firstMoments, secondMoments: secondMoments,
                            beta1: beta1, beta2: beta2, epsilon: epsilon)
    }

    public var stateTensors: [Tensor] { firstMoments + secondMoments }

    /// One pass over the parameters, in fixed chunks spread over the run's
    /// threads when the parameters are many. Every element's update is the
    /// same arithmetic wherever it runs, so the split never changes a bit.
    public func step() {
        iterations += 1
        let t = Double(iterations)
        update.correction = Float(Double(learningRate) * (1 - pow(Double(beta2), t)).squareRoot()
                                  / (1 - pow(Double(beta1), t)))
        if update.total >= AdamUpdate.minimumToSplit, let pool = WorkerPool.current {
            pool.run(update, count: update.chunks.count)
        } else {
            for index in update.chunks.indices { update.perform(index) }
        }
    }
}

/// Adam's update of its parameters as tasks: each parameter cut into chunks of
/// at most `chunkSize` elements, fixed when the optimizer is made.
private final class AdamUpdate: ParallelTasks {
    /// Chunks of this many elements (about 15 µs of work each).
    static let chunkSize = 1 << 15
    /// Below this many parameters in all, the update runs on the calling thread.
    static let minimumToSplit = 1 << 16

    private let parameters: [Parameter]
    private let firstMoments: [Tensor]
    private let secondMoments: [Tensor]
    private let beta1: Float, beta2: Float, epsilon: Float
    /// (parameter, first element, elements) of every chunk.
    let chunks: [(parameter: Int, start: Int, count: Int)]
    /// The number of parameters in all.
    let total: Int
    /// This step's `η·√(1−β₂ᵗ)/(1−β₁ᵗ)`.
    var correction: Float = 0

    init(parameters: [Parameter], firstMoments: [Tensor], secondMoments: [Tensor],
         beta1: Float, beta2: Float, epsilon: Float) {
        self.parameters = parameters
        self.firstMoments = firstMoments
        self.secondMoments = secondMoments
        self.beta1 = beta1
        self.beta2 = beta2
        self.epsilon = epsilon
        chunks = parameters.indices.flatMap { index in
            stride(from: 0, to: parameters[index].value.count, by: Self.chunkSize).map { start in
                (index, start, min(Self.chunkSize, parameters[index].value.count - start))
            }
        }
        total = parameters.reduce(0) { $0 + $1.value.count }
    }

    func perform(_ index: Int) {
        let chunk = chunks[index], start = chunk.start
        let parameter = parameters[chunk.parameter]
        aae_adam_update(parameter.value.data + start, parameter.gradient.data + start,
                        firstMoments[chunk.parameter].data + start, secondMoments[chunk.parameter].data + start,
                        chunk.count, correction, beta1, beta2, epsilon)
    }
}
