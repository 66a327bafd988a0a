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

extension ConfigNode {
    /// Reads a mapping whose keys are `hyperparameters` (plus `extraKeys`, read
    /// elsewhere), with defaults for absent ones.
    func hyperparameters(_ hyperparameters: [Hyperparameter], extraKeys: [String]) -> [String: Double]? {
        guard let fields = fields(extraKeys + hyperparameters.map(\.name)) else { return nil }
        var values: [String: Double] = [:]
        var valid = true
        for parameter in hyperparameters {
            if let node = fields[parameter.name] {
                guard let value = node.double(in: parameter.range, excludingLower: parameter.excludingLower) else {
                    valid = false
                    continue
                }
                values[parameter.name] = value
            } else {
                values[parameter.name] = parameter.defaultValue
            }
        }
        return valid ? values : nil
    }
}
