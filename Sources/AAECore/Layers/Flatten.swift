/// A feature map read as a vector of its `height · width · channels` values in
/// NHWC order, as Keras' `Flatten`. The values already lie in that order, so the
/// layer adds nothing to the graph: it changes only the shape the next layer is told.
public final class Flatten: Layer {
    public let outputFeatures: Int

    public init(features: Int) { outputFeatures = features }

    public func callAsFunction(_ input: Variable) -> Variable { input }

    /// `flatten`; after a vector it changes nothing.
    public static let definition = LayerDefinition(name: "flatten", arguments: [], reads: .map,
                                                   shapedFootprint: { _, input in footprint(input) }) { _, input, _ in
        Flatten(features: input.features)
    }

    /// A view: no values of its own.
    public static func footprint(_ input: FeatureShape) -> LayerFootprint {
        LayerFootprint(trainingValuesPerExample: 0, inferenceValuesPerExample: 0, outputShape: .vector(input.features))
    }
}
