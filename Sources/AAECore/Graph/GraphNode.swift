/// One value of a computation graph: an input, a parameter, or the output of an operation.
///
/// A node owns its value tensor and, when a gradient can flow to it, a gradient
/// tensor; both are allocated once, when the graph is built.
public final class GraphNode {
    public let value: Tensor
    /// The gradient of the loss with respect to `value`; nil when no parameter lies upstream.
    public let gradient: Tensor?
    /// The operation that computes this node, nil for inputs, constants and parameters.
    let operation: Operation?
    let inputs: [GraphNode]
    /// The parameter this node stands for, if any.
    let parameter: Parameter?
    /// Whether the current backward pass has written `gradient` yet: the first
    /// contribution assigns, later ones add, so no gradient is ever zeroed first.
    var gradientWritten = false

    init(value: Tensor, gradient: Tensor?, operation: Operation?, inputs: [GraphNode], parameter: Parameter? = nil) {
        self.value = value
        self.gradient = gradient
        self.operation = operation
        self.inputs = inputs
        self.parameter = parameter
    }

    public var shape: [Int] { value.shape }
    public var requiresGradient: Bool { gradient != nil }

    /// Adds `contribution(i)` to gradient element `i` for every element, or assigns
    /// it when this is the first contribution of the pass.
    @inline(__always)
    func accumulateGradient(_ contribution: (Int) -> Float) {
        guard let gradient else { return }
        let g = gradient.data
        let n = gradient.count
        if gradientWritten {
            for i in 0..<n { g[i] += contribution(i) }
        } else {
            for i in 0..<n { g[i] = contribution(i) }
            gradientWritten = true
        }
    }

    /// The `beta` a GEMM writing this node's gradient must use: 0 for the first
    /// contribution of the pass, 1 to add to an earlier one. Marks the gradient written.
    @inline(__always)
    func gradientBeta() -> Float {
        defer { gradientWritten = true }
        return gradientWritten ? 1 : 0
    }
}

/// A handle to a node of a graph, used to build models: `let h = dense(x)`.
public struct Variable {
    public let graph: Graph
    public let node: GraphNode

    public var shape: [Int] { node.shape }
    /// The number of rows (batch size) of a 2-D value.
    public var rows: Int { node.value.rows }
    /// The number of features (columns) of a 2-D value.
    public var features: Int { node.value.columns }
    /// The value computed by the last forward pass.
    public var value: Tensor { node.value }
    /// The gradient computed by the last backward pass.
    public var gradient: Tensor? { node.gradient }
}
