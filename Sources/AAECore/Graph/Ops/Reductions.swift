/// The sum of all elements scaled by a constant: `sum` (scale 1) and `mean` (scale 1/n).
final class ScaledSum: Operation {
    let scale: Float
    init(scale: Float) { self.scale = scale }

    func forward(inputs: [GraphNode], output: GraphNode) {
        let x = inputs[0].value.data
        let total = VectorSum.sum(x, count: inputs[0].value.count)
        output.value.data[0] = Float(total) * scale
    }

    func backward(inputs: [GraphNode], output: GraphNode) {
        guard let dy = output.gradient?.data else { return }
        let g = dy[0] * scale
        inputs[0].accumulateGradient { _ in g }
    }
}

/// Sums over rows (the batch) for each column, scaled: a `[features]` vector.
final class ColumnSum: Operation {
    let scale: Float
    init(scale: Float) { self.scale = scale }

    func forward(inputs: [GraphNode], output: GraphNode) {
        let x = inputs[0].value.data, y = output.value.data
        let rows = inputs[0].value.rows, columns = inputs[0].value.columns
        for c in 0..<columns { y[c] = 0 }
        for r in 0..<rows {
            for c in 0..<columns { y[c] += x[r * columns + c] }
        }
        for c in 0..<columns { y[c] *= scale }
    }

    func backward(inputs: [GraphNode], output: GraphNode) {
        guard let dy = output.gradient?.data else { return }
        let columns = inputs[0].value.columns, scale = self.scale
        inputs[0].accumulateGradient { scale * dy[$0 % columns] }
    }
}

/// Sums over columns (features) for each row, scaled: a `[rows, 1]` matrix.
final class RowSum: Operation {
    let scale: Float
    init(scale: Float) { self.scale = scale }

    func forward(inputs: [GraphNode], output: GraphNode) {
        let x = inputs[0].value.data, y = output.value.data
        let rows = inputs[0].value.rows, columns = inputs[0].value.columns
        for r in 0..<rows {
            var total: Float = 0
            for c in 0..<columns { total += x[r * columns + c] }
            y[r] = total * scale
        }
    }

    func backward(inputs: [GraphNode], output: GraphNode) {
        guard let dy = output.gradient?.data else { return }
        let columns = inputs[0].value.columns, scale = self.scale
        inputs[0].accumulateGradient { scale * dy[$0 / columns] }
    }
}

/// The axis a reduction runs along.
public enum ReductionAxis {
    /// Over the batch: one value per feature.
    case rows
    /// Over the features: one value per row.
    case columns
}

extension Variable {
    /// The sum of all elements, a scalar.
    public func sum() -> Variable {
        graph.apply(ScaledSum(scale: 1), to: [self], outputShape: [1])
    }

    /// The mean of all elements, a scalar.
    public func mean() -> Variable {
        graph.apply(ScaledSum(scale: 1 / Float(max(node.value.count, 1))), to: [self], outputShape: [1])
    }

    /// The sum along `axis`.
    public func sum(along axis: ReductionAxis) -> Variable {
        switch axis {
        case .rows: return graph.apply(ColumnSum(scale: 1), to: [self], outputShape: [features])
        case .columns: return graph.apply(RowSum(scale: 1), to: [self], outputShape: [rows, 1])
        }
    }

    /// The mean along `axis`.
    public func mean(along axis: ReductionAxis) -> Variable {
        switch axis {
        case .rows: return graph.apply(ColumnSum(scale: 1 / Float(rows)), to: [self], outputShape: [features])
        case .columns: return graph.apply(RowSum(scale: 1 / Float(features)), to: [self], outputShape: [rows, 1])
        }
    }
}
