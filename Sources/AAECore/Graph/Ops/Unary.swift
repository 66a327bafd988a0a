import Foundation

/// An elementwise function with its derivative, the one thing a new activation must say.
///
/// `derivative` receives both the input and the output, so that functions such
/// as tanh and sigmoid can use their cheap output form.
public protocol ElementwiseFunction {
    func value(_ x: Float) -> Float
    func derivative(x: Float, y: Float) -> Float
}

/// Applies an `ElementwiseFunction` to every element.
final class Unary<Function: ElementwiseFunction>: Operation {
    let function: Function
    init(_ function: Function) { self.function = function }

    func forward(inputs: [GraphNode], output: GraphNode) {
        let x = inputs[0].value.data, y = output.value.data
        for i in 0..<output.value.count { y[i] = function.value(x[i]) }
    }

    func backward(inputs: [GraphNode], output: GraphNode) {
        guard let dy = output.gradient?.data else { return }
        let x = inputs[0].value.data, y = output.value.data
        inputs[0].accumulateGradient { dy[$0] * function.derivative(x: x[$0], y: y[$0]) }
    }
}

public struct ReLU: ElementwiseFunction {
    public init() {}
    @inline(__always) public func value(_ x: Float) -> Float { x > 0 ? x : 0 }
    @inline(__always) public func derivative(x: Float, y: Float) -> Float { x > 0 ? 1 : 0 }
}

public struct LeakyReLU: ElementwiseFunction {
    public let alpha: Float
    public init(alpha: Float) { self.alpha = alpha }
    @inline(__always) public func value(_ x: Float) -> Float { x > 0 ? x : alpha * x }
    @inline(__always) public func derivative(x: Float, y: Float) -> Float { x > 0 ? 1 : alpha }
}

public struct Tanh: ElementwiseFunction {
    public init() {}
    @inline(__always) public func value(_ x: Float) -> Float { Foundation.tanhf(x) }
    @inline(__always) public func derivative(x: Float, y: Float) -> Float { 1 - y * y }
}

public struct Sigmoid: ElementwiseFunction {
    public init() {}
    @inline(__always) public func value(_ x: Float) -> Float {
        x >= 0 ? 1 / (1 + Foundation.expf(-x)) : { let e = Foundation.expf(x); return e / (1 + e) }()
    }
    @inline(__always) public func derivative(x: Float, y: Float) -> Float { y * (1 - y) }
}

/// `log(1 + eˣ)`, computed without overflow.
public struct Softplus: ElementwiseFunction {
    public init() {}
    @inline(__always) public func value(_ x: Float) -> Float {
        max(x, 0) + Foundation.log1pf(Foundation.expf(-abs(x)))
    }
    @inline(__always) public func derivative(x: Float, y: Float) -> Float { Sigmoid().value(x) }
}

public struct Exp: ElementwiseFunction {
    public init() {}
    @inline(__always) public func value(_ x: Float) -> Float { Foundation.expf(x) }
    @inline(__always) public func derivative(x: Float, y: Float) -> Float { y }
}

public struct Log: ElementwiseFunction {
    public init() {}
    @inline(__always) public func value(_ x: Float) -> Float { Foundation.logf(x) }
    @inline(__always) public func derivative(x: Float, y: Float) -> Float { 1 / x }
}

public struct Square: ElementwiseFunction {
    public init() {}
    @inline(__always) public func value(_ x: Float) -> Float { x * x }
    @inline(__always) public func derivative(x: Float, y: Float) -> Float { 2 * x }
}

public struct Absolute: ElementwiseFunction {
    public init() {}
    @inline(__always) public func value(_ x: Float) -> Float { abs(x) }
    @inline(__always) public func derivative(x: Float, y: Float) -> Float { x > 0 ? 1 : (x < 0 ? -1 : 0) }
}

extension Variable {
    /// Applies `function` to every element.
    public func map<Function: ElementwiseFunction>(_ function: Function) -> Variable {
        graph.apply(Unary(function), to: [self], outputShape: shape)
    }

    public func relu() -> Variable { map(ReLU()) }
    public func leakyRelu(alpha: Float) -> Variable { map(LeakyReLU(alpha: alpha)) }
    public func tanh() -> Variable { map(Tanh()) }
    public func sigmoid() -> Variable { map(Sigmoid()) }
    public func softplus() -> Variable { map(Softplus()) }
    public func exp() -> Variable { map(Exp()) }
    public func log() -> Variable { map(Log()) }
    public func squared() -> Variable { map(Square()) }
    public func abs() -> Variable { map(Absolute()) }

    /// The input of the operation that made this value when it is a sigmoid,
    /// so that losses on probabilities can be computed stably from logits.
    var sigmoidLogits: Variable? {
        guard node.operation is Unary<Sigmoid> else { return nil }
        return Variable(graph: graph, node: node.inputs[0])
    }
}
