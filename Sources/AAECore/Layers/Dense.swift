/// A fully connected layer, `x · W + b`, initialised as Keras does
/// (Glorot-uniform kernel, zero bias).
public final class Dense: Layer {
    public let kernel: Parameter
    public let bias: Parameter?
    public let outputFeatures: Int

    public init(inputFeatures: Int, units: Int, useBias: Bool = true, random: inout RandomGenerator) {
        precondition(inputFeatures > 0 && units > 0, "dense \(inputFeatures) → \(units)")
        let limit = (6 / Float(inputFeatures + units)).squareRoot()
        let weights = Tensor(shape: [inputFeatures, units])
        random.fillUniform(weights.data, count: weights.count, low: -limit, high: limit)
        kernel = Parameter(name: "kernel", value: weights)
        bias = useBias ? Parameter(name: "bias", value: Tensor(shape: [units])) : nil
        outputFeatures = units
    }

    public var parameters: [Parameter] { [kernel] + (bias.map { [$0] } ?? []) }

    /// `dense <units> [bias]`: `units` features, with a bias unless `bias` is false.
    public static let definition = LayerDefinition(name: "dense", arguments: [
        .init(name: "units", kind: .size, defaultValue: nil),
        .init(name: "bias", kind: .flag, defaultValue: .flag(true)),
    ], footprint: { arguments, inputs in
        footprint(inputFeatures: inputs, units: arguments.size("units"), useBias: arguments.flag("bias"))
    }) { arguments, inputs, random in
        Dense(inputFeatures: inputs, units: arguments.size("units"), useBias: arguments.flag("bias"), random: &random)
    }

    /// The footprint of a dense layer before it is built: its kernel and bias, and
    /// one output (with its gradient in training) per example.
    public static func footprint(inputFeatures: Int, units: Int, useBias: Bool) -> LayerFootprint {
        let weights = LayerFootprint.sum(LayerFootprint.product(inputFeatures, units), useBias ? units : 0)
        return LayerFootprint(parameters: weights, trainingValuesPerExample: LayerFootprint.product(units, 2),
                              inferenceValuesPerExample: units, outputFeatures: units)
    }

    public func callAsFunction(_ input: Variable) -> Variable {
        let graph = input.graph
        guard let bias else { return input.matmul(graph.parameter(kernel)) }
        return input.linear(kernel: graph.parameter(kernel), bias: graph.parameter(bias))
    }
}

extension Dense: ExportedLayer {
    public static var exportKind: String { "dense" }

    /// `weight` [in, out] and, when the layer has one, `bias` [out].
    public var exportedParameters: [(name: String, tensor: Tensor)] {
        [("weight", kernel.value)] + (bias.map { [("bias", $0.value)] } ?? [])
    }
}
