/// A tensor of a model under the path-like name it is exported by
/// (`encoder.dense_1.weight`, `decoder.batch_normalization_1.running_mean`),
/// with its shape and a copy of its values in C order.
///
/// Names follow the model's structure: the network (`encoder`, `decoder`,
/// `discriminator`), the graph node for graph networks, the layer numbered per
/// kind within its chain as Keras numbers layers (`dense_1`, `dense_2`), then
/// the tensor. Shapes are the engine's own: a dense weight is [in, out], as
/// Keras' kernel, so `y = x @ weight + bias`.
public struct NamedTensor: Equatable, Sendable {
    public let name: String
    public let shape: [Int]
    public let values: [Float]

    public init(name: String, shape: [Int], values: [Float]) {
        self.name = name
        self.shape = shape
        self.values = values
    }

    /// The current values of `tensor`, named `name`.
    public init(name: String, _ tensor: Tensor) {
        self.init(name: name, shape: tensor.shape, values: tensor.scalars)
    }
}
