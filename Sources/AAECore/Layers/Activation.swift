/// An elementwise activation (relu, leaky_relu, tanh, sigmoid, …) as a layer.
public final class Activation<Function: ElementwiseFunction>: Layer {
    public let function: Function
    public let outputFeatures: Int

    public init(_ function: Function, features: Int) {
        self.function = function
        self.outputFeatures = features
    }

    public func callAsFunction(_ input: Variable) -> Variable { input.map(function) }

    /// The layer kind `name` applying the function `make` gives for its arguments.
    public static func definition(
        _ name: String, arguments: [LayerArgumentDefinition] = [],
        _ make: @escaping @Sendable (ResolvedLayerArguments) -> Function
    ) -> LayerDefinition {
        LayerDefinition(name: name, arguments: arguments, footprint: { _, inputs in footprint(features: inputs) }) {
            arguments, inputs, _ in
            Activation(make(arguments), features: inputs)
        }
    }

    /// The footprint of an activation: the output and its gradient per example.
    public static func footprint(features: Int) -> LayerFootprint { .elementwise(features: features) }
}
