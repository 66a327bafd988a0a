import AAECore

/// The layer kinds an experiment file can name. Adding a layer kind is one file
/// in AAECore/Layers — its `Layer` type with its `LayerDefinition` — plus one
/// entry here.
public enum LayerRegistry {
    public static let definitions: [LayerDefinition] = [
        Dense.definition,
        Activation.definition("relu") { _ in ReLU() },
        Activation.definition("leaky_relu", arguments: [
            .init(name: "alpha", kind: .number(0...1, openUpper: false), defaultValue: .number(0.3)),
        ]) { arguments in LeakyReLU(alpha: arguments.number("alpha")) },
        Activation.definition("tanh") { _ in Tanh() },
        Activation.definition("sigmoid") { _ in Sigmoid() },
        Activation.definition("softplus") { _ in Softplus() },
        Softmax.definition,
        Dropout.definition,
        GaussianNoise.definition,
        BatchNorm.definition,
        Conv2D.definition,
        Conv2DTranspose.definition,
        MaxPool2D.definition,
        AvgPool2D.definition,
        UpSample2D.definition,
        Flatten.definition,
        Reshape.definition,
    ]

    public static var names: [String] { definitions.map(\.name) }

    public static func definition(_ name: String) -> LayerDefinition? {
        definitions.first { $0.name == name }
    }
}

extension LayerSpec {
    /// The registered definition of the layer's kind (the reader accepts no other).
    var definition: LayerDefinition {
        guard let definition = LayerRegistry.definition(kind) else {
            preconditionFailure("layer kind \(kind) passed validation but is not registered")
        }
        return definition
    }

    /// The arguments with `latent` the code size and `input` the example size.
    func resolvedArguments(latent: Int, exampleSize: Int) -> ResolvedLayerArguments {
        ResolvedLayerArguments(values: arguments, latent: latent, input: exampleSize, labels: NetworkSizes.classCount)
    }

    /// What the layer for an input of shape `input` will be — its output shape,
    /// its parameter and state counts, its memory, or why it cannot read that
    /// input — from its definition, without building it.
    func footprint(input: FeatureShape, latent: Int, exampleSize: Int) -> LayerFootprint {
        definition.footprint(resolvedArguments(latent: latent, exampleSize: exampleSize), input)
    }
}
