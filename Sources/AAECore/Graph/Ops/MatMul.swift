/// Matrix product `op(A) · op(B)`, where `op` optionally transposes; the
/// transposes are flags to sgemm, never copies.
final class MatMul: Operation {
    let transposeA: Bool
    let transposeB: Bool
    let m: Int, n: Int, k: Int

    init(transposeA: Bool, transposeB: Bool, m: Int, n: Int, k: Int) {
        self.transposeA = transposeA
        self.transposeB = transposeB
        self.m = m; self.n = n; self.k = k
    }

    func forward(inputs: [GraphNode], output: GraphNode) {
        BLAS.gemm(transposeA: transposeA, transposeB: transposeB, m: m, n: n, k: k,
                  a: inputs[0].value.data, b: inputs[1].value.data, c: output.value.data)
    }

    /// The two gradients are independent products, made together over the
    /// run's threads (one after the other when both operands are one node).
    func backward(inputs: [GraphNode], output: GraphNode) {
        guard let dC = output.gradient?.data else { return }
        let a = inputs[0], b = inputs[1]
        let dA = a.gradient.map { gradientOfA($0.data, beta: a.gradientBeta(), dC: dC, b: b) }
        if a === b, let dA { BLAS.gemm(dA) }
        let dB = b.gradient.map { gradientOfB($0.data, beta: b.gradientBeta(), dC: dC, a: a) }
        switch (a === b ? nil : dA, dB) {
        case let (dA?, dB?): BLAS.gemm(dA, dB)
        case let (dA?, nil): BLAS.gemm(dA)
        case let (nil, dB?): BLAS.gemm(dB)
        case (nil, nil): break
        }
    }

    /// C = A·B: dA = dC·Bᵀ; C = Aᵀ·B: dA = B·dCᵀ (and likewise with B transposed).
    private func gradientOfA(_ dA: UnsafeMutablePointer<Float>, beta: Float, dC: UnsafePointer<Float>,
                             b: GraphNode) -> GemmCall {
        if transposeA {
            return GemmCall(transposeA: transposeB, transposeB: true, m: k, n: m, k: n,
                            a: b.value.data, b: dC, beta: beta, c: dA)
        }
        return GemmCall(transposeA: false, transposeB: !transposeB, m: m, n: k, k: n,
                        a: dC, b: b.value.data, beta: beta, c: dA)
    }

    /// C = A·B: dB = Aᵀ·dC; C = A·Bᵀ: dB = dCᵀ·A (and likewise with A transposed).
    private func gradientOfB(_ dB: UnsafeMutablePointer<Float>, beta: Float, dC: UnsafePointer<Float>,
                             a: GraphNode) -> GemmCall {
        if transposeB {
            return GemmCall(transposeA: true, transposeB: transposeA, m: n, n: k, k: m,
                            a: dC, b: a.value.data, beta: beta, c: dB)
        }
        return GemmCall(transposeA: !transposeA, transposeB: false, m: k, n: n, k: m,
                        a: a.value.data, b: dC, beta: beta, c: dB)
    }
}

extension Variable {
    /// The matrix product `op(self) · op(other)`, transposing either operand on request.
    public func matmul(_ other: Variable, transposeSelf: Bool = false, transposeOther: Bool = false) -> Variable {
        precondition(shape.count == 2 && other.shape.count == 2, "matmul needs matrices, got \(shape) and \(other.shape)")
        let m = transposeSelf ? shape[1] : shape[0]
        let k = transposeSelf ? shape[0] : shape[1]
        let k2 = transposeOther ? other.shape[1] : other.shape[0]
        let n = transposeOther ? other.shape[0] : other.shape[1]
        precondition(k == k2, "matmul inner sizes differ: \(shape) · \(other.shape)")
        return graph.apply(MatMul(transposeA: transposeSelf, transposeB: transposeOther, m: m, n: n, k: k),
                           to: [self, other], outputShape: [m, n])
    }
}
