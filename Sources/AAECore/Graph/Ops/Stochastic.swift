/// Inverted dropout: in training, zeroes each element with probability `rate`
/// and scales the rest by `1 / (1 − rate)`; in inference, the identity.
final class DropoutOperation: Operation {
    unowned let graph: Graph
    let rate: Float
    let mask: Tensor

    init(graph: Graph, rate: Float, shape: [Int]) {
        self.graph = graph
        self.rate = rate
        self.mask = Tensor(shape: shape, repeating: 1)
    }

    func forward(inputs: [GraphNode], output: GraphNode) {
        let x = inputs[0].value.data, y = output.value.data, m = mask.data
        let n = output.value.count
        if graph.isTraining && rate > 0 {
            let keep = 1 / (1 - rate)
            for i in 0..<n { m[i] = graph.random.nextFloat() < rate ? 0 : keep }
        } else {
            mask.fill(1)
        }
        for i in 0..<n { y[i] = x[i] * m[i] }
    }

    func backward(inputs: [GraphNode], output: GraphNode) {
        guard let dy = output.gradient?.data else { return }
        let m = mask.data
        inputs[0].accumulateGradient { dy[$0] * m[$0] }
    }
}

/// Additive Gaussian noise of standard deviation `std` in training; the identity in inference.
final class GaussianNoiseOperation: Operation {
    unowned let graph: Graph
    let std: Float

    init(graph: Graph, std: Float) {
        self.graph = graph
        self.std = std
    }

    func forward(inputs: [GraphNode], output: GraphNode) {
        let x = inputs[0].value.data, y = output.value.data
        let n = output.value.count
        if graph.isTraining && std > 0 {
            graph.random.fillNormal(y, count: n, std: std)
            for i in 0..<n { y[i] += x[i] }
        } else {
            output.value.copy(from: inputs[0].value)
        }
    }

    func backward(inputs: [GraphNode], output: GraphNode) {
        guard let dy = output.gradient?.data else { return }
        inputs[0].accumulateGradient { dy[$0] }
    }
}

extension Variable {
    /// Inverted dropout with drop probability `rate` (active only when the graph is training).
    public func dropout(rate: Float) -> Variable {
        precondition(rate >= 0 && rate < 1, "dropout rate \(rate) is outside [0, 1)")
        return graph.apply(DropoutOperation(graph: graph, rate: rate, shape: shape), to: [self], outputShape: shape)
    }

    /// Adds normal noise of standard deviation `std` (only when the graph is training).
    public func gaussianNoise(std: Float) -> Variable {
        graph.apply(GaussianNoiseOperation(graph: graph, std: std), to: [self], outputShape: shape)
    }
}
