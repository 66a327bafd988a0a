/// A layer that owns tensors (parameters or state buffers), with the names
/// they are exported by. Every layer kind that has tensors conforms, in its own
/// file, so that an export holds every tensor of a model; layers without tensors
/// (activations, dropout, noise) need not.
public protocol ExportedLayer: Layer {
    /// The layer kind in exported names, numbered per chain: `dense` gives
    /// `dense_1`, `dense_2`.
    static var exportKind: String { get }
    /// The layer's parameters by their exported names, in a fixed order.
    var exportedParameters: [(name: String, tensor: Tensor)] { get }
}

extension ExportedLayer {
    /// The parameters under their exported names, then the state buffers under their own.
    public var exportedTensors: [(name: String, tensor: Tensor)] {
        exportedParameters + stateBuffers.map { ($0.name, $0.value) }
    }
}
