/// Joins matrices with the same number of rows side by side (along features).
final class ConcatFeatures: Operation {
    func forward(inputs: [GraphNode], output: GraphNode) {
        let y = output.value.data, total = output.value.columns
        var offset = 0
        for input in inputs {
            let x = input.value.data, width = input.value.columns
            for r in 0..<output.value.rows {
                (y + r * total + offset).update(from: x + r * width, count: width)
            }
            offset += width
        }
    }

    func backward(inputs: [GraphNode], output: GraphNode) {
        guard let dy = output.gradient?.data else { return }
        let total = output.value.columns
        var offset = 0
        for input in inputs {
            let width = input.value.columns, start = offset
            input.accumulateGradient { i in dy[(i / width) * total + start + i % width] }
            offset += width
        }
    }
}

extension Variable {
    /// Joins `parts` along the feature axis.
    public static func concatenate(_ parts: [Variable]) -> Variable {
        precondition(!parts.isEmpty, "concatenate needs at least one input")
        let rows = parts[0].rows
        precondition(parts.allSatisfy { $0.rows == rows && $0.shape.count == 2 },
                     "concatenate needs matrices with \(rows) rows, got \(parts.map(\.shape))")
        return parts[0].graph.apply(ConcatFeatures(), to: parts,
                                    outputShape: [rows, parts.reduce(0) { $0 + $1.features }])
    }
}
