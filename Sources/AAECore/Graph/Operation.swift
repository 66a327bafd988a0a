/// A differentiable operation: computes its output from its inputs, and the
/// gradients of its inputs from the gradient of its output.
///
/// Operations are created once when a graph is built and run on every step;
/// any scratch memory they need is allocated in `init`.
public protocol Operation: AnyObject {
    /// Computes `output.value` from the inputs' values.
    func forward(inputs: [GraphNode], output: GraphNode)
    /// Adds this operation's contribution to the gradient of each input that
    /// requires one, given `output.gradient`.
    func backward(inputs: [GraphNode], output: GraphNode)
}
