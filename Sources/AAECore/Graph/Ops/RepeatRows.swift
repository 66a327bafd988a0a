/// Stacks `times` copies of a matrix on top of each other: `[rows, f]` → `[times·rows, f]`.
/// Used to draw several Monte Carlo samples per input.
final class RepeatRows: Operation {
    let times: Int
    init(times: Int) { self.times = times }

    func forward(inputs: [GraphNode], output: GraphNode) {
        let x = inputs[0].value, y = output.value.data
        for copy in 0..<times { (y + copy * x.count).update(from: x.data, count: x.count) }
    }

    func backward(inputs: [GraphNode], output: GraphNode) {
        guard let dy = output.gradient?.data else { return }
        let count = inputs[0].value.count, times = self.times
        inputs[0].accumulateGradient { i in
            var total: Float = 0
            for copy in 0..<times { total += dy[copy * count + i] }
            return total
        }
    }
}

extension Variable {
    /// `times` copies of this matrix stacked along the rows.
    public func repeatingRows(_ times: Int) -> Variable {
        precondition(times >= 1, "repeat count must be at least 1")
        if times == 1 { return self }
        return graph.apply(RepeatRows(times: times), to: [self], outputShape: [rows * times, features])
    }
}
