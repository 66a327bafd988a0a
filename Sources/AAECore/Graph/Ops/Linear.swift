/// `x · W + b`, the dense layer's product with its bias folded into the GEMM:
/// the output is first filled with the bias rows and the product is added to
/// it (beta = 1), which saves both OpenBLAS's zeroing pass and a separate
/// bias pass over the output. Backward makes the input and weight gradients
/// together over the run's threads.
final class Linear: Operation {
    let rows: Int, inputs: Int, outputs: Int
    private let biasRows = BiasRows()

    init(rows: Int, inputs: Int, outputs: Int) {
        self.rows = rows
        self.inputs = inputs
        self.outputs = outputs
    }

    func forward(inputs nodes: [GraphNode], output: GraphNode) {
        let y = output.value.data, bias = nodes[2].value.data
        biasRows.fill(y, rows: rows, with: bias, columns: outputs)
        BLAS.gemm(transposeA: false, transposeB: false, m: rows, n: outputs, k: inputs,
                  a: nodes[0].value.data, b: nodes[1].value.data, beta: 1, c: y)
    }

    func backward(inputs nodes: [GraphNode], output: GraphNode) {
        guard let dy = output.gradient?.data else { return }
        let x = nodes[0], kernel = nodes[1], bias = nodes[2]
        let dx = x.gradient.map {
            GemmCall(transposeA: false, transposeB: true, m: rows, n: inputs, k: outputs,
                     a: dy, b: kernel.value.data, beta: x.gradientBeta(), c: $0.data)
        }
        let dw = kernel.gradient.map {
            GemmCall(transposeA: true, transposeB: false, m: inputs, n: outputs, k: rows,
                     a: x.value.data, b: dy, beta: kernel.gradientBeta(), c: $0.data)
        }
        BLAS.gemmIfPresent(dx, dw)
        if let db = bias.gradient?.data {
            if !bias.gradientWritten {
                db.update(repeating: 0, count: outputs)
                bias.gradientWritten = true
            }
            for r in 0..<rows {
                let row = dy + r * outputs
                for c in 0..<outputs { db[c] += row[c] }
            }
        }
    }
}

extension Variable {
    /// `self · kernel + bias` for a `[rows, in]` input, `[in, out]` kernel and `[out]` bias.
    public func linear(kernel: Variable, bias: Variable) -> Variable {
        precondition(shape.count == 2 && kernel.shape.count == 2 && features == kernel.shape[0],
                     "linear of \(shape) with kernel \(kernel.shape)")
        precondition(bias.node.value.count == kernel.shape[1], "bias of \(bias.shape) for kernel \(kernel.shape)")
        return graph.apply(Linear(rows: rows, inputs: features, outputs: kernel.shape[1]),
                           to: [self, kernel, bias], outputShape: [rows, kernel.shape[1]])
    }
}
