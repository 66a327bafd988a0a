/// A layer that can apply the activation after it in a layer list as part of its
/// own operation, saving a pass over its output (and the pre-activation map) when
/// that map is large. `Sequential` offers each such layer the layer that follows it.
public protocol ActivationFusing: Layer {
    /// This layer followed by `next` as one operation, with the bits of the two
    /// applied in turn; nil when `next` is not an activation this layer can take.
    func callAsFunction(_ input: Variable, followedBy next: Layer) -> Variable?
}

/// An activation layer that may be a `Rectifier`.
public protocol RectifierLayer: Layer {
    var rectifier: Rectifier? { get }
}

extension Activation: RectifierLayer {
    public var rectifier: Rectifier? { (function as? any RectifierFunction)?.rectifier }
}
