import AAECore

/// A learning-rate schedule kind of the experiment format: its numeric settings
/// with defaults, its true/false settings, and how to build it.
public struct ScheduleDefinition: Sendable {
    public let name: String
    public let parameters: [Hyperparameter]
    /// The numeric settings that must be whole numbers (step counts).
    public let wholeNumbers: [String]
    /// True/false settings, false unless given.
    public let switches: [String]
    public let build: @Sendable (_ parameters: [String: Double], _ switches: [String: Bool]) -> LearningRateSchedule

    init(name: String, parameters: [Hyperparameter] = [], wholeNumbers: [String] = [], switches: [String] = [],
         build: @escaping @Sendable (_ parameters: [String: Double], _ switches: [String: Bool]) -> LearningRateSchedule) {
        self.name = name
        self.parameters = parameters
        self.wholeNumbers = wholeNumbers
        self.switches = switches
        self.build = build
    }

    /// Every setting a file may give for this kind, numeric then true/false, in order.
    var settingNames: [String] { parameters.map(\.name) + switches }
}

/// The learning-rate schedules an optimizer setting can name. Adding a schedule
/// is one `LearningRateSchedule` type in AAECore plus one entry here.
public enum ScheduleRegistry {
    public static let definitions: [ScheduleDefinition] = [
        ScheduleDefinition(name: "constant") { _, _ in ConstantLearningRate() },
        ScheduleDefinition(name: "step", parameters: [
            Hyperparameter("every", 1000, 1...1e9), Hyperparameter("factor", 0.5, Hyperparameter.positive),
        ], wholeNumbers: ["every"]) { p, _ in
            StepDecay(every: Int(p["every"]!), factor: p["factor"]!)
        },
        ScheduleDefinition(name: "exponential", parameters: [
            Hyperparameter("decay_rate", 0.96, Hyperparameter.positive, excludingLower: true),
            Hyperparameter("decay_steps", 1000, 1...1e9),
        ], wholeNumbers: ["decay_steps"], switches: ["staircase"]) { p, switches in
            ExponentialDecay(decayRate: p["decay_rate"]!, decaySteps: Int(p["decay_steps"]!),
                             staircase: switches["staircase"] ?? false)
        },
    ]

    public static var names: [String] { definitions.map(\.name) }

    public static func definition(_ name: String) -> ScheduleDefinition? {
        definitions.first { $0.name == name }
    }

    /// The schedule of `setting`, which passed validation.
    public static func schedule(_ setting: ScheduleSetting) -> LearningRateSchedule {
        guard let definition = definition(setting.kind) else {
            preconditionFailure("schedule \(setting.kind) passed validation but is not registered")
        }
        return definition.build(setting.parameters, setting.switches)
    }
}
