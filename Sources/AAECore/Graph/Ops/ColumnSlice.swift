/// A block of consecutive columns of a matrix: a latent group's part of the
/// encoder's output.
final class ColumnSlice: Operation {
    let start: Int

    init(start: Int) { self.start = start }

    func forward(inputs: [GraphNode], output: GraphNode) {
        let x = inputs[0].value.data, y = output.value.data
        let width = output.value.columns, total = inputs[0].value.columns
        for r in 0..<output.value.rows {
            (y + r * width).update(from: x + r * total + start, count: width)
        }
    }

    /// The output's gradient goes to the sliced columns; the others get 0.
    func backward(inputs: [GraphNode], output: GraphNode) {
        guard let dy = output.gradient?.data else { return }
        let width = output.value.columns, total = inputs[0].value.columns, start = start
        inputs[0].accumulateGradient { i in
            let column = i % total - start
            return column >= 0 && column < width ? dy[(i / total) * width + column] : 0
        }
    }
}

extension Variable {
    /// The columns `range` of this matrix.
    public func columns(_ range: Range<Int>) -> Variable {
        precondition(shape.count == 2 && range.lowerBound >= 0 && range.upperBound <= features && !range.isEmpty,
                     "columns \(range) of a matrix of shape \(shape)")
        return graph.apply(ColumnSlice(start: range.lowerBound), to: [self], outputShape: [rows, range.count])
    }
}
