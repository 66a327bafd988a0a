/// A layer kind of the experiment format: its name, its arguments, its facts
/// before it is built and how to build it.
///
/// Each layer type declares its own (`Dense.definition`) in its file, and
/// `LayerRegistry` lists them: the reader checks a layer's arguments against
/// `arguments`, the size checks, `validate`'s parameter estimate and the memory
/// estimate ask `footprint`, and the builder calls `build`. The footprint and the
/// built layer agree: its output shape, its parameter count and its state count.
public struct LayerDefinition: Sendable {
    /// What a layer kind reads: a vector (`dense`), a feature map (`conv2d`), or
    /// either, keeping its shape (activations, `batch_norm`, `reshape`).
    public enum Reads: Sendable {
        case vector
        case map
        case either
    }

    public let name: String
    public let arguments: [LayerArgumentDefinition]
    public let reads: Reads
    /// What the layer for an input of the given shape will be — its output shape,
    /// its parameter and state counts, its memory, or why it cannot read that
    /// input — without building it.
    public let footprint: @Sendable (ResolvedLayerArguments, FeatureShape) -> LayerFootprint
    /// Makes the layer for an input of the given shape, drawing its weights from `random`.
    public let build: @Sendable (ResolvedLayerArguments, FeatureShape, inout RandomGenerator) -> Layer

    /// A layer kind that reads inputs of any shape its `footprint` accepts.
    public init(name: String, arguments: [LayerArgumentDefinition], reads: Reads,
                shapedFootprint footprint: @escaping @Sendable (ResolvedLayerArguments, FeatureShape) -> LayerFootprint,
                build: @escaping @Sendable (ResolvedLayerArguments, FeatureShape, inout RandomGenerator) -> Layer) {
        self.name = name
        self.arguments = arguments
        self.reads = reads
        self.footprint = footprint
        self.build = build
    }

    /// A layer kind that reads a vector of features, given as a count; a map
    /// must be flattened before it (as in Keras, where `Dense` after a map needs
    /// `Flatten`).
    public init(name: String, arguments: [LayerArgumentDefinition],
                footprint: @escaping @Sendable (ResolvedLayerArguments, Int) -> LayerFootprint,
                build: @escaping @Sendable (ResolvedLayerArguments, Int, inout RandomGenerator) -> Layer) {
        self.init(name: name, arguments: arguments, reads: .vector, shapedFootprint: { arguments, input in
            guard !input.isMap else {
                return .rejected("reads a vector but gets \(input.phrase); add `flatten` before it",
                                 input: .vector(input.features))
            }
            return footprint(arguments, input.features)
        }, build: { arguments, input, random in build(arguments, input.features, &random) })
    }
}
