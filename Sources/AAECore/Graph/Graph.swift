/// A computation graph with reverse-mode automatic differentiation.
///
/// A graph is built once for a fixed batch size (define, then run many times):
/// every value and gradient buffer is allocated at build time, `forward()`
/// evaluates the nodes in the order they were added, and `backward(from:)`
/// propagates gradients in reverse order to every node that needs one. A step
/// therefore allocates no memory, and its cost is the matrix products plus a few
/// elementwise loops.
public final class Graph {
    /// The nodes in evaluation order.
    public private(set) var nodes: [GraphNode] = []
    /// Whether layers behave as in training (dropout and noise active, batch
    /// statistics in batch normalisation) or as in inference.
    public var isTraining: Bool
    /// The generator that stochastic operations (dropout, noise) draw from.
    public var random: RandomGenerator
    private var parameterNodes: [ObjectIdentifier: GraphNode] = [:]
    /// The parameters used by this graph, in order of first use.
    public private(set) var parameters: [Parameter] = []

    public init(isTraining: Bool = true, random: RandomGenerator = RandomGenerator(seed: 0)) {
        self.isTraining = isTraining
        self.random = random
    }

    /// A value fed from outside before each forward pass (a batch of images, prior samples, targets).
    public func input(shape: [Int]) -> Variable {
        append(GraphNode(value: Tensor(shape: shape), gradient: nil, operation: nil, inputs: []))
    }

    /// A value fixed at build time.
    public func constant(_ tensor: Tensor) -> Variable {
        append(GraphNode(value: tensor, gradient: nil, operation: nil, inputs: []))
    }

    /// A constant filled with `value`.
    public func constant(shape: [Int], repeating value: Float) -> Variable {
        constant(Tensor(shape: shape, repeating: value))
    }

    /// The node of `parameter` in this graph; one node however often it is used.
    public func parameter(_ parameter: Parameter) -> Variable {
        let key = ObjectIdentifier(parameter)
        if let node = parameterNodes[key] { return Variable(graph: self, node: node) }
        let node = GraphNode(value: parameter.value, gradient: parameter.gradient, operation: nil,
                        inputs: [], parameter: parameter)
        parameterNodes[key] = node
        parameters.append(parameter)
        return append(node)
    }

    /// Adds an operation on `inputs` whose output has `outputShape`. The output
    /// gets a gradient when some input has one, unless `differentiable` is false.
    public func apply(_ operation: Operation, to inputs: [Variable], outputShape: [Int],
                      differentiable: Bool = true) -> Variable {
        for input in inputs {
            precondition(input.graph === self, "an operation's inputs must belong to its graph")
        }
        let needsGradient = differentiable && inputs.contains { $0.node.requiresGradient }
        let node = GraphNode(value: Tensor(shape: outputShape),
                        gradient: needsGradient ? Tensor(shape: outputShape) : nil,
                        operation: operation, inputs: inputs.map(\.node))
        return append(node)
    }

    private func append(_ node: GraphNode) -> Variable {
        nodes.append(node)
        return Variable(graph: self, node: node)
    }

    /// The number of nodes added so far: a mark that splits the graph into
    /// stages evaluated separately with `forward(from:to:)`.
    public var nodeCount: Int { nodes.count }

    /// Evaluates every operation in order.
    public func forward() {
        forward(from: 0, to: nodes.count)
    }

    /// Evaluates the operations of the nodes with indices in `start..<end`, for
    /// a graph whose later stage must see parameters updated after an earlier one.
    public func forward(from start: Int, to end: Int) {
        for index in start..<end {
            let node = nodes[index]
            node.operation?.forward(inputs: node.inputs, output: node)
        }
    }

    /// Computes the gradient of the scalar `loss` with respect to every node that
    /// needs one. Parameters that the loss does not reach get a zero gradient,
    /// unless `zeroingUnreached` is false (their gradients are then left as they
    /// were, for a caller that updates only the parameters the loss reaches).
    public func backward(from loss: Variable, zeroingUnreached: Bool = true) {
        precondition(loss.node.value.count == 1, "backward needs a scalar loss, got shape \(loss.shape)")
        guard let lossGradient = loss.node.gradient else {
            if zeroingUnreached { for node in parameterNodes.values { node.gradient?.fill(0) } }
            return
        }
        for node in nodes { node.gradientWritten = false }
        lossGradient.data[0] = 1
        loss.node.gradientWritten = true
        guard let lossIndex = nodes.lastIndex(where: { $0 === loss.node }) else {
            preconditionFailure("the loss is not a node of this graph")
        }
        for index in stride(from: lossIndex, through: 0, by: -1) {
            let node = nodes[index]
            guard let operation = node.operation, node.gradientWritten else { continue }
            operation.backward(inputs: node.inputs, output: node)
        }
        guard zeroingUnreached else { return }
        for node in parameterNodes.values where !node.gradientWritten {
            node.gradient?.fill(0)
        }
    }
}
