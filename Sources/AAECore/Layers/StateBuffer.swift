/// A non-trainable tensor of a layer, under its name within the layer
/// (`running_mean`), which is also its name in the weights export.
///
/// The layer updates the tensor in place while it trains; a checkpoint copies
/// its values out and a restore copies them back into the same tensor.
public struct StateBuffer {
    public let name: String
    public let value: Tensor

    public init(name: String, value: Tensor) {
        self.name = name
        self.value = value
    }
}
