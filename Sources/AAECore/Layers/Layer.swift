/// A building block of a network: a type that owns its parameters and adds its
/// computation to a graph when called, as layers do in Keras or swift-apis.
///
/// A layer is built for a known number of input features, so that its weights
/// can be allocated, and says how many features it outputs. Adding a layer kind
/// is one type conforming to this protocol plus one entry in `LayerRegistry`.
public protocol Layer: AnyObject {
    /// The trainable parameters, in a fixed order.
    var parameters: [Parameter] { get }
    /// The number of features of the output.
    var outputFeatures: Int { get }
    /// Adds this layer's computation on `input` to the input's graph.
    func callAsFunction(_ input: Variable) -> Variable
}

extension Layer {
    public var parameters: [Parameter] { [] }
}
