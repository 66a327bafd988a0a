/// Adds a bias vector to every row of a matrix.
final class BiasAdd: Operation {
    func forward(inputs: [GraphNode], output: GraphNode) {
        let x = inputs[0].value.data, b = inputs[1].value.data, y = output.value.data
        let rows = output.value.rows, columns = output.value.columns
        for r in 0..<rows {
            let offset = r * columns
            for c in 0..<columns { y[offset + c] = x[offset + c] + b[c] }
        }
    }

    func backward(inputs: [GraphNode], output: GraphNode) {
        guard let dy = output.gradient?.data else { return }
        inputs[0].accumulateGradient { dy[$0] }
        let bias = inputs[1]
        guard let db = bias.gradient?.data else { return }
        let rows = output.value.rows, columns = output.value.columns
        if !bias.gradientWritten {
            for c in 0..<columns { db[c] = 0 }
            bias.gradientWritten = true
        }
        for r in 0..<rows {
            let offset = r * columns
            for c in 0..<columns { db[c] += dy[offset + c] }
        }
    }
}

extension Variable {
    /// Adds `bias` (a vector of `features` values) to every row.
    public func addingBias(_ bias: Variable) -> Variable {
        precondition(bias.node.value.count == features, "bias of \(bias.shape) for \(shape)")
        return graph.apply(BiasAdd(), to: [self, bias], outputShape: shape)
    }
}
