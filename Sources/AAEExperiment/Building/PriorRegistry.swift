import AAECore

/// A prior kind of the experiment format: its parameters with defaults, and how to build it.
public struct PriorDefinition: Sendable {
    public let name: String
    public let parameters: [Hyperparameter]
    public let build: @Sendable (_ parameters: [String: Double], _ dimension: Int) -> Prior
}

/// The priors an experiment file can name. Adding a prior is one `Prior` type
/// in AAECore plus one entry here.
public enum PriorRegistry {
    public static let definitions: [PriorDefinition] = [
        PriorDefinition(name: "normal", parameters: [
            Hyperparameter("mean", 0, Hyperparameter.anyNumber),
            Hyperparameter("std", 1, Hyperparameter.positive, excludingLower: true),
        ]) { parameters, dimension in
            NormalPrior(dimension: dimension, mean: Float(parameters["mean"]!), std: Float(parameters["std"]!))
        },
    ]

    public static var names: [String] { definitions.map(\.name) }

    public static func definition(_ name: String) -> PriorDefinition? {
        definitions.first { $0.name == name }
    }
}
