/// A layer that owns tensors (parameters or state buffers), with the names
/// they are exported by. Every layer kind that has tensors conforms, so that
/// an export holds every tensor of a model; layers without tensors
/// (activations, dropout, noise) need not.
public protocol ExportedLayer: Layer {
    /// The layer kind in exported names, numbered per chain: `dense` gives
    /// `dense_1`, `dense_2`.
    static var exportKind: String { get }
    /// The layer's tensors by their names within the layer, in a fixed order.
    var exportedTensors: [(name: String, tensor: Tensor)] { get }
}

extension Dense: ExportedLayer {
    public static var exportKind: String { "dense" }

    /// `weight` [in, out] and, when the layer has one, `bias` [out].
    public var exportedTensors: [(name: String, tensor: Tensor)] {
        [("weight", kernel.value)] + (bias.map { [("bias", $0.value)] } ?? [])
    }
}

extension BatchNorm: ExportedLayer {
    public static var exportKind: String { "batch_normalization" }

    /// `weight` (γ), `bias` (β), and the inference statistics `running_mean`
    /// and `running_var`, each [features]: in inference the layer computes
    /// `(x − running_mean) / √(running_var + ε) · weight + bias`.
    public var exportedTensors: [(name: String, tensor: Tensor)] {
        [("weight", scale.value), ("bias", offset.value), ("running_mean", runningMean), ("running_var", runningVariance)]
    }
}
