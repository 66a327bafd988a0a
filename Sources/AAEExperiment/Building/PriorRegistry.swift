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
        PriorDefinition(name: "student_t", parameters: [
            Hyperparameter("df", 3, Hyperparameter.positive, excludingLower: true),
            Hyperparameter("scale", 1, Hyperparameter.positive, excludingLower: true),
        ]) { parameters, dimension in
            StudentTPrior(dimension: dimension, degreesOfFreedom: parameters["df"]!, scale: Float(parameters["scale"]!))
        },
        PriorDefinition(name: "uniform", parameters: [
            Hyperparameter("low", -1, Hyperparameter.anyNumber),
            Hyperparameter("high", 1, Hyperparameter.anyNumber),
        ]) { parameters, dimension in
            let (low, high) = orderedBounds(Float(parameters["low"]!), Float(parameters["high"]!))
            return UniformPrior(dimension: dimension, low: low, high: high)
        },
        PriorDefinition(name: "mixture", parameters: [
            Hyperparameter("components", 10, 1...1000),
            Hyperparameter("radius", 1.4, Hyperparameter.positive),
            Hyperparameter("radial_std", 0.5, Hyperparameter.positive, excludingLower: true),
            Hyperparameter("tangential_std", 0.1, Hyperparameter.positive, excludingLower: true),
        ]) { parameters, dimension in
            GaussianMixturePrior(dimension: dimension, components: count(parameters["components"]!),
                                 radius: Float(parameters["radius"]!), radialStd: Float(parameters["radial_std"]!),
                                 tangentialStd: Float(parameters["tangential_std"]!))
        },
        PriorDefinition(name: "swiss_roll", parameters: [
            Hyperparameter("segments", 10, 1...1000),
            Hyperparameter("scale", 3, Hyperparameter.positive, excludingLower: true),
            Hyperparameter("turns", 2, Hyperparameter.positive),
            Hyperparameter("noise", 0.05, Hyperparameter.positive),
        ]) { parameters, dimension in
            SwissRollPrior(dimension: dimension, segments: count(parameters["segments"]!),
                           scale: Float(parameters["scale"]!), turns: Float(parameters["turns"]!),
                           noise: Float(parameters["noise"]!))
        },
        PriorDefinition(name: "categorical", parameters: []) { _, dimension in
            CategoricalPrior(classes: dimension)
        },
    ]

    public static var names: [String] { definitions.map(\.name) }

    /// A count parameter (read as a number) as an integer of at least 1.
    private static func count(_ value: Double) -> Int {
        max(1, Int(value.rounded()))
    }

    /// `low` and `high` in increasing order, never equal, so that building
    /// stays total even before the schema rejects `high <= low`.
    private static func orderedBounds(_ low: Float, _ high: Float) -> (Float, Float) {
        let lower = min(low, high), upper = max(low, high)
        return (lower, upper > lower ? upper : lower.nextUp)
    }

    public static func definition(_ name: String) -> PriorDefinition? {
        definitions.first { $0.name == name }
    }
}
