import Foundation

/// The softmax of each row, `yᵢ = e^(xᵢ − max x) / Σⱼ e^(xⱼ − max x)`: subtracting
/// the row's maximum keeps every exponent ≤ 0, so no row overflows and the largest
/// term is exactly 1 (the sum is never 0).
final class RowSoftmax: Operation {
    func forward(inputs: [GraphNode], output: GraphNode) {
        let x = inputs[0].value.data, y = output.value.data
        let rows = output.value.rows, width = output.value.columns
        for r in 0..<rows {
            RowSoftmax.softmax(x + r * width, into: y + r * width, count: width)
        }
    }

    /// `dxᵢ = yᵢ (dyᵢ − Σⱼ yⱼ dyⱼ)`, the softmax's Jacobian applied to the output gradient.
    func backward(inputs: [GraphNode], output: GraphNode) {
        guard let dy = output.gradient?.data, inputs[0].gradient != nil else { return }
        let y = output.value.data, width = output.value.columns
        var rowDot: Float = 0
        var currentRow = -1
        inputs[0].accumulateGradient { i in
            let row = i / width
            if row != currentRow {
                currentRow = row
                rowDot = 0
                for j in (row * width)..<((row + 1) * width) { rowDot += y[j] * dy[j] }
            }
            return y[i] * (dy[i] - rowDot)
        }
    }

    /// The softmax of `count` values.
    static func softmax(_ x: UnsafePointer<Float>, into y: UnsafeMutablePointer<Float>, count: Int) {
        var largest = -Float.infinity
        for j in 0..<count { largest = max(largest, x[j]) }
        var total: Float = 0
        for j in 0..<count {
            y[j] = expf(x[j] - largest)
            total += y[j]
        }
        let inverse = 1 / total
        for j in 0..<count { y[j] *= inverse }
    }
}

extension Variable {
    /// The softmax of each row: a probability vector per example.
    public func softmax() -> Variable {
        precondition(shape.count == 2, "softmax needs a matrix, got shape \(shape)")
        return graph.apply(RowSoftmax(), to: [self], outputShape: shape)
    }

    /// The input of the operation that made this value when it is a softmax, so
    /// that a cross-entropy on probabilities is computed stably from logits.
    var softmaxLogits: Variable? {
        guard node.operation is RowSoftmax else { return nil }
        return Variable(graph: graph, node: node.inputs[0])
    }
}
