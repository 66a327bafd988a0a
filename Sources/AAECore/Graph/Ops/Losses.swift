import CKernels
import Foundation

/// How a loss combines its per-element terms into one number.
public enum LossReduction: Sendable {
    /// The mean over every element (Keras' default for mse and binary cross-entropy).
    case mean
    /// The sum over each row's features, then the mean over rows (the VAE's `784 · BCE`).
    case sumPerRow

    func scale(rows: Int, count: Int) -> Float {
        switch self {
        case .mean: return 1 / Float(max(count, 1))
        case .sumPerRow: return 1 / Float(max(rows, 1))
        }
    }
}

/// Squared error between a prediction and a target, reduced to a scalar.
final class SquaredErrorLoss: Operation {
    let scale: Float
    /// Per-element terms, summed after a vectorised pass.
    let terms: Tensor
    init(scale: Float, shape: [Int]) {
        self.scale = scale
        terms = Tensor(shape: shape)
    }

    func forward(inputs: [GraphNode], output: GraphNode) {
        let p = inputs[0].value.data, t = inputs[1].value.data, e = terms.data
        for i in 0..<terms.count {
            let d = p[i] - t[i]
            e[i] = d * d
        }
        output.value.data[0] = Float(VectorSum.sum(e, count: terms.count)) * scale
    }

    func backward(inputs: [GraphNode], output: GraphNode) {
        guard let dy = output.gradient?.data else { return }
        let p = inputs[0].value.data, t = inputs[1].value.data
        let g = 2 * scale * dy[0]
        inputs[0].accumulateGradient { g * (p[$0] - t[$0]) }
        inputs[1].accumulateGradient { g * (t[$0] - p[$0]) }
    }
}

/// Binary cross-entropy of targets in [0, 1] against logits, computed stably as
/// `max(z, 0) − z·t + log(1 + e^−|z|)`.
final class SigmoidCrossEntropyLoss: Operation {
    let scale: Float
    /// Per-element terms, summed after a vectorised pass.
    let terms: Tensor
    init(scale: Float, shape: [Int]) {
        self.scale = scale
        terms = Tensor(shape: shape)
    }

    func forward(inputs: [GraphNode], output: GraphNode) {
        let e = terms.data
        aae_sigmoid_cross_entropy(inputs[0].value.data, inputs[1].value.data, e, terms.count)
        output.value.data[0] = Float(VectorSum.sum(e, count: terms.count)) * scale
    }

    func backward(inputs: [GraphNode], output: GraphNode) {
        guard let dy = output.gradient?.data else { return }
        let z = inputs[0].value.data, t = inputs[1].value.data
        let g = scale * dy[0]
        if let dz = inputs[0].gradient?.data {
            aae_sigmoid_cross_entropy_backward(z, t, dz, terms.count, g, inputs[0].gradientBeta() != 0 ? 1 : 0)
        }
        inputs[1].accumulateGradient { -g * z[$0] }
    }
}

/// Binary cross-entropy of targets against probabilities, clipped to
/// `[ε, 1 − ε]` as Keras does (ε = 1e-7). Prefer the logits form: a sigmoid
/// output is recognised by `binaryCrossEntropy` and routed there.
final class BinaryCrossEntropyLoss: Operation {
    let scale: Float
    static let epsilon: Float = 1e-7
    init(scale: Float) { self.scale = scale }

    func forward(inputs: [GraphNode], output: GraphNode) {
        let p = inputs[0].value.data, t = inputs[1].value.data
        let eps = Self.epsilon
        var total: Double = 0
        for i in 0..<inputs[0].value.count {
            let q = min(max(p[i], eps), 1 - eps)
            total -= Double(t[i] * logf(q) + (1 - t[i]) * logf(1 - q))
        }
        output.value.data[0] = Float(total) * scale
    }

    func backward(inputs: [GraphNode], output: GraphNode) {
        guard let dy = output.gradient?.data else { return }
        let p = inputs[0].value.data, t = inputs[1].value.data
        let g = scale * dy[0], eps = Self.epsilon
        inputs[0].accumulateGradient { i in
            guard p[i] > eps, p[i] < 1 - eps else { return 0 }
            return g * ((1 - t[i]) / (1 - p[i]) - t[i] / p[i])
        }
        inputs[1].accumulateGradient { i in
            let q = min(max(p[i], eps), 1 - eps)
            return g * (logf(1 - q) - logf(q))
        }
    }
}

extension Variable {
    private func loss(_ operation: Operation, target: Variable) -> Variable {
        precondition(shape == target.shape, "loss between \(shape) and target \(target.shape)")
        return graph.apply(operation, to: [self, target], outputShape: [1])
    }

    /// Mean squared error against `target`.
    public func meanSquaredError(_ target: Variable, reduction: LossReduction = .mean) -> Variable {
        loss(SquaredErrorLoss(scale: reduction.scale(rows: rows, count: node.value.count), shape: shape), target: target)
    }

    /// Binary cross-entropy of `target` against these logits.
    public func sigmoidCrossEntropy(_ target: Variable, reduction: LossReduction = .mean) -> Variable {
        loss(SigmoidCrossEntropyLoss(scale: reduction.scale(rows: rows, count: node.value.count), shape: shape), target: target)
    }

    /// Binary cross-entropy of `target` against these probabilities. When this
    /// value is the output of a sigmoid, the loss is computed from its logits,
    /// which is exact and stable.
    public func binaryCrossEntropy(_ target: Variable, reduction: LossReduction = .mean) -> Variable {
        if let logits = sigmoidLogits { return logits.sigmoidCrossEntropy(target, reduction: reduction) }
        return loss(BinaryCrossEntropyLoss(scale: reduction.scale(rows: rows, count: node.value.count)), target: target)
    }
}
