/// A layer kind of the experiment format: its name, its arguments, its facts
/// before it is built and how to build it.
///
/// Each layer type declares its own (`Dense.definition`) in its file, and
/// `LayerRegistry` lists them: the reader checks a layer's arguments against
/// `arguments`, the size checks, `validate`'s parameter estimate and the memory
/// estimate ask `footprint`, and the builder calls `build`. The footprint and the
/// built layer agree: its output width, its parameter count and its state count.
public struct LayerDefinition: Sendable {
    public let name: String
    public let arguments: [LayerArgumentDefinition]
    /// What the layer for `inputFeatures` inputs will be — its output width, its
    /// parameter and state counts, its memory — without building it.
    public let footprint: @Sendable (ResolvedLayerArguments, Int) -> LayerFootprint
    /// Makes the layer for `inputFeatures` inputs, drawing its weights from `random`.
    public let build: @Sendable (ResolvedLayerArguments, Int, inout RandomGenerator) -> Layer

    public init(name: String, arguments: [LayerArgumentDefinition],
                footprint: @escaping @Sendable (ResolvedLayerArguments, Int) -> LayerFootprint,
                build: @escaping @Sendable (ResolvedLayerArguments, Int, inout RandomGenerator) -> Layer) {
        self.name = name
        self.arguments = arguments
        self.footprint = footprint
        self.build = build
    }
}
