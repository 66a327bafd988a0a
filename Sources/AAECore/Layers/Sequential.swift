/// Layers applied one after another: the networks of the seeds' notebooks.
public final class Sequential: Layer {
    public let name: String
    public let layers: [Layer]
    public let inputFeatures: Int
    /// The shape of the input: a vector of `inputFeatures`, or the map the first layer reads.
    public let inputShape: FeatureShape

    /// Chains `layers`, naming their parameters `name.index.parameter`.
    public init(name: String, inputFeatures: Int, inputShape: FeatureShape? = nil, layers: [Layer]) {
        precondition(inputShape.map { $0.features == inputFeatures } ?? true,
                     "\(name): an input shape of \(inputShape!) for \(inputFeatures) features")
        self.name = name
        self.inputFeatures = inputFeatures
        self.inputShape = inputShape ?? .vector(inputFeatures)
        self.layers = layers
        for (index, layer) in layers.enumerated() {
            for parameter in layer.parameters where !parameter.name.hasPrefix("\(name).") {
                parameter.name = "\(name).\(index).\(parameter.name)"
            }
        }
    }

    public var parameters: [Parameter] { layers.flatMap(\.parameters) }

    /// Every layer's state buffers, in layer order, named `name.index.buffer` as parameters are.
    public var stateBuffers: [StateBuffer] {
        layers.enumerated().flatMap { index, layer in
            layer.stateBuffers.map { StateBuffer(name: "\(name).\(index).\($0.name)", value: $0.value) }
        }
    }

    public var outputFeatures: Int { layers.last?.outputFeatures ?? inputFeatures }
    public var outputShape: FeatureShape { layers.last?.outputShape ?? inputShape }

    /// Applies the layers in turn; a layer that can fuse the activation after it
    /// (`ActivationFusing`) applies both as one operation.
    public func callAsFunction(_ input: Variable) -> Variable {
        var value = input, index = 0
        while index < layers.count {
            if index + 1 < layers.count, let fusing = layers[index] as? ActivationFusing,
               let fused = fusing(value, followedBy: layers[index + 1]) {
                value = fused
                index += 2
            } else {
                value = layers[index](value)
                index += 1
            }
        }
        return value
    }
}
