/// Passes its input through unchanged and lets no gradient back: what lies
/// upstream is treated as data (the encoder's codes in the discriminator's phase).
final class StopGradient: Operation {
    func forward(inputs: [GraphNode], output: GraphNode) { output.value.copy(from: inputs[0].value) }
    func backward(inputs: [GraphNode], output: GraphNode) {}
}

extension Variable {
    /// The same value, treated as a constant by backpropagation.
    public func stoppingGradient() -> Variable {
        graph.apply(StopGradient(), to: [self], outputShape: shape, differentiable: false)
    }
}
