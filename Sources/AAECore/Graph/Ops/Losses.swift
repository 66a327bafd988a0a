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

/// Categorical cross-entropy `−Σⱼ tⱼ log softmax(z)ⱼ` of target distributions
/// (one-hot labels) against logits, averaged over rows, computed stably as
/// `log Σ e^(z − max z) + max z − Σ t z` (for targets that sum to 1); its gradient
/// is `softmax(z) − t` per row, never the `t / p` of probabilities that underflow.
final class SoftmaxCrossEntropyLoss: Operation {
    /// The softmax of each row, kept from the forward pass for the gradient.
    let probabilities: Tensor

    init(shape: [Int]) { probabilities = Tensor(shape: shape) }

    func forward(inputs: [GraphNode], output: GraphNode) {
        let z = inputs[0].value.data, t = inputs[1].value.data, p = probabilities.data
        let rows = probabilities.rows, width = probabilities.columns
        var total: Double = 0
        for r in 0..<rows {
            let row = z + r * width, targets = t + r * width
            var largest = -Float.infinity
            for j in 0..<width { largest = max(largest, row[j]) }
            var sum: Float = 0
            for j in 0..<width {
                p[r * width + j] = expf(row[j] - largest)
                sum += p[r * width + j]
            }
            let logSum = logf(sum) + largest
            for j in 0..<width {
                p[r * width + j] /= sum
                total += Double(targets[j] * (logSum - row[j]))
            }
        }
        output.value.data[0] = Float(total / Double(max(rows, 1)))
    }

    func backward(inputs: [GraphNode], output: GraphNode) {
        guard let dy = output.gradient?.data else { return }
        let t = inputs[1].value.data, p = probabilities.data
        let rows = probabilities.rows, width = probabilities.columns
        let g = dy[0] / Float(max(rows, 1))
        inputs[0].accumulateGradient { i in
            var targetSum: Float = 0
            let start = (i / width) * width
            for j in start..<(start + width) { targetSum += t[j] }
            return g * (p[i] * targetSum - t[i])
        }
        let z = inputs[0].value.data
        inputs[1].accumulateGradient { i in
            let start = (i / width) * width
            var largest = -Float.infinity
            for j in start..<(start + width) { largest = max(largest, z[j]) }
            var sum: Float = 0
            for j in start..<(start + width) { sum += expf(z[j] - largest) }
            return g * (logf(sum) + largest - z[i])
        }
    }
}

extension Variable {
    /// Categorical cross-entropy of the target distributions `target` (one-hot
    /// labels) against these logits, averaged over rows.
    public func softmaxCrossEntropy(_ target: Variable) -> Variable {
        precondition(shape == target.shape && shape.count == 2, "cross-entropy between \(shape) and target \(target.shape)")
        return graph.apply(SoftmaxCrossEntropyLoss(shape: shape), to: [self, target], outputShape: [1])
    }

    /// Categorical cross-entropy of `target` against these probabilities, which
    /// must be a softmax's output: it is computed from the softmax's logits.
    public func categoricalCrossEntropy(_ target: Variable) -> Variable {
        guard let logits = softmaxLogits else { preconditionFailure("categorical cross-entropy needs a softmax output") }
        return logits.softmaxCrossEntropy(target)
    }
}
