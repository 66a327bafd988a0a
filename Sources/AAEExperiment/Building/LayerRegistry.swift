import AAECore

/// What an argument of a layer kind accepts.
public struct LayerArgumentDefinition: Sendable {
    public enum Kind: Sendable {
        /// A feature count: a positive integer, `latent` or `input`.
        case size
        /// A number in a range; `openUpper` excludes the upper bound.
        case number(ClosedRange<Double>, openUpper: Bool)
        case flag
    }

    public let name: String
    public let kind: Kind
    public let defaultValue: LayerArgument?

    var expected: String {
        switch kind {
        case .size: return "a positive size, `latent`, `input` or `labels`"
        case .number(let range, let openUpper):
            let upper = range.upperBound == .infinity ? "∞" : range.upperBound.formatted
            return "a number in [\(range.lowerBound.formatted), \(upper)\(openUpper ? ")" : "]")"
        case .flag: return "true or false"
        }
    }

    func parse(_ text: String, at node: ConfigNode, kind layer: String) -> LayerArgument? {
        switch kind {
        case .size:
            switch text {
            case "latent": return .size(.latent)
            case "input": return .size(.input)
            case "labels": return .size(.labels)
            default:
                if let value = Int(text), value > 0 { return .size(.literal(value)) }
            }
        case .number(let range, let openUpper):
            if let value = Double(text), value >= range.lowerBound,
               openUpper ? value < range.upperBound : value <= range.upperBound {
                return .number(value)
            }
        case .flag:
            if text == "true" { return .flag(true) }
            if text == "false" { return .flag(false) }
        }
        node.error("`\(layer)` argument `\(name)` expects \(expected), found `\(text)`")
        return nil
    }
}

/// A layer kind of the experiment format: its name, its arguments, its footprint
/// and how to build it.
public struct LayerDefinition: Sendable {
    public let name: String
    public let arguments: [LayerArgumentDefinition]
    /// What the layer for `inputFeatures` inputs will cost, without building it.
    public let footprint: @Sendable (ResolvedLayerArguments, Int) -> LayerFootprint
    /// Makes the layer for `inputFeatures` inputs from resolved arguments.
    public let build: @Sendable (ResolvedLayerArguments, Int, inout RandomGenerator) -> Layer

    var usage: String {
        arguments.isEmpty ? "no arguments"
            : arguments.map { $0.defaultValue == nil ? "<\($0.name)>" : "[\($0.name)]" }.joined(separator: " ")
    }
}

/// A layer's arguments with symbolic sizes replaced by numbers.
public struct ResolvedLayerArguments {
    let values: [String: LayerArgument]
    let latent: Int
    let input: Int

    public func size(_ name: String) -> Int {
        guard case .size(let size) = values[name] else { preconditionFailure("\(name) is not a size") }
        return size.resolve(latent: latent, input: input, labels: NetworkSizes.classCount)
    }

    public func number(_ name: String) -> Float {
        guard case .number(let value) = values[name] else { preconditionFailure("\(name) is not a number") }
        return Float(value)
    }

    public func flag(_ name: String) -> Bool {
        guard case .flag(let value) = values[name] else { preconditionFailure("\(name) is not a flag") }
        return value
    }
}

/// The layer kinds an experiment file can name. Adding a layer kind is one
/// `Layer` type in AAECore plus one entry here.
public enum LayerRegistry {
    public static let definitions: [LayerDefinition] = [
        LayerDefinition(name: "dense", arguments: [
            .init(name: "units", kind: .size, defaultValue: nil),
            .init(name: "bias", kind: .flag, defaultValue: .flag(true)),
        ], footprint: { arguments, inputs in
            Dense.footprint(inputFeatures: inputs, units: arguments.size("units"), useBias: arguments.flag("bias"))
        }) { arguments, inputs, random in
            Dense(inputFeatures: inputs, units: arguments.size("units"), useBias: arguments.flag("bias"), random: &random)
        },
        activation("relu") { _ in ReLU() },
        LayerDefinition(name: "leaky_relu", arguments: [
            .init(name: "alpha", kind: .number(0...1, openUpper: false), defaultValue: .number(0.3)),
        ], footprint: { _, inputs in Activation<LeakyReLU>.footprint(features: inputs) }) { arguments, inputs, _ in
            Activation(LeakyReLU(alpha: arguments.number("alpha")), features: inputs)
        },
        activation("tanh") { _ in Tanh() },
        activation("sigmoid") { _ in Sigmoid() },
        activation("softplus") { _ in Softplus() },
        LayerDefinition(name: "dropout", arguments: [
            .init(name: "rate", kind: .number(0...1, openUpper: true), defaultValue: nil),
        ], footprint: { _, inputs in Dropout.footprint(features: inputs) }) { arguments, inputs, _ in
            Dropout(rate: arguments.number("rate"), features: inputs)
        },
        LayerDefinition(name: "gaussian_noise", arguments: [
            .init(name: "std", kind: .number(0...Double.infinity, openUpper: false), defaultValue: nil),
        ], footprint: { _, inputs in GaussianNoise.footprint(features: inputs) }) { arguments, inputs, _ in
            GaussianNoise(std: arguments.number("std"), features: inputs)
        },
        LayerDefinition(name: "batch_norm", arguments: [
            .init(name: "momentum", kind: .number(0...1, openUpper: true), defaultValue: .number(0.99)),
            .init(name: "epsilon", kind: .number(0...1, openUpper: false), defaultValue: .number(0.001)),
        ], footprint: { _, inputs in BatchNorm.footprint(features: inputs) }) { arguments, inputs, _ in
            BatchNorm(features: inputs, momentum: arguments.number("momentum"), epsilon: arguments.number("epsilon"))
        },
    ]

    public static var names: [String] { definitions.map(\.name) }

    public static func definition(_ name: String) -> LayerDefinition? {
        definitions.first { $0.name == name }
    }

    private static func activation<F: ElementwiseFunction>(
        _ name: String, _ make: @escaping @Sendable (ResolvedLayerArguments) -> F
    ) -> LayerDefinition {
        LayerDefinition(name: name, arguments: [], footprint: { _, inputs in Activation<F>.footprint(features: inputs) }) {
            arguments, inputs, _ in
            Activation(make(arguments), features: inputs)
        }
    }
}
