/// A learning-rate schedule as a file gives it: a registry kind
/// (`ScheduleRegistry`) with its numeric and true/false settings.
public struct ScheduleSetting: Sendable, Equatable {
    public var kind: String
    public var parameters: [String: Double]
    public var switches: [String: Bool]

    public init(kind: String, parameters: [String: Double] = [:], switches: [String: Bool] = [:]) {
        self.kind = kind
        self.parameters = parameters
        self.switches = switches
    }

    /// The default: the learning rate never changes.
    public static let constant = ScheduleSetting(kind: "constant")
}
