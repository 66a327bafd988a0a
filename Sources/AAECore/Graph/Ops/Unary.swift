import CKernels
import Foundation

/// An elementwise function with its derivative, the one thing a new activation must say.
///
/// `derivative` receives both the input and the output, so that functions such
/// as tanh and sigmoid can use their cheap output form. The whole-array loops
/// are protocol requirements with default implementations so that each
/// conforming type gets its own specialised, inlined loop.
public protocol ElementwiseFunction {
    func value(_ x: Float) -> Float
    func derivative(x: Float, y: Float) -> Float
    /// `y[i] = value(x[i])` for every element.
    func apply(_ x: UnsafePointer<Float>, into y: UnsafeMutablePointer<Float>, count: Int)
    /// `dx[i] (+)= dy[i] · derivative(x[i], y[i])`, adding when `accumulate` is true.
    func backpropagate(x: UnsafePointer<Float>, y: UnsafePointer<Float>, outputGradient dy: UnsafePointer<Float>,
                       inputGradient dx: UnsafeMutablePointer<Float>, count: Int, accumulate: Bool)
}

extension ElementwiseFunction {
    @inline(__always)
    public func apply(_ x: UnsafePointer<Float>, into y: UnsafeMutablePointer<Float>, count: Int) {
        for i in 0..<count { y[i] = value(x[i]) }
    }

    @inline(__always)
    public func backpropagate(x: UnsafePointer<Float>, y: UnsafePointer<Float>, outputGradient dy: UnsafePointer<Float>,
                              inputGradient dx: UnsafeMutablePointer<Float>, count: Int, accumulate: Bool) {
        if accumulate {
            for i in 0..<count { dx[i] += dy[i] * derivative(x: x[i], y: y[i]) }
        } else {
            for i in 0..<count { dx[i] = dy[i] * derivative(x: x[i], y: y[i]) }
        }
    }
}

/// Applies an `ElementwiseFunction` to every element, in fixed chunks over the
/// run's threads when the values are many (`UnaryPass`).
final class Unary<Function: ElementwiseFunction>: Operation {
    let function: Function
    private let pass: UnaryPass<Function>

    init(_ function: Function) {
        self.function = function
        pass = UnaryPass(function)
    }

    func forward(inputs: [GraphNode], output: GraphNode) {
        pass.x = UnsafePointer(inputs[0].value.data)
        pass.y = output.value.data
        pass.inputGradient = nil
        pass.run(count: output.value.count, minimumChunk: ElementwiseChunking.minimumValues)
    }

    func backward(inputs: [GraphNode], output: GraphNode) {
        let input = inputs[0]
        guard let dy = output.gradient?.data, let dx = input.gradient?.data else { return }
        pass.x = UnsafePointer(input.value.data)
        pass.y = output.value.data
        pass.outputGradient = UnsafePointer(dy)
        pass.inputGradient = dx
        pass.accumulate = input.gradientBeta() != 0
        pass.run(count: output.value.count, minimumChunk: ElementwiseChunking.minimumValues)
    }
}

/// One of `Unary`'s passes over a range of elements: forward (`y = f(x)`) or,
/// with an input gradient set, backward.
private final class UnaryPass<Function: ElementwiseFunction>: ChunkedPass {
    var chunks = PassChunks()
    let function: Function
    var x: UnsafePointer<Float>?
    var y: UnsafeMutablePointer<Float>?
    var outputGradient: UnsafePointer<Float>?
    /// Nil in the forward pass.
    var inputGradient: UnsafeMutablePointer<Float>?
    var accumulate = false

    init(_ function: Function) { self.function = function }

    func perform(range: Range<Int>) {
        guard let x, let y else { return }
        let start = range.lowerBound
        if let dx = inputGradient, let dy = outputGradient {
            function.backpropagate(x: x + start, y: y + start, outputGradient: dy + start, inputGradient: dx + start,
                                   count: range.count, accumulate: accumulate)
        } else {
            function.apply(x + start, into: y + start, count: range.count)
        }
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

    public func apply(_ x: UnsafePointer<Float>, into y: UnsafeMutablePointer<Float>, count: Int) {
        aae_leaky_relu(x, y, count, alpha)
    }

    public func backpropagate(x: UnsafePointer<Float>, y: UnsafePointer<Float>, outputGradient dy: UnsafePointer<Float>,
                              inputGradient dx: UnsafeMutablePointer<Float>, count: Int, accumulate: Bool) {
        aae_leaky_relu_backward(x, dy, dx, count, alpha, accumulate ? 1 : 0)
    }
}

public struct Tanh: ElementwiseFunction {
    public init() {}
    @inline(__always) public func value(_ x: Float) -> Float { FastMath.tanh(x) }
    @inline(__always) public func derivative(x: Float, y: Float) -> Float { 1 - y * y }

    public func apply(_ x: UnsafePointer<Float>, into y: UnsafeMutablePointer<Float>, count: Int) {
        aae_tanh(x, y, count)
    }
}

public struct Sigmoid: ElementwiseFunction {
    public init() {}
    @inline(__always) public func value(_ x: Float) -> Float { FastMath.sigmoid(x) }
    @inline(__always) public func derivative(x: Float, y: Float) -> Float { y * (1 - y) }

    public func apply(_ x: UnsafePointer<Float>, into y: UnsafeMutablePointer<Float>, count: Int) {
        aae_sigmoid(x, y, count)
    }
}

/// `log(1 + eˣ)`, computed without overflow.
public struct Softplus: ElementwiseFunction {
    public init() {}
    @inline(__always) public func value(_ x: Float) -> Float {
        max(x, 0) + FastMath.logOnePlusExpNegativeAbs(x)
    }
    @inline(__always) public func derivative(x: Float, y: Float) -> Float { Sigmoid().value(x) }
}

public struct Exp: ElementwiseFunction {
    public init() {}
    @inline(__always) public func value(_ x: Float) -> Float { FastMath.exp(x) }
    @inline(__always) public func derivative(x: Float, y: Float) -> Float { y }
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
    public func squared() -> Variable { map(Square()) }
    public func abs() -> Variable { map(Absolute()) }

    /// The input of the operation that made this value when it is a sigmoid,
    /// so that losses on probabilities can be computed stably from logits.
    var sigmoidLogits: Variable? {
        guard node.operation is Unary<Sigmoid> else { return nil }
        return Variable(graph: graph, node: node.inputs[0])
    }
}
