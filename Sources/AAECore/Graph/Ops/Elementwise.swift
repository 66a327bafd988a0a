/// `a + b`, `a − b` or `a ⊙ b` of two tensors of the same shape.
final class ElementwiseBinary: Operation {
    enum Kind { case add, subtract, multiply }
    let kind: Kind
    init(_ kind: Kind) { self.kind = kind }

    func forward(inputs: [GraphNode], output: GraphNode) {
        let a = inputs[0].value.data, b = inputs[1].value.data, y = output.value.data
        let n = output.value.count
        switch kind {
        case .add: for i in 0..<n { y[i] = a[i] + b[i] }
        case .subtract: for i in 0..<n { y[i] = a[i] - b[i] }
        case .multiply: for i in 0..<n { y[i] = a[i] * b[i] }
        }
    }

    func backward(inputs: [GraphNode], output: GraphNode) {
        guard let dy = output.gradient?.data else { return }
        let a = inputs[0], b = inputs[1]
        switch kind {
        case .add:
            a.accumulateGradient { dy[$0] }
            b.accumulateGradient { dy[$0] }
        case .subtract:
            a.accumulateGradient { dy[$0] }
            b.accumulateGradient { -dy[$0] }
        case .multiply:
            let av = a.value.data, bv = b.value.data
            a.accumulateGradient { dy[$0] * bv[$0] }
            b.accumulateGradient { dy[$0] * av[$0] }
        }
    }
}

/// `scale · x + offset` with constants `scale` and `offset`.
final class Affine: Operation {
    let scale: Float, offset: Float
    init(scale: Float, offset: Float) { self.scale = scale; self.offset = offset }

    func forward(inputs: [GraphNode], output: GraphNode) {
        let x = inputs[0].value.data, y = output.value.data
        for i in 0..<output.value.count { y[i] = scale * x[i] + offset }
    }

    func backward(inputs: [GraphNode], output: GraphNode) {
        guard let dy = output.gradient?.data else { return }
        let scale = self.scale
        inputs[0].accumulateGradient { scale * dy[$0] }
    }
}

extension Variable {
    private func elementwise(_ kind: ElementwiseBinary.Kind, _ other: Variable) -> Variable {
        precondition(shape == other.shape, "elementwise \(kind) of \(shape) and \(other.shape)")
        return graph.apply(ElementwiseBinary(kind), to: [self, other], outputShape: shape)
    }

    public static func + (a: Variable, b: Variable) -> Variable { a.elementwise(.add, b) }
    public static func - (a: Variable, b: Variable) -> Variable { a.elementwise(.subtract, b) }
    public static func * (a: Variable, b: Variable) -> Variable { a.elementwise(.multiply, b) }

    /// `scale · self + offset`.
    public func affine(scale: Float, offset: Float = 0) -> Variable {
        graph.apply(Affine(scale: scale, offset: offset), to: [self], outputShape: shape)
    }

    public static func * (a: Variable, s: Float) -> Variable { a.affine(scale: s) }
    public static func * (s: Float, a: Variable) -> Variable { a.affine(scale: s) }
    public static func + (a: Variable, s: Float) -> Variable { a.affine(scale: 1, offset: s) }
}
