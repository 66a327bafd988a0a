/// Stacks matrices with the same number of columns on top of each other (along
/// the batch): in row-major storage, a concatenation of their buffers.
final class ConcatRows: Operation {
    func forward(inputs: [GraphNode], output: GraphNode) {
        var offset = 0
        for input in inputs {
            (output.value.data + offset).update(from: input.value.data, count: input.value.count)
            offset += input.value.count
        }
    }

    func backward(inputs: [GraphNode], output: GraphNode) {
        guard let dy = output.gradient?.data else { return }
        var offset = 0
        for input in inputs {
            let start = dy + offset
            input.accumulateGradient { start[$0] }
            offset += input.value.count
        }
    }
}

extension Variable {
    /// Stacks `parts` along the rows (the batch).
    public static func stackRows(_ parts: [Variable]) -> Variable {
        precondition(!parts.isEmpty, "stackRows needs at least one input")
        let features = parts[0].features
        precondition(parts.allSatisfy { $0.features == features && $0.shape.count == 2 },
                     "stackRows needs matrices with \(features) columns, got \(parts.map(\.shape))")
        return parts[0].graph.apply(ConcatRows(), to: parts,
                                    outputShape: [parts.reduce(0) { $0 + $1.rows }, features])
    }
}
