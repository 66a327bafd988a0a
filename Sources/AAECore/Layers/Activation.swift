/// An elementwise activation (relu, leaky_relu, tanh, sigmoid, …) as a layer;
/// it keeps its input's shape, a vector or a feature map.
public final class Activation<Function: ElementwiseFunction>: Layer {
    public let function: Function
    public let outputShape: FeatureShape

    public init(_ function: Function, shape: FeatureShape) {
        self.function = function
        self.outputShape = shape
    }

    public convenience init(_ function: Function, features: Int) {
        self.init(function, shape: .vector(features))
    }

    public var outputFeatures: Int { outputShape.features }

    public func callAsFunction(_ input: Variable) -> Variable { input.map(function) }

    /// The layer kind `name` applying the function `make` gives for its arguments.
    public static func definition(
        _ name: String, arguments: [LayerArgumentDefinition] = [],
        _ make: @escaping @Sendable (ResolvedLayerArguments) -> Function
    ) -> LayerDefinition {
        LayerDefinition(name: name, arguments: arguments, reads: .either,
                        shapedFootprint: { _, input in footprint(shape: input) }) { arguments, input, _ in
            Activation(make(arguments), shape: input)
        }
    }

    /// The footprint of an activation: the output and its gradient per example.
    public static func footprint(shape: FeatureShape) -> LayerFootprint { .elementwise(shape: shape) }
}
