/// Values read as a feature map of a given shape, as Keras' `Reshape((h, w, c))`:
/// a vector of `h · w · c` features (a dense layer's output before a
/// transposed convolution), or a map of as many values. Like `Flatten`, a view
/// that adds nothing to the graph.
public final class Reshape: Layer {
    public let outputShape: FeatureShape

    public init(shape: FeatureShape) { outputShape = shape }

    public var outputFeatures: Int { outputShape.features }

    public func callAsFunction(_ input: Variable) -> Variable { input }

    /// `reshape <shape>`: `reshape [7, 7, 64]` (the short form writes `reshape 7x7x64`).
    public static let definition = LayerDefinition(name: "reshape", arguments: [
        .init(name: "shape", kind: .shape, defaultValue: nil),
    ], reads: .either, shapedFootprint: { arguments, input in
        let shape = arguments.shape("shape")
        guard shape.features == input.features else {
            return .rejected("needs \(shape.features) values but gets \(input.phrase)", input: input)
        }
        return LayerFootprint(trainingValuesPerExample: 0, inferenceValuesPerExample: 0, outputShape: shape)
    }) { arguments, _, _ in Reshape(shape: arguments.shape("shape")) }
}
