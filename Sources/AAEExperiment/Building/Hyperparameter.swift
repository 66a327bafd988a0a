/// A numeric setting of a prior or an optimizer: its name, default and valid range.
public struct Hyperparameter: Sendable {
    public let name: String
    public let defaultValue: Double
    public let range: ClosedRange<Double>
    /// Whether the lower bound itself is invalid (a learning rate must be > 0).
    public let excludingLower: Bool

    public init(_ name: String, _ defaultValue: Double, _ range: ClosedRange<Double>, excludingLower: Bool = false) {
        self.name = name
        self.defaultValue = defaultValue
        self.range = range
        self.excludingLower = excludingLower
    }

    static let anyNumber = -Double.greatestFiniteMagnitude...Double.greatestFiniteMagnitude
    static let positive = 0...Double.greatestFiniteMagnitude
    static let unit = 0...1.0
}

extension Fields {
    /// Reads `hyperparameters` of the kind named `kind` from these fields, with
    /// `inherited` values (else the defaults) for absent ones; any other key
    /// except `ignoring` is reported as not belonging to that kind.
    func hyperparameters(_ hyperparameters: [Hyperparameter], of kind: String, inherited: [String: Double] = [:],
                         ignoring: [String] = ["kind"]) -> [String: Double] {
        let accepted = Set(hyperparameters.map(\.name))
        for (key, value) in values.sorted(by: { $0.key < $1.key })
        where !accepted.contains(key) && !ignoring.contains(key) {
            value.error("`\(kind)` has no setting `\(key)`; it takes \(hyperparameters.map(\.name).joined(separator: ", "))")
        }
        var result: [String: Double] = [:]
        for parameter in hyperparameters {
            result[parameter.name] = optional(parameter.name, inherited[parameter.name] ?? parameter.defaultValue) {
                $0.double(in: parameter.range, excludingLower: parameter.excludingLower)
            }
        }
        return result
    }
}
