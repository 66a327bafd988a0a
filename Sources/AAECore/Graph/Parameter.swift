/// A trainable weight: its value and the gradient of the last backward pass.
///
/// Parameters belong to layers and are shared by every graph that uses the
/// layer, so the discriminator's weights are the same tensors in the
/// discriminator's phase and in the generator's phase.
public final class Parameter {
    /// A readable name, unique within its network (`encoder.0.kernel`).
    public var name: String
    public let value: Tensor
    /// The gradient of the loss of the last backward pass that reached this parameter.
    public let gradient: Tensor

    public init(name: String, value: Tensor) {
        self.name = name
        self.value = value
        self.gradient = Tensor(shape: value.shape)
    }

    public var shape: [Int] { value.shape }
}
