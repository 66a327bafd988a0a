/// A rectifier (relu, or leaky_relu with a slope of at least 0) that an operation
/// applies to its own output instead of a separate pass (`Convolution2D`,
/// `Convolution2DTranspose`).
///
/// Such a rectifier's output is positive exactly where its input is, so its
/// derivative is read from the output: the pre-activation map is never stored.
/// The fused forms compute each value with the same operations as the separate
/// `Unary` pass, so fusing changes no bit.
public enum Rectifier: Equatable, Sendable {
    case relu
    case leaky(slope: Float)

    /// The kernels' code: 1 for relu, 2 for leaky_relu.
    var code: Int32 {
        switch self {
        case .relu: 1
        case .leaky: 2
        }
    }

    /// The derivative where the output is not positive.
    var slope: Float {
        switch self {
        case .relu: 0
        case .leaky(let slope): slope
        }
    }
}

/// An elementwise function that is a `Rectifier` for some of its settings.
public protocol RectifierFunction: ElementwiseFunction {
    /// The rectifier this function is, or nil (a leaky_relu of negative slope).
    var rectifier: Rectifier? { get }
}

extension ReLU: RectifierFunction {
    public var rectifier: Rectifier? { .relu }
}

extension LeakyReLU: RectifierFunction {
    public var rectifier: Rectifier? { alpha >= 0 ? .leaky(slope: alpha) : nil }
}
