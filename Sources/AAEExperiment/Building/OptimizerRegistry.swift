import AAECore

/// An optimizer kind of the experiment format: hyperparameters with defaults, and how to build it.
public struct OptimizerDefinition: Sendable {
    public let name: String
    public let parameters: [Hyperparameter]
    /// The values of state the optimizer keeps per trained value (Adam's two moments).
    public let stateValuesPerParameter: @Sendable (_ parameters: [String: Double]) -> Int
    public let build: @Sendable (_ parameters: [String: Double], _ trained: [Parameter]) -> Optimizer
}

/// The optimizers an experiment file can name, with Keras' defaults. Adding an
/// optimizer is one `Optimizer` type in AAECore plus one entry here.
public enum OptimizerRegistry {
    public static let definitions: [OptimizerDefinition] = [
        OptimizerDefinition(name: "adam", parameters: [
            Hyperparameter("lr", 0.001, Hyperparameter.positive, excludingLower: true),
            Hyperparameter("beta1", 0.9, 0...0.999999), Hyperparameter("beta2", 0.999, 0...0.999999),
            Hyperparameter("epsilon", 1e-7, Hyperparameter.positive, excludingLower: true),
        ], stateValuesPerParameter: { _ in 2 }) { p, trained in
            Adam(parameters: trained, learningRate: Float(p["lr"]!), beta1: Float(p["beta1"]!),
                 beta2: Float(p["beta2"]!), epsilon: Float(p["epsilon"]!))
        },
        OptimizerDefinition(name: "sgd", parameters: [
            Hyperparameter("lr", 0.01, Hyperparameter.positive, excludingLower: true),
            Hyperparameter("momentum", 0, Hyperparameter.unit),
        ], stateValuesPerParameter: { ($0["momentum"] ?? 0) > 0 ? 1 : 0 }) { p, trained in
            SGD(parameters: trained, learningRate: Float(p["lr"]!), momentum: Float(p["momentum"]!))
        },
        OptimizerDefinition(name: "rmsprop", parameters: [
            Hyperparameter("lr", 0.001, Hyperparameter.positive, excludingLower: true),
            Hyperparameter("rho", 0.9, Hyperparameter.unit),
            Hyperparameter("epsilon", 1e-7, Hyperparameter.positive, excludingLower: true),
        ], stateValuesPerParameter: { _ in 1 }) { p, trained in
            RMSprop(parameters: trained, learningRate: Float(p["lr"]!), rho: Float(p["rho"]!), epsilon: Float(p["epsilon"]!))
        },
    ]

    public static var names: [String] { definitions.map(\.name) }

    public static func definition(_ name: String) -> OptimizerDefinition? {
        definitions.first { $0.name == name }
    }
}
