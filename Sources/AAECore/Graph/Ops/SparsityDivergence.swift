import Foundation

/// The KL sparsity penalty of sparse autoencoders (Ng's lecture notes):
/// `Σⱼ KL(ρ ‖ ρ̂ⱼ) = Σⱼ ρ log(ρ/ρ̂ⱼ) + (1−ρ) log((1−ρ)/(1−ρ̂ⱼ))`, where ρ̂ⱼ is the
/// mean activation of unit j over the batch (its input) and ρ the target.
/// ρ̂ is clamped to [1e-6, 1 − 1e-6] so a saturated unit gives a large, finite penalty.
final class SparsityDivergence: Operation {
    let target: Float
    static let margin: Float = 1e-6
    init(target: Float) { self.target = target }

    func forward(inputs: [GraphNode], output: GraphNode) {
        let activation = inputs[0].value.data, rho = target
        var total: Double = 0
        for j in 0..<inputs[0].value.count {
            let mean = min(max(activation[j], Self.margin), 1 - Self.margin)
            total += Double(rho * logf(rho / mean) + (1 - rho) * logf((1 - rho) / (1 - mean)))
        }
        output.value.data[0] = Float(total)
    }

    func backward(inputs: [GraphNode], output: GraphNode) {
        guard let dy = output.gradient?.data else { return }
        let activation = inputs[0].value.data, rho = target, g = dy[0]
        inputs[0].accumulateGradient { j in
            let mean = activation[j]
            guard mean > Self.margin, mean < 1 - Self.margin else { return 0 }
            return g * (-rho / mean + (1 - rho) / (1 - mean))
        }
    }
}

extension Variable {
    /// `Σ KL(target ‖ self)` over the elements of a vector of mean activations in (0, 1).
    public func sparsityDivergence(target: Float) -> Variable {
        precondition(target > 0 && target < 1, "sparsity target must lie in (0, 1)")
        return graph.apply(SparsityDivergence(target: target), to: [self], outputShape: [1])
    }
}
