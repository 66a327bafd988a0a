/// The first `count` rows of a matrix: `[rows, f]` → `[count, f]`; the other rows get no
/// gradient. Used to feed a discriminator half a batch of codes.
final class FirstRows: Operation {
    func forward(inputs: [GraphNode], output: GraphNode) {
        output.value.data.update(from: inputs[0].value.data, count: output.value.count)
    }

    func backward(inputs: [GraphNode], output: GraphNode) {
        guard let dy = output.gradient?.data else { return }
        let kept = output.value.count
        inputs[0].accumulateGradient { $0 < kept ? dy[$0] : 0 }
    }
}

extension Variable {
    /// The first `count` rows of this matrix (1 ≤ `count` ≤ `rows`).
    public func firstRows(_ count: Int) -> Variable {
        precondition((1...rows).contains(count), "firstRows(\(count)) of a matrix of \(rows) rows")
        if count == rows { return self }
        return graph.apply(FirstRows(), to: [self], outputShape: [count, features])
    }
}
