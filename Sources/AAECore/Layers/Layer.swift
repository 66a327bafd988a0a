/// A building block of a network: a type that owns its parameters and state and
/// adds its computation to a graph when called, as layers do in Keras or mlx-swift.
///
/// A layer is built for a known input shape, so that its weights can be
/// allocated, and carries its own facts: the shape it outputs, its
/// trainable parameters and its named state buffers. Checkpoints, the weights
/// export and `validate`'s summary read them from here, so a new layer kind —
/// one file with its type and its `LayerDefinition`, plus one entry in
/// `LayerRegistry` — is saved, restored, exported and counted with no other edit.
public protocol Layer: AnyObject {
    /// The trainable parameters, in a fixed order.
    var parameters: [Parameter] { get }
    /// The non-trainable tensors the layer updates while it trains (batch
    /// normalisation's running statistics), in a fixed order: a checkpoint saves
    /// them beside the parameters so that inference after a resume is unchanged.
    var stateBuffers: [StateBuffer] { get }
    /// The number of features of the output.
    var outputFeatures: Int { get }
    /// The shape of the output: a vector of `outputFeatures`, or a feature map.
    var outputShape: FeatureShape { get }
    /// Adds this layer's computation on `input` to the input's graph.
    func callAsFunction(_ input: Variable) -> Variable
}

extension Layer {
    public var parameters: [Parameter] { [] }
    public var stateBuffers: [StateBuffer] { [] }
    public var outputShape: FeatureShape { .vector(outputFeatures) }

    /// The number of trainable values.
    public var parameterCount: Int { parameters.reduce(0) { $0 + $1.value.count } }
    /// The number of non-trainable state values.
    public var stateCount: Int { stateBuffers.reduce(0) { $0 + $1.value.count } }
}
